//! The one rule for Go that minigo does not run yet: every construct the
//! parser accepts but the checker cannot lower is named here, and refused
//! with `FILE:LINE:COL: CONSTRUCT are not supported by minigo` at the
//! construct's position. When a construct lands, its variant goes.

use crate::lexer::{PResult, Pos, SyntaxError};

/// A construct of Go that minigo refuses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Construct {
    /// `...T` parameters and `f(s...)` calls.
    Variadic,
    /// Import names (`f "fmt"`, `_ "os"`, `. "fmt"`).
    ImportNames,
    /// Generic instantiation `T[int]`.
    Generics,
    /// `T{...}`.
    CompositeLits,
    /// Conversions to types written as literals (`[]byte(s)`, `(func())(nil)`).
    TypeConversions,
    /// `&`, `|`, `^`, `&^`, `<<`, `>>` (the operator).
    Bitwise(&'static str),
    /// Assignments to elements, fields and pointees (`a[i] = x`, `p.f++`).
    AssignToNonVariable,
}

impl Construct {
    /// The construct's name, in the plural, as the refusal says it.
    pub(crate) fn name(self) -> String {
        let s = match self {
            Construct::Variadic => "variadic functions and calls (`...`)",
            Construct::ImportNames => "import names (`NAME \"path\"`, `_ \"path\"`, `. \"path\"`)",
            Construct::Generics => "generic types (type arguments)",
            Construct::CompositeLits => "composite literals",
            Construct::TypeConversions => "conversions to composite types",
            Construct::Bitwise(op) => return format!("bitwise operators (`{op}`)"),
            Construct::AssignToNonVariable => "assignments to elements, fields and pointees",
        };
        s.to_string()
    }
}

/// The refusal of `what` at `pos`.
pub(crate) fn refuse<T>(pos: Pos, what: Construct) -> PResult<T> {
    Err(SyntaxError::unsupported(pos, &what.name()))
}
