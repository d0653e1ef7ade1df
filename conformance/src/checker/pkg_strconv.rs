//! `strconv`'s error values as Go defines them: `*strconv.NumError` (a
//! type of the package's Go prelude, with `Error` and `Unwrap`), the
//! package variables `ErrSyntax` and `ErrRange`, and the `Parse*`/`Atoi`
//! functions lowered to Go code that wraps the native function's error in
//! a `NumError` — so `errors.As(err, &numErr)` and `errors.Is(err,
//! strconv.ErrSyntax)` find what Go's find. Hidden natives are called
//! `minigo_native_PKG_NAME` (the package function of rt/pkg.rs).

use super::Checker;
use crate::ast::Expr as AExpr;
use crate::ir::{Args, Builtin, Call, Const, Expr, Lhs, PkgFn, Rhs, Stmt, Target, Var};
use crate::lexer::{PResult, Pos};
use crate::types::Type;

/// `strconv`'s types in Go.
pub(super) const STRCONV: &str = "package main
type NumError struct {
	Func string
	Num  string
	Err  error
}
func (e *NumError) Error() string {
	return \"strconv.\" + e.Func + \": parsing \" + minigo_native_strconv_Quote(e.Num) + \": \" + e.Err.Error()
}
func (e *NumError) Unwrap() error {
	return e.Err
}
";

impl Checker {
    /// Allocates `strconv.ErrSyntax` and `ErrRange` when the program
    /// imports `strconv`; their initialisation.
    pub(crate) fn strconv_globals(&mut self, nglobals: &mut usize) -> Vec<Stmt> {
        if !self.imports.contains_key("strconv") {
            return Vec::new();
        }
        let (syntax, range) = (*nglobals as u32, *nglobals as u32 + 1);
        *nglobals += 2;
        self.strconv_vars = Some((syntax, range));
        let new = |text: &str| {
            Expr::Call(Box::new(Call {
                line: 0,
                target: Target::Builtin(Builtin::ErrorsNew),
                args: Args::List(vec![Expr::Const(Const::str(text))]),
            }))
        };
        vec![Stmt::Assign {
            lhs: vec![Lhs::Set(Var::Global(syntax)), Lhs::Set(Var::Global(range))],
            rhs: Rhs::List(vec![new("invalid syntax"), new("value out of range")]),
        }]
    }

    /// `strconv.ErrSyntax` or `strconv.ErrRange`.
    pub(crate) fn strconv_var(&mut self, name: &str) -> Option<(Expr, Type)> {
        let (syntax, range) = self.strconv_vars?;
        let g = match name {
            "ErrSyntax" => syntax,
            "ErrRange" => range,
            _ => return None,
        };
        if let Some(i) = self.imports.get_mut("strconv") {
            i.used = true;
        }
        Some((Expr::Load(Var::Global(g)), Type::Error))
    }

    /// `strconv.Atoi(s)`, `ParseInt(...)`, `ParseBool(s)` and the other
    /// parsers of rt/pkg.rs: the native call, its error made a
    /// `*strconv.NumError`; `None` for other functions.
    pub(crate) fn strconv_parse(
        &mut self,
        name: &str,
        args: &[AExpr],
        pos: Pos,
    ) -> Option<PResult<(Expr, Type)>> {
        if let Some(r) = self.strconv_more(name, args, pos) {
            return Some(r);
        }
        if !(name == "Atoi" || name.starts_with("Parse")) {
            return None;
        }
        let (_, params, results) = super::packages::signature("strconv", name)?;
        let [value, Type::Error] = results.as_slice() else {
            return None;
        };
        let ps: Vec<String> = params
            .iter()
            .enumerate()
            .map(|(i, t)| format!("p{i} {t}"))
            .collect();
        let names: Vec<String> = (0..params.len()).map(|i| format!("p{i}")).collect();
        let src = format!(
            "package main\nvar _ = func({ps}) ({value}, error) {{\n\
             v, err := minigo_native_strconv_{name}({names})\n\
             if err != nil {{\ne := strconv.ErrSyntax\n\
             if minigo_native_strconv_isRange(err) {{\ne = strconv.ErrRange\n}}\n\
             return v, &strconv.NumError{{Func: \"{name}\", Num: p0, Err: e}}\n}}\n\
             return v, nil\n}}({names})\n",
            ps = ps.join(", "),
            names = names.join(", "),
        );
        Some(self.template_tuple_call(&src, args, pos))
    }

