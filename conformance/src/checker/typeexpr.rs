//! Types as written: func signatures and type names, resolved to the
//! checker's [`Type`]; the predeclared names.

use std::rc::Rc;

use super::unsupported::{refuse, Construct};
use super::{err, Checker};
use crate::ast::{self, IfaceElem, TypeExpr};
use crate::lexer::{PResult, SyntaxError};
use crate::types::{FuncType, Type};

impl Checker {
    pub(super) fn signature(&mut self, sig: &ast::Signature) -> PResult<FuncType> {
        if let Some(dots) = sig.variadic {
            return refuse(dots, Construct::Variadic);
        }
        let mut params = Vec::new();
        for p in &sig.params {
            params.push(self.type_expr(&p.ty)?);
        }
        let mut results = Vec::new();
        for p in &sig.results {
            results.push(self.type_expr(&p.ty)?);
        }
        Ok(FuncType { params, results })
    }

    pub(super) fn type_expr(&mut self, t: &TypeExpr) -> PResult<Type> {
        match t {
            TypeExpr::Interface(elems, _) => match elems.first() {
                None => Ok(Type::Any),
                Some(IfaceElem::Method((_, p), _)) => refuse(*p, Construct::IfaceMethods),
                Some(IfaceElem::Embed(t)) => refuse(t.pos(), Construct::IfaceMethods),
            },
            TypeExpr::Qualified(pkg, name, pos) => match (&**pkg, &**name) {
                ("sync", n)
                    if self.imports.contains_key("sync")
                        && super::goroutines::sync_type(n).is_some() =>
                {
                    self.mark_import("sync");
                    Ok(Type::Sync(
                        super::goroutines::sync_type(n).unwrap_or(crate::ir::SyncKind::Mutex),
                    ))
                }
                ("time", "Duration") if self.imports.contains_key("time") => {
                    self.mark_import("time");
                    Ok(Type::Int)
                }
                _ => refuse(*pos, Construct::QualifiedTypes),
            },
            TypeExpr::Pointer(_, pos) => refuse(*pos, Construct::Pointers),
            TypeExpr::Slice(_, pos) | TypeExpr::Array(_, _, pos) => {
                refuse(*pos, Construct::ArraysAndSlices)
            }
            TypeExpr::Map(_, _, pos) => refuse(*pos, Construct::Maps),
            TypeExpr::Chan(dir, elem, _) => self.chan_type(*dir, elem),
            TypeExpr::Struct(_, pos) => refuse(*pos, Construct::Structs),
            TypeExpr::Generic(_, _, pos) => refuse(*pos, Construct::Generics),
            TypeExpr::Func(sig) => Ok(Type::Func(Rc::new(self.signature(sig)?))),
            TypeExpr::Name(n, pos) => {
                if self.lookup(n).is_some() {
                    return err(*pos, format!("{n} is not a type"));
                }
                match universe_type(n) {
                    Some(t) => Ok(t),
                    None => match outside_universe(n) {
                        Some(what) => Err(SyntaxError::unsupported(*pos, &what)),
                        None => err(*pos, format!("undefined: {n}")),
                    },
                }
            }
        }
    }
}

/// Go's predeclared names that the subset leaves out, named for
/// [`SyntaxError::unsupported`]: the universe block of the Go spec minus the
/// subset's `int`, `string`, `bool`, `error`, `any`, `true`, `false`, `nil`,
/// `len`, `panic`, `recover`, `print` and `println`. Only reached when the
/// program does not declare the name itself.
pub(crate) fn outside_universe(n: &str) -> Option<String> {
    Some(match n {
        "byte" | "comparable" | "complex64" | "complex128" | "float32" | "float64" | "int8"
        | "int16" | "int32" | "int64" | "rune" | "uint" | "uint8" | "uint16" | "uint32"
        | "uint64" | "uintptr" => format!("values of type `{n}`"),
        "append" | "cap" | "clear" | "close" | "complex" | "copy" | "delete" | "imag" | "make"
        | "max" | "min" | "new" | "real" => format!("calls of the built-in function `{n}`"),
        _ => return None,
    })
}

/// The predeclared type names.
pub(crate) fn universe_type(n: &str) -> Option<Type> {
    Some(match n {
        "int" => Type::Int,
        "string" => Type::Str,
        "bool" => Type::Bool,
        "error" => Type::Error,
        "any" => Type::Any,
        _ => return None,
    })
}
