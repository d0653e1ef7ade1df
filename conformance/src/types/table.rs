//! The type table of ARCHITECTURE.md's "Types": every Go type minigo
//! knows is a [`Ty`], an index into one [`TypeTable`].
//!
//! Structural types (pointers, slices, arrays, maps, channels, funcs,
//! structs, interfaces, tuples) are interned: building the same structure
//! twice gives the same `Ty`, so Go's type identity is `==` on `Ty`. A
//! declared type (`type T ...`, and the predeclared `error`) is a
//! [`TyKind::Named`] created once per declaration, so two declarations are
//! never identical. Its underlying type is set after it is created, which
//! is how recursive types (`type L struct{ next *L }`) are built.
//!
//! ```
//! use minigo::types::table::{IntKind, TypeTable};
//! let mut t = TypeTable::new();
//! let int = t.int(IntKind::Int);
//! let a = t.slice(int);
//! let b = t.slice(int);
//! assert_eq!(a, b); // identical types are one Ty
//! let m = t.map(t.string(), a);
//! assert_eq!(t.display(m), "map[string][]int");
//! ```

use std::collections::HashMap;
use std::rc::Rc;

pub use crate::ast::ChanDir;

/// A type: an index into a [`TypeTable`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Ty(u32);

/// Integer kinds, each with its size and signedness.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum IntKind {
    /// `int` (64 bits, as on gc's 64-bit targets)
    Int,
    /// `int8`
    I8,
    /// `int16`
    I16,
    /// `int32` (and `rune`)
    I32,
    /// `int64`
    I64,
    /// `uint`
    Uint,
    /// `uint8` (and `byte`)
    U8,
    /// `uint16`
    U16,
    /// `uint32`
    U32,
    /// `uint64`
    U64,
    /// `uintptr`
    Uintptr,
}

impl IntKind {
    /// Every kind, in the order of the spec.
    pub const ALL: [IntKind; 11] = [
        IntKind::Int,
        IntKind::I8,
        IntKind::I16,
        IntKind::I32,
        IntKind::I64,
        IntKind::Uint,
        IntKind::U8,
        IntKind::U16,
        IntKind::U32,
        IntKind::U64,
        IntKind::Uintptr,
    ];

    /// Size in bits.
    #[inline]
    pub fn bits(self) -> u32 {
        // By declaration order (`self as usize`): one load, no branch (the
        // run time asks at every sized operation).
        const BITS: [u32; 11] = [64, 8, 16, 32, 64, 64, 8, 16, 32, 64, 64];
        BITS[self as usize]
    }

    /// Whether the kind is signed (the signed kinds are declared first).
    #[inline]
    pub fn signed(self) -> bool {
        self as u8 <= IntKind::I64 as u8
    }

    /// The smallest and largest value.
    pub fn range(self) -> (i128, i128) {
        let b = self.bits();
        if self.signed() {
            (-(1i128 << (b - 1)), (1i128 << (b - 1)) - 1)
        } else {
            (0, (1i128 << b) - 1)
        }
    }

    /// Go's name of the kind.
    pub fn name(self) -> &'static str {
        match self {
            IntKind::Int => "int",
            IntKind::I8 => "int8",
            IntKind::I16 => "int16",
            IntKind::I32 => "int32",
            IntKind::I64 => "int64",
            IntKind::Uint => "uint",
            IntKind::U8 => "uint8",
            IntKind::U16 => "uint16",
            IntKind::U32 => "uint32",
            IntKind::U64 => "uint64",
            IntKind::Uintptr => "uintptr",
        }
    }
}

/// The kinds of untyped constants (and untyped nil).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Untyped {
    /// `true`, `x == y`
    Bool,
    /// `1`
    Int,
    /// `'a'`
    Rune,
    /// `1.5`
    Float,
    /// `"s"`
    String,
    /// `nil`
    Nil,
}

/// A function signature.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Sig {
    /// Parameter types (the last is `[]T` when `variadic`).
    pub params: Vec<Ty>,
    /// Result types.
    pub results: Vec<Ty>,
    /// Whether the last parameter is `...T`.
    pub variadic: bool,
}

/// A struct field.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct FieldTy {
    /// Its name (an embedded field's is its type's name).
    pub name: Rc<str>,
    /// Its type.
    pub ty: Ty,
    /// Whether it is embedded.
    pub embedded: bool,
    /// Its tag (part of the type's identity).
    pub tag: Option<Rc<str>>,
}

/// An interface method: a name and a signature (a `Func` type).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct IfaceMethod {
    /// The method's name.
    pub name: Rc<str>,
    /// Its signature, a [`TyKind::Func`].
    pub sig: Ty,
}

