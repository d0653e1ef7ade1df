//! `flag`, for programs run the way minigo runs them: with no command-line
//! arguments (`os.Args` is the program's name alone). Defining a flag
//! gives its default (`flag.Int` a new variable holding it, `flag.IntVar`
//! stores it), `flag.Parse` has nothing to parse, and no argument is left
//! over. Each function is a Go function literal called with the call's
//! arguments, so Go's own argument checks apply.

use super::Checker;
use crate::ast::Expr as AExpr;
use crate::ir::Expr;
use crate::lexer::{PResult, Pos};
use crate::types::Type;

/// The kinds of flag a program can define: `(Name, Go type)`.
const KINDS: &[(&str, &str)] = &[
    ("Int", "int"),
    ("Int64", "int64"),
    ("Uint", "uint"),
    ("Uint64", "uint64"),
    ("Bool", "bool"),
    ("String", "string"),
    ("Float64", "float64"),
];

/// The Go source of `flag.NAME` as a function literal called with `a`.
fn source(name: &str) -> Option<String> {
    let lit =
        |sig: &str, body: &str| format!("package main\nvar _ = func({sig} {{\n{body}\n}}(a)\n");
    let fixed = match name {
        "Parse" => Some(lit(")", "")),
        "Args" => Some(lit(") []string", "return []string{}")),
        "NArg" | "NFlag" => Some(lit(") int", "return 0")),
        "Arg" => Some(lit("i int) string", "return \"\"")),
        _ => None,
    };
    if fixed.is_some() {
        return fixed;
    }
    let (kind, var) = match name.strip_suffix("Var") {
        Some(k) => (k, true),
        None => (name, false),
    };
    let (_, t) = KINDS.iter().find(|(k, _)| *k == kind)?;
    Some(if var {
        lit(
            &format!("p *{t}, name string, value {t}, usage string)"),
            "*p = value",
        )
    } else {
        lit(
            &format!("name string, value {t}, usage string) *{t}"),
            &format!("p := new({t})\n*p = value\nreturn p"),
        )
    })
}

impl Checker {
    /// A call of `flag.NAME`; `None` for a function minigo does not have.
    pub(crate) fn flag_call(
        &mut self,
        name: &str,
        args: &[AExpr],
        pos: Pos,
    ) -> Option<PResult<(Expr, Type)>> {
        let src = source(name)?;
        if let Some(i) = self.imports.get_mut("flag") {
            i.used = true;
        }
        Some(self.template_expr(&src, args, pos))
    }
}
