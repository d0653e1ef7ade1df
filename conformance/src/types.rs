//! Types. [`table`] is the type table of the language of issue 9 (every
//! kind of Go type, identity, assignability, method sets), with
//! [`constant`] for Go's constant rules; [`Type`] is the subset's type that
//! the checker and [`crate::ir`] use until they move onto the table.

pub mod complex;
pub mod constant;
pub mod exact;
pub mod exact_int;
pub mod named;
pub mod num;
mod relations;
pub mod table;
#[cfg(test)]
mod tests;

pub use relations::MissingWhy;

use std::fmt;
use std::rc::Rc;

/// A static type.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Type {
    /// `int`
    Int,
    /// `string`
    Str,
    /// `bool`
    Bool,
    /// `error`
    Error,
    /// `any` / `interface{}`
    Any,
    /// A func type.
    Func(Rc<FuncType>),
    /// The type of the untyped `nil`.
    Nil,
    /// The results of a call with no or several results.
    Tuple(Rc<[Type]>),
    /// A sized integer type (`int` is [`Type::Int`]).
    IntK(table::IntKind),
    /// `float32` (32) or `float64` (64).
    Float(u8),
    /// `complex64` (64) or `complex128` (128).
    Complex(u8),
    /// A declared type (issue 9's types: `types/named.rs`).
    Named(Rc<named::NamedType>),
    /// `struct { ... }`
    Struct(Rc<[named::Field]>),
    /// `*T`
    Pointer(Rc<Type>),
    /// An interface with methods (sorted by name).
    Iface(Rc<[named::IfaceMethod]>),
    /// `[]T` (issue 9's composite values).
    Slice(Rc<Type>),
    /// `[N]T`
    Array(u64, Rc<Type>),
    /// `map[K]V`
    Map(Rc<Type>, Rc<Type>),
    /// `byte` as the element of `[]byte`/`[N]byte` (elsewhere `byte` is
    /// the subset's `int` until integer kinds land; the element type keeps
    /// `[]byte` apart from `[]int` for conversions and `fmt`).
    Byte,
    /// `rune` as an element type, likewise.
    Rune,
    /// `chan T`, `chan<- T`, `<-chan T` (issue 10).
    Chan(crate::ast::ChanDir, Rc<Type>),
    /// A type of the `sync` package (issue 10).
    Sync(crate::ir::SyncKind),
}

/// A func type: parameter and result types.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FuncType {
    /// Parameter types.
    pub params: Vec<Type>,
    /// Result types.
    pub results: Vec<Type>,
    /// Whether the last parameter is `...T` (its type is then `[]T`).
    pub variadic: bool,
}

impl Type {
    /// The type of a value read out of an element of type `self` (`byte`
    /// and `rune` elements read as `uint8` and `int32`).
    pub fn scalar(&self) -> Type {
        match self {
            Type::Byte => Type::IntK(table::IntKind::U8),
            Type::Rune => Type::IntK(table::IntKind::I32),
            t => t.clone(),
        }
    }

    /// Whether the type is an interface.
    pub fn is_interface(&self) -> bool {
        // (Not through `underlying`, which clones the type.)
        match self {
            Type::Named(n) => n.underlying.borrow().is_interface(),
            t => matches!(t, Type::Any | Type::Error | Type::Iface(_)),
        }
    }

    /// Whether values of `self` may be assigned to a variable of type `to`.
    pub fn assignable_to(&self, to: &Type) -> bool {
        match (self, to) {
            (Type::Tuple(_), _) | (_, Type::Tuple(_)) | (_, Type::Nil) => false,
            (a, b) if a == b => true,
            (Type::Int, Type::Byte | Type::Rune) | (Type::Byte | Type::Rune, Type::Int) => true,
            (_, Type::Any) => true,
            (Type::Nil, t) => {
                t.is_interface()
                    || matches!(
                        t.underlying(),
                        Type::Func(_)
                            | Type::Pointer(_)
                            | Type::Slice(_)
                            | Type::Map(..)
                            | Type::Chan(..)
                    )
            }
            // A bidirectional channel may be used as a directional one of
            // the same element type.
            (Type::Chan(crate::ast::ChanDir::Both, a), Type::Chan(_, b)) => a == b,
            (a, b) if b.is_interface() => a.missing_method(b).is_none(),
            // Identical underlying types, one of them not named.
            (a, b) if !a.is_named() || !b.is_named() => a.underlying() == b.underlying(),
            _ => false,
        }
    }

    /// Whether the type is a declared type (or predeclared).
    pub fn is_named(&self) -> bool {
        matches!(
            self,
            Type::Named(_) | Type::Int | Type::Str | Type::Bool | Type::Error
        )
    }

    /// Whether `==` is defined on values of the type.
    pub fn comparable(&self) -> bool {
        match self.underlying() {
            Type::Func(_) | Type::Tuple(_) | Type::Nil | Type::Slice(_) | Type::Map(..) => false,
            Type::Array(_, e) => e.comparable(),
            Type::Struct(fs) => fs.iter().all(|f| f.ty.comparable()),
            _ => true,
        }
    }