/// A method declared on a named type.
#[derive(Debug, Clone)]
pub struct Method {
    /// The method's name.
    pub name: Rc<str>,
    /// Its signature without the receiver, a [`TyKind::Func`].
    pub sig: Ty,
    /// Whether the receiver is `*T` (else `T`).
    pub ptr_recv: bool,
    /// The function implementing it (the checker's index; natives of the
    /// runtime's own types use their own numbering).
    pub func: u32,
}

/// A declared type.
#[derive(Debug, Clone)]
pub struct NamedInfo {
    /// The name (`T`, `error`, `Error`).
    pub name: Rc<str>,
    /// The package (`None`: `main`, or predeclared for `error`).
    pub pkg: Option<Rc<str>>,
    /// The underlying type, once set.
    pub underlying: Option<Ty>,
    /// Declared methods, in declaration order.
    pub methods: Vec<Method>,
}

/// What a type is.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum TyKind {
    /// `bool`
    Bool,
    /// `string`
    String,
    /// An integer type.
    Int(IntKind),
    /// `float32` (32) or `float64` (64).
    Float(u8),
    /// The type of an untyped constant, or of `nil`.
    Untyped(Untyped),
    /// `*T`
    Pointer(Ty),
    /// `[]T`
    Slice(Ty),
    /// `[N]T`
    Array(u64, Ty),
    /// `map[K]V`
    Map(Ty, Ty),
    /// `chan T` with its direction.
    Chan(ChanDir, Ty),
    /// A func type.
    Func(Sig),
    /// A struct type.
    Struct(Vec<FieldTy>),
    /// An interface type: its whole method set (embedded interfaces
    /// flattened), sorted by name.
    Interface(Vec<IfaceMethod>),
    /// A declared type: an index into the table's named types.
    Named(u32),
    /// Several results of a call.
    Tuple(Vec<Ty>),
}

/// Where a selector `x.name` leads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Found {
    /// A struct field of this type.
    Field(Ty),
    /// A method declared on a named type: (named type, method index).
    Method(Ty, usize),
    /// A method of an interface type: (interface type, method index).
    IfaceMethod(Ty, usize),
}

/// The result of looking a name up in a type, with the embedded fields
/// walked to reach it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Selection {
    /// What was found.
    pub found: Found,
    /// Indices of the embedded fields walked through, outermost first,
    /// then (for a field) the field's own index.
    pub path: Vec<u32>,
    /// Whether a pointer was followed on the way (the receiver was a
    /// pointer, or an embedded field is one).
    pub indirect: bool,
}

/// Why a lookup failed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LookupError {
    /// No field or method of that name.
    Missing,
    /// Several at the shallowest depth (Go's "ambiguous selector").
    Ambiguous,
}

/// Every type of one program.
#[derive(Debug)]
pub struct TypeTable {
    kinds: Vec<TyKind>,
    interned: HashMap<TyKind, Ty>,
    named: Vec<NamedInfo>,
    error: Ty,
}

impl Default for TypeTable {
    fn default() -> Self {
        Self::new()
    }
}

impl TypeTable {
    /// A table with the predeclared types.
    pub fn new() -> Self {
        let mut t = TypeTable {
            kinds: Vec::new(),
            interned: HashMap::new(),
            named: Vec::new(),
            error: Ty(0),
        };
        for k in [
            TyKind::Bool,
            TyKind::String,
            TyKind::Float(32),
            TyKind::Float(64),
        ] {
            t.intern(k);
        }
        for k in IntKind::ALL {
            t.intern(TyKind::Int(k));
        }
        let string = t.string();
        let error_sig = t.func(Vec::new(), vec![string], false);
        let iface = t.interface(vec![IfaceMethod {
            name: "Error".into(),
            sig: error_sig,
        }]);
        t.error = t.new_named("error", None);
        t.set_underlying(t.error, iface);
        t
    }

    fn intern(&mut self, k: TyKind) -> Ty {
        if let Some(&t) = self.interned.get(&k) {
            return t;
        }
        let t = Ty(self.kinds.len() as u32);
        self.kinds.push(k.clone());
        self.interned.insert(k, t);
        t
    }

    /// What `t` is.
    pub fn kind(&self, t: Ty) -> &TyKind {
        &self.kinds[t.0 as usize]
    }

    /// `bool`
    pub fn bool(&self) -> Ty {
        self.interned[&TyKind::Bool]
    }

    /// `string`
    pub fn string(&self) -> Ty {
        self.interned[&TyKind::String]
    }

    /// An integer type.
    pub fn int(&self, k: IntKind) -> Ty {
        self.interned[&TyKind::Int(k)]
    }

    /// `float32` (`bits` 32) or `float64`.
    pub fn float(&self, bits: u8) -> Ty {
        self.interned[&TyKind::Float(if bits == 32 { 32 } else { 64 })]
    }