    /// `strconv.FormatFloat`, `Unquote` (its error is `ErrSyntax` itself)
    /// and `AppendInt`; `None` for other names.
    fn strconv_more(
        &mut self,
        name: &str,
        args: &[AExpr],
        pos: Pos,
    ) -> Option<PResult<(Expr, Type)>> {
        use crate::types::table::IntKind;
        match name {
            "FormatFloat" => {
                let params = [
                    Type::Float(64),
                    Type::IntK(IntKind::U8),
                    Type::Int,
                    Type::Int,
                ];
                Some(
                    self.args(&params, args, pos, "strconv.FormatFloat")
                        .map(|a| {
                            let call = Expr::Call(Box::new(Call {
                                line: 0,
                                target: Target::Builtin(Builtin::Pkg(PkgFn::StrconvFormatFloat)),
                                args: a,
                            }));
                            (call, Type::Str)
                        }),
                )
            }
            "Unquote" => Some(self.template_tuple_call(
                "package main\nvar _ = func(s string) (string, error) {\n\
                 v, ok := minigo_native_strconv_unquote(s)\n\
                 if !ok {\nreturn \"\", strconv.ErrSyntax\n}\nreturn v, nil\n}(s)\n",
                args,
                pos,
            )),
            "AppendInt" => Some(self.template_call(
                "package main\nvar _ = func(dst []byte, i int64, base int) []byte {\n\
                 return append(dst, strconv.FormatInt(i, base)...)\n}(a, b, c)\n",
                args,
                pos,
            )),
            _ => None,
        }
    }

    /// As [`Checker::template_call`], for a literal with several results.
    pub(super) fn template_tuple_call(
        &mut self,
        src: &str,
        args: &[AExpr],
        pos: Pos,
    ) -> PResult<(Expr, Type)> {
        let file = crate::parser::parse_snippet(src)?;
        let Some(crate::ast::Decl::Var(spec)) = file.decls.into_iter().next() else {
            return super::err(pos, "internal error: template");
        };
        let Some(mut call) = spec.values.into_iter().next() else {
            return super::err(pos, "internal error: template");
        };
        if let crate::ast::ExprKind::Call(_, a, _) = &mut call.kind {
            *a = args.to_vec();
        }
        call.pos = pos;
        self.expr(&call)
    }

    /// A call of a hidden native of the preludes and lowerings
    /// (`minigo_native_strconv_NAME`); `None` for other names.
    pub(crate) fn hidden_native(
        &mut self,
        n: &str,
        args: &[AExpr],
        pos: Pos,
    ) -> Option<PResult<(Expr, Type)>> {
        if n == "minigo_native_fmt_typeName" {
            return Some(self.type_name_call(args, pos));
        }
        if let Some(v) = n.strip_prefix("minigo_native_osvar_") {
            return Some(match self.os_error_var(v) {
                Some(r) if args.is_empty() => Ok(r),
                _ => super::err(pos, "internal error: os variable"),
            });
        }
        let rest = n.strip_prefix("minigo_native_")?;
        let (pkg, name) = rest.split_once('_')?;
        let (f, params, mut results) = match name {
            _ if pkg != "strconv" => super::packages::signature(pkg, name)?,
            "isRange" => (PkgFn::StrconvIsRange, vec![Type::Error], vec![Type::Bool]),
            "unquote" => (
                PkgFn::StrconvUnquote,
                vec![Type::Str],
                vec![Type::Str, Type::Bool],
            ),
            _ => super::packages::signature("strconv", name)?,
        };
        Some(self.args(&params, args, pos, n).map(|a| {
            let call = Expr::Call(Box::new(Call {
                line: 0,
                target: Target::Builtin(Builtin::Pkg(f)),
                args: a,
            }));
            let t = if results.len() == 1 {
                results.remove(0)
            } else {
                Type::Tuple(results.into())
            };
            (call, t)
        }))
    }
}

/// The signatures of `unicode/utf8`'s functions.
pub(super) fn utf8_signature(name: &str) -> Option<(PkgFn, Vec<Type>, Vec<Type>)> {
    use crate::ir::Utf8Fn::*;
    use crate::types::table::IntKind;
    let rune = Type::IntK(IntKind::I32);
    let bytes = Type::Slice(std::rc::Rc::new(Type::IntK(IntKind::U8)));
    let (f, p, r) = match name {
        "RuneCountInString" => (RuneCount, vec![Type::Str], vec![Type::Int]),
        "RuneCount" => (RuneCount, vec![bytes], vec![Type::Int]),
        "ValidString" => (Valid, vec![Type::Str], vec![Type::Bool]),
        "Valid" => (Valid, vec![bytes], vec![Type::Bool]),
        "DecodeRuneInString" => (Decode, vec![Type::Str], vec![rune, Type::Int]),
        "DecodeRune" => (Decode, vec![bytes], vec![rune, Type::Int]),
        "DecodeLastRuneInString" => (DecodeLast, vec![Type::Str], vec![rune, Type::Int]),
        "DecodeLastRune" => (DecodeLast, vec![bytes], vec![rune, Type::Int]),
        "RuneLen" => (RuneLen, vec![rune], vec![Type::Int]),
        "ValidRune" => (ValidRune, vec![rune], vec![Type::Bool]),
        _ => return None,
    };
    Some((PkgFn::Utf8(f), p, r))
}

/// The constants of `unicode/utf8`.
pub(super) fn utf8_const(name: &str) -> Option<i64> {
    Some(match name {
        "RuneError" => crate::rt::utf8::RUNE_ERROR,
        "RuneSelf" => 0x80,
        "MaxRune" => 0x10FFFF,
        "UTFMax" => 4,
        _ => return None,
    })
}
