//! Go's `f(g())` rule for the built-ins `append`, `copy`, `delete`, `min`
//! and `max`: a call with several results as the whole argument list
//! (`append(pair())`, `delete(table())`). Lowered as `fmt_tuple_call`
//! does: a Go function literal taking the results, its parameter types
//! spelled, calls the built-in with them (a built-in never recovers, so
//! the literal standing between a `defer` and the built-in changes
//! nothing). `print`/`println` take the results directly
//! (`print_args`).

use super::unparen;
use crate::ast::{Expr as AExpr, ExprKind};
use crate::checker::pkg_values::spell;
use crate::checker::Checker;
use crate::ir::Expr;
use crate::lexer::{PResult, Pos, SyntaxError};
use crate::types::Type;

/// The built-ins this lowering serves.
const SPREADABLE: &[&str] = &["append", "copy", "delete", "min", "max"];

impl Checker {
    /// `n(g())` for a built-in `n` of [`SPREADABLE`] and a call `g` of
    /// several results; `None` otherwise.
    pub(crate) fn builtin_of_results(
        &mut self,
        n: &str,
        args: &[AExpr],
        pos: Pos,
    ) -> Option<PResult<(Expr, Type)>> {
        let [one] = args else { return None };
        if !SPREADABLE.contains(&n) || !matches!(unparen(one).kind, ExprKind::Call(..)) {
            return None;
        }
        let ts = match self.expr(one) {
            Ok((_, Type::Tuple(ts))) if ts.len() >= 2 => ts,
            Ok(_) => return None,
            Err(e) => return Some(Err(e)),
        };
        Some(self.builtin_wrapper(n, &ts, args, pos))
    }

    fn builtin_wrapper(
        &mut self,
        n: &str,
        ts: &[Type],
        args: &[AExpr],
        pos: Pos,
    ) -> PResult<(Expr, Type)> {
        let refuse = || {
            SyntaxError::unsupported(
                args[0].pos,
                &format!("`{n}` of a multi-value call whose result types minigo cannot spell"),
            )
        };
        let mut params = Vec::new();
        for (i, t) in ts.iter().enumerate() {
            params.push(format!("a{i} {}", spell(t).ok_or_else(refuse)?));
        }
        let result = match n {
            "copy" => "int".to_string(),
            "delete" => String::new(),
            _ => spell(&ts[0]).ok_or_else(refuse)?,
        };
        let names: Vec<String> = (0..ts.len()).map(|i| format!("a{i}")).collect();
        let ret = if result.is_empty() { "" } else { "return " };
        let src = format!(
            "package main\nvar _ = func({}) {result} {{\n{ret}{n}({})\n}}(a)\n",
            params.join(", "),
            names.join(", ")
        );
        if result.is_empty() {
            self.template_tuple_call(&src, args, pos)
        } else {
            self.template_call(&src, args, pos)
        }
    }
}