    /// `error`
    pub fn error(&self) -> Ty {
        self.error
    }

    /// `interface{}` (`any`)
    pub fn any(&mut self) -> Ty {
        self.intern(TyKind::Interface(Vec::new()))
    }

    /// The type of an untyped constant kind.
    pub fn untyped(&mut self, u: Untyped) -> Ty {
        self.intern(TyKind::Untyped(u))
    }

    /// `*elem`
    pub fn pointer(&mut self, elem: Ty) -> Ty {
        self.intern(TyKind::Pointer(elem))
    }

    /// `[]elem`
    pub fn slice(&mut self, elem: Ty) -> Ty {
        self.intern(TyKind::Slice(elem))
    }

    /// `[n]elem`
    pub fn array(&mut self, n: u64, elem: Ty) -> Ty {
        self.intern(TyKind::Array(n, elem))
    }

    /// `map[k]v`
    pub fn map(&mut self, k: Ty, v: Ty) -> Ty {
        self.intern(TyKind::Map(k, v))
    }

    /// A channel type.
    pub fn chan(&mut self, dir: ChanDir, elem: Ty) -> Ty {
        self.intern(TyKind::Chan(dir, elem))
    }

    /// A func type (for a variadic one the last parameter is the slice).
    pub fn func(&mut self, params: Vec<Ty>, results: Vec<Ty>, variadic: bool) -> Ty {
        self.intern(TyKind::Func(Sig {
            params,
            results,
            variadic,
        }))
    }

    /// A struct type.
    pub fn struct_of(&mut self, fields: Vec<FieldTy>) -> Ty {
        self.intern(TyKind::Struct(fields))
    }

    /// An interface type with these methods (already flattened); sorted
    /// here, so the order of declaration does not matter to identity.
    pub fn interface(&mut self, mut methods: Vec<IfaceMethod>) -> Ty {
        methods.sort_by(|a, b| a.name.cmp(&b.name));
        methods.dedup_by(|a, b| a.name == b.name && a.sig == b.sig);
        self.intern(TyKind::Interface(methods))
    }

    /// Several results.
    pub fn tuple(&mut self, ts: Vec<Ty>) -> Ty {
        self.intern(TyKind::Tuple(ts))
    }

    /// A new declared type, its underlying type not yet set.
    pub fn new_named(&mut self, name: &str, pkg: Option<&str>) -> Ty {
        let i = self.named.len() as u32;
        self.named.push(NamedInfo {
            name: name.into(),
            pkg: pkg.map(Into::into),
            underlying: None,
            methods: Vec::new(),
        });
        let t = Ty(self.kinds.len() as u32);
        self.kinds.push(TyKind::Named(i));
        t
    }

    /// The declared type behind `t`, if it is one.
    pub fn named_info(&self, t: Ty) -> Option<&NamedInfo> {
        match self.kind(t) {
            TyKind::Named(i) => self.named.get(*i as usize),
            _ => None,
        }
    }

    fn named_mut(&mut self, t: Ty) -> Option<&mut NamedInfo> {
        match self.kinds[t.0 as usize] {
            TyKind::Named(i) => self.named.get_mut(i as usize),
            _ => None,
        }
    }

    /// Sets a declared type's underlying type (the underlying type of
    /// `u`, so `type B A` gets `A`'s).
    pub fn set_underlying(&mut self, named: Ty, u: Ty) {
        let u = self.underlying(u);
        if let Some(n) = self.named_mut(named) {
            n.underlying = Some(u);
        }
    }

    /// Declares a method on a named type; `Err(m)` gives the method back
    /// if one of that name exists already (Go's "method T.M already
    /// declared") or `named` is not a declared type.
    pub fn add_method(&mut self, named: Ty, m: Method) -> Result<(), Method> {
        let Some(n) = self.named_mut(named) else {
            return Err(m);
        };
        if n.methods.iter().any(|x| x.name == m.name) {
            return Err(m);
        }
        n.methods.push(m);
        Ok(())
    }

    /// The underlying type (`t` itself unless it is declared; a declared
    /// type whose underlying type is not set yet is its own).
    pub fn underlying(&self, t: Ty) -> Ty {
        match self.named_info(t) {
            Some(n) => n.underlying.unwrap_or(t),
            None => t,
        }
    }

    /// Whether `t` is a named type in the spec's sense: declared, or one
    /// of the predeclared basic types.
    pub fn is_named(&self, t: Ty) -> bool {
        matches!(
            self.kind(t),
            TyKind::Named(_) | TyKind::Bool | TyKind::String | TyKind::Int(_) | TyKind::Float(_)
        )
    }

    /// Whether `t`'s underlying type is an interface.
    pub fn is_interface(&self, t: Ty) -> bool {
        matches!(self.kind(self.underlying(t)), TyKind::Interface(_))
    }
}
