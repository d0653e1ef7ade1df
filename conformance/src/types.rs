//! Types. [`table`] is the type table of the language of issue 9 (every
//! kind of Go type, identity, assignability, method sets), with
//! [`constant`] for Go's constant rules; [`Type`] is the subset's type that
//! the checker and [`crate::ir`] use until they move onto the table.

pub mod constant;
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
}

impl Type {
    /// Whether the type is an interface (`any` or `error`).
    pub fn is_interface(&self) -> bool {
        matches!(self, Type::Any | Type::Error)
    }

    /// Whether values of `self` may be assigned to a variable of type `to`.
    pub fn assignable_to(&self, to: &Type) -> bool {
        match (self, to) {
            (Type::Tuple(_), _) | (_, Type::Tuple(_)) | (_, Type::Nil) => false,
            (a, b) if a == b => true,
            (_, Type::Any) => true,
            (Type::Nil, Type::Error | Type::Func(_) | Type::Chan(..)) => true,
            // A bidirectional channel may be used as a directional one.
            (Type::Chan(crate::ast::ChanDir::Both, a), Type::Chan(_, b)) => a == b,
            _ => false,
        }
    }

    /// Whether `==` is defined on values of the type.
    pub fn comparable(&self) -> bool {
        !matches!(self, Type::Func(_) | Type::Tuple(_) | Type::Nil)
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
            write!(f, "{t}")?;
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
