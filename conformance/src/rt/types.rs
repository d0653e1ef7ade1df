//! Types as the run time needs them: the targets of type assertions and
//! the names of dynamic types. Stage 5 replaces this with the checker's
//! type table (`types::Ty`, interned, `Send`).

use std::fmt;
use std::sync::Arc;

use super::value::SigName;
pub use crate::types::named::Step;

/// A type of the program as the run time sees it: a value in an
/// interface carries its own (`Boxed::ty`), so formatting, assertions and
/// method calls need no table.
#[derive(Debug)]
pub struct TypeInfo {
    /// Unique per type of the program: identity.
    pub id: u32,
    /// Go's spelling (`main.T`, `*main.T`, `uint8`).
    pub name: Arc<str>,
    /// What its values are.
    pub kind: TypeKind,
    /// Its method set, sorted by name (for calls through interfaces).
    pub methods: Vec<MethodEntry>,
    /// Whether `==` is defined on its values (else comparing two
    /// interfaces holding them panics).
    pub comparable: bool,
    /// Where its values hold numbers that `fmt` needs boxed with their
    /// type (`float32` elements...); `None` for most types.
    pub shape: Option<super::fmt_shape::Shape>,
}

/// What a type's values are (for formatting).
#[derive(Debug)]
pub enum TypeKind {
    /// A struct: its fields.
    Struct(Vec<FieldInfo>),
    /// A pointer; to a struct with these fields, if it is one.
    Pointer(Option<Vec<FieldInfo>>),
    /// A pointer to an array, a slice or a map (`fmt` writes `&[1 2]`,
    /// `&map[a:1]` for one at the top).
    PointerToElems,
    /// A pointer to an array (printed as [`TypeKind::PointerToElems`];
    /// `==` compares the arrays' storage).
    PointerToArray,
    /// A number of this kind (a declared one too).
    Num(crate::types::num::NumKind),
    /// Anything else (the value's own shape tells).
    Other,
}

/// A struct field, for `%+v`.
#[derive(Debug)]
pub struct FieldInfo {
    /// Its name.
    pub name: Arc<str>,
    /// Its type's fields, when it is a struct itself.
    pub sub: Option<Vec<FieldInfo>>,
}

/// A method of a type's method set.
#[derive(Debug, Clone)]
pub struct MethodEntry {
    /// Its name.
    pub name: Arc<str>,
    /// The function (index into the image's functions; receiver first).
    pub func: u32,
    /// From the value in the interface to the receiver's holder.
    pub path: Vec<Step>,
    /// Whether the receiver is a pointer (take the holder's address).
    pub ptr_recv: bool,
    /// Its signature without the receiver (`func(int) string`): an
    /// interface's method of the same name and another signature is not
    /// this one.
    pub sig: Arc<str>,
    /// Whether `path` leads to an embedded interface value, whose own
    /// dynamic type's method is the one to call (`func` unused).
    pub via_iface: bool,
}

impl TypeKind {
    /// Whether `fmt` writes `&` and the value for a pointer of this type
    /// at the top (a pointer to an array, slice or map).
    pub fn points_to_elems(&self) -> bool {
        matches!(self, TypeKind::PointerToElems | TypeKind::PointerToArray)
    }

    /// Whether the type is a pointer type.
    pub fn is_pointer(&self) -> bool {
        matches!(
            self,
            TypeKind::Pointer(_) | TypeKind::PointerToElems | TypeKind::PointerToArray
        )
    }
}

impl TypeInfo {
    /// The method `name`.
    pub fn method(&self, name: &str) -> Option<&MethodEntry> {
        self.methods.iter().find(|m| &*m.name == name)
    }
}

/// A type a value is asserted to, or converted to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RtType {
    /// `int`
    Int,
    /// `string`
    Str,
    /// `bool`
    Bool,
    /// `error`
    Error,
    /// `any` / `interface {}`
    Any,
    /// A func type, by its name.
    Func(SigName),
    /// A declared, struct, pointer or sized type.
    Concrete(Arc<TypeInfo>),
    /// An interface with methods: its name and its methods' names and
    /// signatures (as Go spells a func type: `func(int) string`).
    Iface(Arc<str>, Vec<(Arc<str>, Arc<str>)>),
}

impl RtType {
    /// Whether it is an interface type.
    pub fn is_interface(&self) -> bool {
        matches!(self, RtType::Any | RtType::Error | RtType::Iface(..))
    }
}

impl fmt::Display for RtType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            RtType::Int => "int",
            RtType::Str => "string",
            RtType::Bool => "bool",
            RtType::Error => "error",
            RtType::Any => "interface {}",
            RtType::Func(s) => s,
            RtType::Concrete(t) => &t.name,
            RtType::Iface(n, _) => n,
        })
    }
}
