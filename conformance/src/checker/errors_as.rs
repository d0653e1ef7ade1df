//! `errors.As(err, &target)`, lowered to Go code: a function literal that
//! walks the error and the errors it wraps (fmt.Errorf's `%w`,
//! errors.Join) and assigns the first one of the target's type.

use super::{err, Checker};
use crate::ast::{Decl, Expr as AExpr, ExprKind};
use crate::ir::Expr;
use crate::lexer::{PResult, Pos};
use crate::types::Type;

/// The Go spelling of a type for the lowered code, where it has one that
/// means the same in the program (`T`, `*T`, `runtime.Error`, `error`).
fn spell(t: &Type) -> Option<String> {
    Some(match t {
        Type::Named(n) => match n.full.strip_prefix("main.") {
            Some(local) if !local.contains(['.', '·']) => local.to_string(),
            Some(_) => return None,
            None if &*n.full == "runtime.Error" => "runtime.Error".into(),
            None => return None,
        },
        Type::Pointer(e) => format!("*{}", spell(e)?),
        Type::Error => "error".into(),
        Type::Any => "any".into(),
        Type::Int => "int".into(),
        Type::Str => "string".into(),
        Type::Bool => "bool".into(),
        _ => return None,
    })
}

impl Checker {
    /// `errors.As(err, target)`.
    pub(crate) fn errors_as(&mut self, args: &[AExpr], pos: Pos) -> PResult<(Expr, Type)> {
        let [e, target] = args else {
            return err(pos, "wrong number of arguments in call to errors.As");
        };
        let (_, tt) = self.value(target)?;
        let Type::Pointer(elem) = tt.underlying() else {
            return err(target.pos, "second argument to errors.As must be a non-nil pointer to either a type that implements error, or to any interface type");
        };
        let Some(name) = spell(&elem) else {
            return Err(crate::lexer::SyntaxError::unsupported(
                target.pos,
                "targets of `errors.As` of this type",
            ));
        };
        if name.starts_with("runtime.") {
            if let Some(i) = self.imports.get_mut("runtime") {
                i.used = true;
            }
        }
        let src = format!(
            "package main\nvar _ = func(err error, target *{name}) bool {{\n\
             for _, e := range errors.zzchain(err) {{\n\
             if v, ok := e.({name}); ok {{\n*target = v\nreturn true\n}}\n}}\n\
             return false\n}}(e, t)\n"
        );
        let file = crate::parser::parse(&src)?;
        let Some(Decl::Var(spec)) = file.decls.into_iter().next() else {
            return err(pos, "internal error: errors.As template");
        };
        let Some(mut call) = spec.values.into_iter().next() else {
            return err(pos, "internal error: errors.As template");
        };
        if let ExprKind::Call(_, a, _) = &mut call.kind {
            *a = vec![e.clone(), target.clone()];
        }
        let (x, _) = self.value(&call)?;
        Ok((x, Type::Bool))
    }
}