    /// The name used in compile errors.
    pub fn describe(&self) -> String {
        match self {
            Type::Nil => "untyped nil".into(),
            Type::Tuple(ts) if ts.is_empty() => "no value".into(),
            t => t.to_string(),
        }
    }
}

impl fmt::Display for Type {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Type::Int => f.write_str("int"),
            Type::Str => f.write_str("string"),
            Type::Bool => f.write_str("bool"),
            Type::Error => f.write_str("error"),
            Type::Any => f.write_str("interface {}"),
            Type::Func(ft) => write!(f, "{ft}"),
            Type::Nil => f.write_str("nil"),
            Type::Named(n) => f.write_str(&n.full),
            Type::IntK(k) => f.write_str(k.name()),
            Type::Float(b) => write!(f, "float{b}"),
            Type::Complex(b) => write!(f, "complex{b}"),
            Type::Pointer(t) => write!(f, "*{t}"),
            Type::Struct(fs) => {
                f.write_str("struct {")?;
                for (i, x) in fs.iter().enumerate() {
                    let sep = if i == 0 { " " } else { "; " };
                    if x.embedded {
                        write!(f, "{sep}{}", x.ty)?;
                    } else {
                        write!(f, "{sep}{} {}", x.name, x.ty)?;
                    }
                    if let Some(tag) = &x.tag {
                        write!(f, " {}", quote_tag(tag))?;
                    }
                }
                f.write_str(if fs.is_empty() { "}" } else { " }" })
            }
            Type::Iface(ms) => {
                f.write_str("interface {")?;
                for (i, m) in ms.iter().enumerate() {
                    let sep = if i == 0 { " " } else { "; " };
                    let sig = m.sig.to_string();
                    write!(f, "{sep}{}{}", m.name, &sig[4..])?;
                }
                f.write_str(if ms.is_empty() { "}" } else { " }" })
            }
            Type::Slice(e) => write!(f, "[]{e}"),
            Type::Array(n, e) => write!(f, "[{n}]{e}"),
            Type::Map(k, v) => write!(f, "map[{k}]{v}"),
            Type::Byte => f.write_str("uint8"),
            Type::Rune => f.write_str("int32"),
            Type::Chan(dir, t) => match dir {
                crate::ast::ChanDir::Both => write!(f, "chan {t}"),
                crate::ast::ChanDir::Send => write!(f, "chan<- {t}"),
                crate::ast::ChanDir::Recv => write!(f, "<-chan {t}"),
            },
            Type::Sync(k) => f.write_str(k.name()),
            Type::Tuple(ts) => {
                f.write_str("(")?;
                for (i, t) in ts.iter().enumerate() {
                    if i > 0 {
                        f.write_str(", ")?;
                    }
                    write!(f, "{t}")?;
                }
                f.write_str(")")
            }
        }
    }
}

impl fmt::Display for FuncType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("func(")?;
        for (i, t) in self.params.iter().enumerate() {
            if i > 0 {
                f.write_str(", ")?;
            }
            match t {
                Type::Slice(e) if self.variadic && i + 1 == self.params.len() => {
                    write!(f, "...{e}")?
                }
                t => write!(f, "{t}")?,
            }
        }
        f.write_str(")")?;
        match self.results.as_slice() {
            [] => Ok(()),
            [t] => write!(f, " {t}"),
            ts => {
                f.write_str(" (")?;
                for (i, t) in ts.iter().enumerate() {
                    if i > 0 {
                        f.write_str(", ")?;
                    }
                    write!(f, "{t}")?;
                }
                f.write_str(")")
            }
        }
    }
}

/// A struct tag as Go spells it in a type (`strconv.Quote`'s escapes for
/// the quote, the backslash and control characters).
fn quote_tag(tag: &str) -> String {
    let mut out = String::from("\"");
    for c in tag.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if (c as u32) < 0x20 || c == '\u{7f}' => {
                out.push_str(&format!("\\x{:02x}", c as u32))
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

impl Type {
    /// The type with the tags of its struct types (at any depth outside
    /// declared types) removed: conversions compare types so.
    pub fn without_tags(&self) -> Type {
        match self {
            Type::Struct(fs) => Type::Struct(
                fs.iter()
                    .map(|f| named::Field {
                        ty: f.ty.without_tags(),
                        tag: None,
                        ..f.clone()
                    })
                    .collect(),
            ),
            Type::Pointer(e) => Type::Pointer(Rc::new(e.without_tags())),
            Type::Slice(e) => Type::Slice(Rc::new(e.without_tags())),
            Type::Array(n, e) => Type::Array(*n, Rc::new(e.without_tags())),
            Type::Map(k, v) => Type::Map(Rc::new(k.without_tags()), Rc::new(v.without_tags())),
            Type::Chan(d, e) => Type::Chan(*d, Rc::new(e.without_tags())),
            t => t.clone(),
        }
    }

    /// Whether the underlying types of `self` and `t` are identical when
    /// struct tags are ignored (a conversion's rule).
    pub fn same_underlying_ignoring_tags(&self, t: &Type) -> bool {
        let (a, b) = (self.underlying(), t.underlying());
        a == b || a.without_tags() == b.without_tags()
    }
}
