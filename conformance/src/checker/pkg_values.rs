//! Functions of the supported packages used as values (`apply(strings.
//! TrimSpace, s)`, `fmt.Println` stored in a variable): each becomes a
//! function literal that calls the package function, written in Go and
//! checked as the program's own code.

use super::Checker;
use crate::ast::{Decl, Expr as AExpr};
use crate::ir::Expr;
use crate::lexer::{PResult, Pos};
use crate::types::Type;

/// The parameters and results of a `fmt` printer, as Go source.
fn fmt_signature(name: &str) -> Option<(&'static str, &'static str, &'static str)> {
    Some(match name {
        "Print" | "Println" => ("a ...any", "(int, error)", "a..."),
        "Printf" => ("format string, a ...any", "(int, error)", "format, a..."),
        "Sprint" | "Sprintln" => ("a ...any", "string", "a..."),
        "Sprintf" => ("format string, a ...any", "string", "format, a..."),
        "Errorf" => ("format string, a ...any", "error", "format, a..."),
        _ => return None,
    })
}

/// `func(p0 T0, ...) (R...) { return pkg.name(p0, ...) }` in Go, for a
/// package function minigo runs; `None` for others.
fn wrapper_source(pkg: &str, name: &str) -> Option<String> {
    let (params, results, args) = if pkg == "fmt" {
        let (p, r, a) = fmt_signature(name)?;
        (p.to_string(), r.to_string(), a.to_string())
    } else {
        let (_, params, results) = super::packages::signature(pkg, name)?;
        let show = |t: &Type| t.to_string();
        let ps: Vec<String> = params
            .iter()
            .enumerate()
            .map(|(i, t)| format!("p{i} {}", show(t)))
            .collect();
        let args: Vec<String> = (0..params.len()).map(|i| format!("p{i}")).collect();
        let rs: Vec<String> = results.iter().map(show).collect();
        (
            ps.join(", "),
            format!("({})", rs.join(", ")),
            args.join(", "),
        )
    };
    let ret = if results == "()" { "" } else { "return " };
    Some(format!(
        "package main\nvar _ = func({params}) {results} {{ {ret}{pkg}.{name}({args}) }}\n"
    ))
}

impl Checker {
    /// `pkg.name` as a func value; `None` when `name` is not a function of
    /// `pkg` that minigo runs.
    pub(crate) fn pkg_func_value(
        &mut self,
        pkg: &str,
        name: &str,
        pos: Pos,
    ) -> Option<PResult<(Expr, Type)>> {
        let src = wrapper_source(pkg, name)?;
        let file = match crate::parser::parse(&src) {
            Ok(f) => f,
            Err(mut e) => {
                e.pos = pos;
                return Some(Err(e));
            }
        };
        let lit: Option<AExpr> = file.decls.into_iter().find_map(|d| match d {
            Decl::Var(mut v) if v.values.len() == 1 => v.values.pop(),
            _ => None,
        });
        let mut lit = lit?;
        lit.pos = pos;
        Some(self.expr(&lit).map_err(|mut e| {
            e.pos = pos;
            e
        }))
    }
}
