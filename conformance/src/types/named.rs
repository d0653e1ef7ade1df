//! Declared types, structs, pointers and interfaces with methods on the
//! checker's [`Type`]: selectors through embedding, method sets and
//! interface satisfaction (Go's rules, for the subset's types).

use std::cell::RefCell;
use std::fmt;
use std::rc::Rc;

use super::{FuncType, Type};

/// A declared type (`type T ...`, and `runtime.Error`).
pub struct NamedType {
    /// Unique per declaration: identity.
    pub id: u32,
    /// Go's qualified spelling (`main.T`, `runtime.Error`).
    pub full: Rc<str>,
    /// The underlying type, set after the declaration is entered (so
    /// recursive types can refer to it).
    pub underlying: RefCell<Type>,
    /// Declared methods, in declaration order.
    pub methods: RefCell<Vec<MethodDecl>>,
}

impl PartialEq for NamedType {
    fn eq(&self, o: &Self) -> bool {
        self.id == o.id
    }
}
impl Eq for NamedType {}

impl fmt::Debug for NamedType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // With its identity: two types declared with one name in different
        // scopes are different types.
        write!(f, "{}#{}", self.full, self.id)
    }
}

/// A method declared on a named type.
#[derive(Debug, Clone)]
pub struct MethodDecl {
    /// Its name.
    pub name: Rc<str>,
    /// Its signature without the receiver.
    pub sig: Rc<FuncType>,
    /// Whether the receiver is `*T`.
    pub ptr_recv: bool,
    /// The top-level function implementing it (receiver first).
    pub func: u32,
}

/// A struct field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Field {
    /// Its name (an embedded field's is its type's name).
    pub name: Rc<str>,
    /// Its type.
    pub ty: Type,
    /// Whether it is embedded.
    pub embedded: bool,
    /// Its tag (part of the struct type's identity).
    pub tag: Option<Rc<str>>,
}

/// An interface method.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IfaceMethod {
    /// Its name.
    pub name: Rc<str>,
    /// Its signature.
    pub sig: Rc<FuncType>,
}

/// One step from a value to a field or a method's receiver.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// Field `i` of a struct value.
    Field(u32),
    /// Through a pointer (`*p`).
    Deref,
}

/// What a selector `x.name` found.
#[derive(Debug, Clone)]
pub enum Found {
    /// A field of this type.
    Field(Type),
    /// A method declared on this named type.
    Method(Rc<NamedType>, MethodDecl),
    /// A method of this interface type (index into its sorted methods).
    IfaceMethod(Type, usize),
}

/// A selector's result: the steps from `x` to the field (or to the
/// embedded value that has the method), and what is there.
#[derive(Debug, Clone)]
pub struct Selection {
    /// Steps from `x`, embedded fields and pointer indirections.
    pub path: Vec<Step>,
    /// What was found.
    pub found: Found,
}

impl Type {
    /// The underlying type (a declared type's; others are their own).
    pub fn underlying(&self) -> Type {
        match self {
            Type::Named(n) => n.underlying.borrow().underlying(),
            t => t.clone(),
        }
    }

    /// Whether `t` is this type's underlying type (`underlying() == *t`
    /// without cloning the underlying type).
    ///
    /// ```
    /// use minigo::types::Type;
    /// assert!(Type::Int.is_underlying(&Type::Int));
    /// assert!(!Type::Int.is_underlying(&Type::Str));
    /// ```
    pub fn is_underlying(&self, t: &Type) -> bool {
        match self {
            Type::Named(n) => n.underlying.borrow().is_underlying(t),
            u => u == t,
        }
    }

    /// The methods of an interface type, sorted by name (`error`'s one).
    pub fn iface_methods(&self) -> Option<Vec<IfaceMethod>> {
        match self.underlying() {
            Type::Iface(ms) => Some(ms.to_vec()),
            Type::Any => Some(Vec::new()),
            Type::Error => Some(vec![IfaceMethod {
                name: "Error".into(),
                sig: Rc::new(FuncType {
                    params: Vec::new(),
                    results: vec![Type::Str],
                    variadic: false,
                }),
            }]),
            _ => None,
        }
    }

