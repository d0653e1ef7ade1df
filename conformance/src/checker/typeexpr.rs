//! Types as written: func signatures and type names, resolved to the
//! checker's [`Type`]; the predeclared names.

use std::rc::Rc;

use super::unsupported::{refuse, Construct};
use super::{err, Binding, Checker};
use crate::ast::{self, TypeExpr};
use crate::lexer::{PResult, SyntaxError};
use crate::types::table::IntKind;
use crate::types::{FuncType, Type};

impl Checker {
    pub(crate) fn signature(&mut self, sig: &ast::Signature) -> PResult<FuncType> {
        let mut params = Vec::new();
        for p in &sig.params {
            params.push(self.type_expr(&p.ty)?);
        }
        let variadic = sig.variadic.is_some();
        if variadic {
            if let Some(last) = params.pop() {
                params.push(Type::Slice(Rc::new(last)));
            }
        }
        let mut results = Vec::new();
        for p in &sig.results {
            results.push(self.type_expr(&p.ty)?);
        }
        Ok(FuncType {
            params,
            results,
            variadic,
        })
    }

    pub(crate) fn type_expr(&mut self, t: &TypeExpr) -> PResult<Type> {
        if let Some(r) = self.comp_type(t) {
            return r;
        }
        match t {
            TypeExpr::Interface(elems, _) => self.iface_type(elems),
            TypeExpr::Qualified(pkg, name, _)
                if &**pkg == "runtime" && &**name == "Error" && self.imports.contains_key(pkg) =>
            {
                if let Some(i) = self.imports.get_mut(pkg) {
                    i.used = true;
                }
                Ok(self.runtime_error())
            }
            TypeExpr::Qualified(pkg, name, _)
                if &**pkg == "fmt" && &**name == "Stringer" && self.imports.contains_key(pkg) =>
            {
                if let Some(i) = self.imports.get_mut(pkg) {
                    i.used = true;
                }
                Ok(self.fmt_stringer())
            }
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
                ("atomic", n)
                    if self.imports.contains_key("atomic")
                        && super::goroutines::atomic_type(n).is_some() =>
                {
                    self.mark_import("atomic");
                    Ok(Type::Sync(
                        super::goroutines::atomic_type(n)
                            .unwrap_or(crate::ir::SyncKind::AtomicBool),
                    ))
                }
                ("strings", "Builder")
                    if self.strings_builder.is_some() && *pos != super::prelude::PRELUDE_POS =>
                {
                    Ok(self.builder_type().unwrap_or(Type::Nil))
                }
                ("time", "Time") if self.imports.contains_key("time") => {
                    self.mark_import("time");
                    Ok(Type::Int)
                }
                (p, n)
                    if self.lookup(p).is_none()
                        && self.pkg_types.contains_key(&format!("{p}.{n}")) =>
                {
                    Ok(self.prelude_type(p, n, *pos).unwrap_or(Type::Nil))
                }
                (p, n) => Err(crate::lexer::SyntaxError::unsupported(
                    *pos,
                    &format!("types of other packages (`{p}.{n}`)"),
                )),
            },
            TypeExpr::Pointer(t, _) => Ok(Type::Pointer(Rc::new(self.type_expr(t)?))),
            // Composite types are `comp_type`'s (checked first).
            TypeExpr::Slice(..) | TypeExpr::Array(..) | TypeExpr::Map(..) => {
                err(t.pos(), "internal error: composite type")
            }
            TypeExpr::Chan(dir, elem, _) => self.chan_type(*dir, elem),
            TypeExpr::Struct(fields, _) => self.struct_type(fields),
            TypeExpr::Generic(g, args, pos) => match self.generic_type_expr(g, args, *pos) {
                Some(r) => r,
                None => self.iter_type(g, args, *pos),
            },
            TypeExpr::Func(sig) => Ok(Type::Func(Rc::new(self.signature(sig)?))),
            TypeExpr::Name(n, pos) => {
                match self.lookup(n).cloned() {
                    Some(Binding::Type(t)) => {
                        if let Type::Named(nt) = &t {
                            if !self.in_constraint && self.generics.constraints.contains_key(&nt.id)
                            {
                                return err(*pos, format!("cannot use type {n} outside a type constraint: interface contains type constraints"));
                            }
                        }
                        return Ok(t);
                    }
                    Some(Binding::Generic(gid)) => return self.uninstantiated(gid, *pos),
                    _ => {}
                }
                if self.lookup(n).is_some() {
                    return err(*pos, format!("{n} is not a type"));
                }
                if &**n == "_" {
                    return err(*pos, "cannot use _ as value or type");
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

impl Checker {
    /// `iter.Seq[V]` and `iter.Seq2[K, V]`: `func(yield func(...) bool)`;
    /// other instantiated generic types are refused.
    fn iter_type(
        &mut self,
        g: &TypeExpr,
        args: &[TypeExpr],
        pos: crate::lexer::Pos,
    ) -> PResult<Type> {
        let n = match g {
            TypeExpr::Qualified(p, n, _) if &**p == "iter" && self.lookup(p).is_none() => n,
            _ => return refuse(pos, Construct::Generics),
        };
        let want = match &**n {
            "Seq" => 1,
            "Seq2" => 2,
            _ => return refuse(pos, Construct::Generics),
        };
        if args.len() != want {
            return err(pos, format!("wrong number of type arguments for iter.{n}"));
        }
        if let Some(i) = self.imports.get_mut("iter") {
            i.used = true;
        }
        let mut params = Vec::new();
        for a in args {
            params.push(self.type_expr(a)?);
        }
        let y = FuncType {
            params,
            results: vec![Type::Bool],
            variadic: false,
        };
        Ok(Type::Func(Rc::new(FuncType {
            params: vec![Type::Func(Rc::new(y))],
            results: Vec::new(),
            variadic: false,
        })))
    }
}

/// Go's predeclared names that the subset leaves out, named for
/// [`SyntaxError::unsupported`]: the universe block of the Go spec minus the
/// subset's `int`, `string`, `bool`, `error`, `any`, `true`, `false`, `nil`,
/// `len`, `panic`, `recover`, `print` and `println`. Only reached when the
/// program does not declare the name itself.
pub(crate) fn outside_universe(n: &str) -> Option<String> {
    Some(match n {
        "comparable" => {
            format!("values of type `{n}`")
        }
        "close" | "new" => {
            format!("calls of the built-in function `{n}`")
        }
        _ => return None,
    })
}

/// The predeclared type names.
pub(crate) fn universe_type(n: &str) -> Option<Type> {
    Some(match n {
        "int" => Type::Int,
        "byte" | "uint8" => Type::IntK(IntKind::U8),
        "rune" | "int32" => Type::IntK(IntKind::I32),
        "int8" => Type::IntK(IntKind::I8),
        "int16" => Type::IntK(IntKind::I16),
        "int64" => Type::IntK(IntKind::I64),
        "uint" => Type::IntK(IntKind::Uint),
        "uint16" => Type::IntK(IntKind::U16),
        "uint32" => Type::IntK(IntKind::U32),
        "uint64" => Type::IntK(IntKind::U64),
        "uintptr" => Type::IntK(IntKind::Uintptr),
        "float32" => Type::Float(32),
        "float64" => Type::Float(64),
        "complex64" => Type::Complex(64),
        "complex128" => Type::Complex(128),
        "string" => Type::Str,
        "bool" => Type::Bool,
        "error" => Type::Error,
        "any" => Type::Any,
        _ => return None,
    })
}
