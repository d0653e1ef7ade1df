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
        let file = match crate::parser::parse_snippet(&src) {
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

/// The Go spelling of `t` inside the program (a type declared at package
/// level by its name), where it has one.
pub(crate) fn spell(t: &Type) -> Option<String> {
    Some(match t {
        Type::Named(n) => match n.full.strip_prefix("main.") {
            Some(local) if !local.contains(['.', '·']) => local.to_string(),
            _ => return None,
        },
        Type::Pointer(e) => format!("*{}", spell(e)?),
        Type::Slice(e) => format!("[]{}", spell(e)?),
        Type::Map(k, v) => format!("map[{}]{}", spell(k)?, spell(v)?),
        Type::Any => "any".into(),
        Type::Int
        | Type::Str
        | Type::Bool
        | Type::Error
        | Type::IntK(_)
        | Type::Float(_)
        | Type::Complex(_)
        | Type::Byte
        | Type::Rune => t.to_string(),
        _ => return None,
    })
}

impl Checker {
    /// `sync.OnceValues(f)`: `sync.OnceValue` of a func that keeps both
    /// results in a struct, and a func that takes them out again.
    pub(crate) fn once_values(&mut self, args: &[AExpr], pos: Pos) -> PResult<(Expr, Type)> {
        let [f] = args else {
            return super::err(pos, "wrong number of arguments in call to sync.OnceValues");
        };
        let (_, ft) = self.value(f)?;
        let sig = match &ft {
            Type::Func(sig) if sig.params.is_empty() && sig.results.len() == 2 => sig.clone(),
            _ => {
                return super::err(
                    f.pos,
                    format!(
                        "cannot use {} (value of type {ft}) as the function of sync.OnceValues",
                        super::expr::show(f)
                    ),
                )
            }
        };
        let (Some(a), Some(b)) = (spell(&sig.results[0]), spell(&sig.results[1])) else {
            return Err(crate::lexer::SyntaxError::unsupported(
                f.pos,
                "`sync.OnceValues` of functions with these result types",
            ));
        };
        let src = format!(
            "package main\nvar _ = func(f func() ({a}, {b})) func() ({a}, {b}) {{\n\
             g := sync.OnceValue(func() struct {{ a {a}; b {b} }} {{\n\
             x, y := f()\nreturn struct {{ a {a}; b {b} }}{{x, y}}\n}})\n\
             return func() ({a}, {b}) {{\nr := g()\nreturn r.a, r.b\n}}\n}}(f)\n"
        );
        self.template_call(&src, args, pos)
    }
}

/// Generic functions of `slices` written in Go for a slice type `S`
/// (spelled `{S}`) of elements `{E}`: `(name, number of arguments, source)`.
const SLICES: &[(&str, usize, &str)] = &[
    (
        "Compact",
        1,
        "package main\nvar _ = func(s {S}) {S} {\n\
         if len(s) < 2 {\nreturn s\n}\n\
         i := 1\n\
         for k := 1; k < len(s); k++ {\nif s[k] != s[k-1] {\nif i != k {\ns[i] = s[k]\n}\ni++\n}\n}\n\
         clear(s[i:])\nreturn s[:i]\n}(a)\n",
    ),
    (
        "Delete",
        3,
        "package main\nvar _ = func(s {S}, i, j int) {S} {\n\
         _ = s[i:j:len(s)]\n\
         if i == j {\nreturn s\n}\n\
         n := len(s)\ns = append(s[:i], s[j:]...)\nclear(s[len(s):n])\nreturn s\n}(a, b, c)\n",
    ),
];

impl Checker {
    /// `slices.Compact(s)`, `slices.Delete(s, i, j)` on a slice of a type
    /// that can be spelled; `None` for other functions.
    pub(crate) fn slices_generic(
        &mut self,
        name: &str,
        args: &[AExpr],
        pos: Pos,
    ) -> Option<PResult<(Expr, Type)>> {
        let (_, n, src) = SLICES.iter().find(|(f, _, _)| *f == name)?;
        Some((|| {
            if args.len() != *n {
                return super::err(
                    pos,
                    format!("wrong number of arguments in call to slices.{name}"),
                );
            }
            let (_, st) = self.value(&args[0])?;
            let (Type::Slice(_), Some(s)) = (st.underlying(), spell(&st)) else {
                return Err(crate::lexer::SyntaxError::unsupported(
                    args[0].pos,
                    &format!("`slices.{name}` of values of this type"),
                ));
            };
            self.template_call(&src.replace("{S}", &s), args, pos)
        })())
    }
}