    /// Looks `name` up as Go's selector does: the shallowest field or
    /// method through embedded fields; `Err(true)` if ambiguous.
    pub fn lookup(&self, name: &str) -> Result<Selection, bool> {
        if let (Type::Named(_), p @ Type::Pointer(_)) = (self, self.underlying()) {
            // A defined pointer type selects the fields of its base
            // (`x.f` is `(*x).f`), never methods: its method set is empty.
            return match p.lookup(name) {
                Ok(s) if matches!(s.found, Found::Field(_)) => Ok(s),
                Ok(_) => Err(false),
                Err(e) => Err(e),
            };
        }
        let mut level = vec![(self.clone(), Vec::new())];
        for _ in 0..8 {
            let mut found: Vec<Selection> = Vec::new();
            let mut next = Vec::new();
            for (t, path) in level {
                lookup_in(&t, name, path, &mut found, &mut next);
            }
            match found.len() {
                0 if next.is_empty() => return Err(false),
                0 => level = next,
                1 => return Ok(found.remove(0)),
                _ => return Err(true),
            }
        }
        Err(false)
    }

    /// The method `name` of this type's method set: `(selection, via_ptr)`
    /// where the method is in the set of `*T` only when `!value_ok`.
    pub fn method(&self, name: &str) -> Option<(Selection, bool)> {
        let sel = self.lookup(name).ok()?;
        match &sel.found {
            Found::Method(_, m) => {
                let is_ptr = matches!(self, Type::Pointer(_));
                let through_ptr = sel.path.contains(&Step::Deref);
                let ok = !m.ptr_recv || is_ptr || through_ptr;
                Some((sel.clone(), ok))
            }
            Found::IfaceMethod(..) => Some((sel, true)),
            Found::Field(_) => None,
        }
    }

    /// The first method of interface `iface` that `self` lacks, if any.
    pub fn missing_method(&self, iface: &Type) -> Option<Rc<str>> {
        let want = iface.iface_methods()?;
        for m in want {
            let have = match self.method(&m.name) {
                Some((sel, true)) => method_sig(&sel),
                _ => None,
            };
            if have.as_deref() != Some(&*m.sig) {
                return Some(m.name);
            }
        }
        None
    }
}

/// The signature of a found method.
pub(crate) fn method_sig(sel: &Selection) -> Option<Rc<FuncType>> {
    match &sel.found {
        Found::Method(_, m) => Some(m.sig.clone()),
        Found::IfaceMethod(t, i) => t.iface_methods()?.get(*i).map(|m| m.sig.clone()),
        Found::Field(_) => None,
    }
}

/// One type of one level of the breadth-first walk.
fn lookup_in(
    t: &Type,
    name: &str,
    mut path: Vec<Step>,
    found: &mut Vec<Selection>,
    next: &mut Vec<(Type, Vec<Step>)>,
) {
    let mut t = t.clone();
    if let Type::Pointer(e) = &t {
        // A pointer to a struct (named or not) selects through it.
        if matches!(**e, Type::Named(_)) || matches!(e.underlying(), Type::Struct(_)) {
            path.push(Step::Deref);
            t = (**e).clone();
        }
    }
    if let Type::Named(n) = &t {
        if let Some(m) = n.methods.borrow().iter().find(|m| &*m.name == name) {
            found.push(Selection {
                path,
                found: Found::Method(n.clone(), m.clone()),
            });
            return;
        }
    }
    match t.underlying() {
        Type::Struct(fields) => {
            for (i, f) in fields.iter().enumerate() {
                let mut p = path.clone();
                p.push(Step::Field(i as u32));
                if &*f.name == name {
                    found.push(Selection {
                        path: p,
                        found: Found::Field(f.ty.clone()),
                    });
                } else if f.embedded {
                    next.push((f.ty.clone(), p));
                }
            }
        }
        u @ (Type::Iface(_) | Type::Error) => {
            if let Some(i) = u
                .iface_methods()
                .and_then(|ms| ms.iter().position(|m| &*m.name == name))
            {
                found.push(Selection {
                    path,
                    found: Found::IfaceMethod(t.clone(), i),
                });
            }
        }
        _ => {}
    }
}
