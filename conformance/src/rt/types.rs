//! Types as the run time needs them: the targets of type assertions and
//! the names of dynamic types. Stage 5 replaces this with the checker's
//! type table (`types::Ty`, interned, `Send`).

use std::fmt;

use super::value::SigName;

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
}

impl RtType {
    /// Whether it is an interface type.
    pub fn is_interface(&self) -> bool {
        matches!(self, RtType::Any | RtType::Error)
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
        })
    }
}
