//! A recursive-descent parser for Go's syntax (as issues 9 and 10 need
//! it), producing [`crate::ast`] with positions.
//!
//! The parser accepts every construct of Go that programs around defer
//! use; deciding which of them minigo runs is the checker's job, which
//! refuses the rest by one rule (`checker::unsupported`); the parser builds
//! a tree for all of it, type parameters and constraints included.
//! Whatever does not parse is a syntax error, worded as Go's. Declarations are here; types, statements
//! and expressions are in the submodules.

mod expr;
mod import_names;
mod stmt;
mod types;

use std::rc::Rc;

use crate::ast::*;
use crate::lexer::{lex, PResult, Pos, SyntaxError, Tok};

/// Deepest nesting of expressions, types and blocks the parser accepts.
const MAX_NESTING: u32 = 500;

/// Parses a whole source file.
pub fn parse(src: &str) -> PResult<File> {
    let toks = lex(src)?;
    let file = parse_tokens(toks.clone())?;
    // Named imports read with their packages' own names where that is
    // safe (parser/import_names.rs); those imports lose their names.
    let Some((renamed, aliases)) = import_names::rename(&file, &toks) else {
        return Ok(file);
    };
    let mut file = parse_tokens(renamed)?;
    for imp in &mut file.imports {
        if imp.name.as_ref().is_some_and(|(n, _)| aliases.contains(n)) {
            imp.name = None;
        }
    }
    Ok(file)
}

/// The first line of Go source that minigo writes itself (preludes and
/// lowerings, [`parse_snippet`]): its calls have no line for
/// `runtime.Caller` and its function literals do not count in Go's
/// closure names (`main.f.func1`).
pub const SNIPPET_LINE: u32 = 1 << 30;

/// [`parse`] of Go source that minigo writes itself: lines from
/// [`SNIPPET_LINE`].
///
/// ```
/// use minigo::parser::{parse_snippet, SNIPPET_LINE};
/// let file = parse_snippet("package main\nfunc f() {}\n").unwrap();
/// let minigo::ast::Decl::Func(f) = &file.decls[0] else { panic!("a func") };
/// assert_eq!(f.pos.line, SNIPPET_LINE + 2);
/// ```
pub fn parse_snippet(src: &str) -> PResult<File> {
    let mut toks = lex(src).map_err(|mut e| {
        e.pos.line += SNIPPET_LINE;
        e
    })?;
    for (_, pos) in &mut toks {
        pos.line += SNIPPET_LINE;
    }
    parse_tokens(toks).map_err(|mut e| {
        e.pos.line = e.pos.line.max(SNIPPET_LINE);
        e
    })
}

fn parse_tokens(toks: Vec<(Tok, Pos)>) -> PResult<File> {
    let mut p = Parser {
        toks,
        i: 0,
        nesting: 0,
        no_brace: false,
    };
    p.file()
}

struct Parser {
    toks: Vec<(Tok, Pos)>,
    i: usize,
    nesting: u32,
    /// Inside an `if`/`for`/`switch` header, where `{` after a type name
    /// starts the body, not a composite literal.
    no_brace: bool,
}

/// Go's keywords.
const KEYWORDS: &[&str] = &[
    "break",
    "case",
    "chan",
    "const",
    "continue",
    "default",
    "defer",
    "else",
    "fallthrough",
    "for",
    "func",
    "go",
    "goto",
    "if",
    "import",
    "interface",
    "map",
    "package",
    "range",
    "return",
    "select",
    "struct",
    "switch",
    "type",
    "var",
];

fn is_keyword(s: &str) -> bool {
    KEYWORDS.contains(&s)
}

impl Parser {
    fn peek(&self) -> &Tok {
        &self.toks[self.i.min(self.toks.len() - 1)].0
    }

    /// The token `n` ahead of the current one.
    fn peek_at(&self, n: usize) -> &Tok {
        &self.toks[(self.i + n).min(self.toks.len() - 1)].0
    }

    fn pos(&self) -> Pos {
        self.toks[self.i.min(self.toks.len() - 1)].1
    }

    fn bump(&mut self) -> (Tok, Pos) {
        let t = self.toks[self.i.min(self.toks.len() - 1)].clone();
        if self.i < self.toks.len() - 1 {
            self.i += 1;
        }
        t
    }

    fn is_op(&self, op: &str) -> bool {
        matches!(self.peek(), Tok::Op(o) if *o == op)
    }

    fn is_kw(&self, kw: &str) -> bool {
        matches!(self.peek(), Tok::Ident(s) if &**s == kw)
    }

    fn at_eof(&self) -> bool {
        matches!(self.peek(), Tok::Eof)
    }

    fn err<T>(&self, msg: impl Into<String>) -> PResult<T> {
        Err(SyntaxError::new(self.pos(), msg))
    }

    /// Go's syntax error for a token that does not fit where `wanted` was.
    fn unexpected<T>(&self, wanted: &str) -> PResult<T> {
        if self.is_op("~") {
            return self.err(
                "cannot use ~ outside of interface or type constraint (use ^ for bitwise complement)",
            );
        }
        let found = match self.peek() {
            Tok::Ident(s) if is_keyword(s) => format!("keyword {s}"),
            t => t.to_string(),
        };
        self.err(format!(
            "syntax error: unexpected {found}, expected {wanted}"
        ))
    }

    fn expect_op(&mut self, op: &str) -> PResult<Pos> {
        if self.is_op(op) {
            Ok(self.bump().1)
        } else {
            self.unexpected(op)
        }
    }

    fn expect_kw(&mut self, kw: &str) -> PResult<Pos> {
        if self.is_kw(kw) {
            Ok(self.bump().1)
        } else {
            self.unexpected(kw)
        }
    }

    fn ident(&mut self) -> PResult<Name> {
        match self.peek().clone() {
            Tok::Ident(s) if !is_keyword(&s) => {
                let p = self.bump().1;
                Ok((s, p))
            }
            _ => self.unexpected("name"),
        }
    }

    /// A `;` (written or inserted), or nothing before `)` / `}`.
    fn semi(&mut self, wanted: &str) -> PResult<()> {
        match self.peek() {
            Tok::Semi => {
                self.bump();
                Ok(())
            }
            Tok::Op(")") | Tok::Op("}") | Tok::Eof => Ok(()),
            _ => self.unexpected(wanted),
        }
    }

    fn enter(&mut self) -> PResult<()> {
        self.nesting += 1;
        if self.nesting > MAX_NESTING {
            return self.err("program too deeply nested");
        }
        Ok(())
    }

    /// Runs `f` one nesting level deeper.
    fn nested<T>(&mut self, f: impl FnOnce(&mut Self) -> PResult<T>) -> PResult<T> {
        self.enter()?;
        let r = f(self);
        self.nesting -= 1;
        r
    }

    /// Runs `f` with `no_brace` set to `v`, restoring it afterwards.
    fn with_no_brace<T>(&mut self, v: bool, f: impl FnOnce(&mut Self) -> PResult<T>) -> PResult<T> {
        let saved = std::mem::replace(&mut self.no_brace, v);
        let r = f(self);
        self.no_brace = saved;
        r
    }

    /// `( item; item; ... )` or a single item, for grouped declarations.
    fn group<T>(
        &mut self,
        what: &str,
        mut item: impl FnMut(&mut Self, usize) -> PResult<T>,
    ) -> PResult<Vec<T>> {
        if !self.is_op("(") {
            return Ok(vec![item(self, 0)?]);
        }
        self.bump();
        let mut out = Vec::new();
        while !self.is_op(")") {
            if self.at_eof() {
                return self.unexpected(")");
            }
            if matches!(self.peek(), Tok::Semi) {
                self.bump();
                continue;
            }
            out.push(item(self, out.len())?);
            self.semi(&format!("semicolon, newline, or ) in {what}"))?;
        }
        self.bump();
        Ok(out)
    }

    fn file(&mut self) -> PResult<File> {
        while matches!(self.peek(), Tok::Semi) {
            self.bump();
        }
        self.expect_kw("package")?;
        let (name, p) = self.ident()?;
        if &*name != "main" {
            return Err(SyntaxError::new(p, "only package main is supported"));
        }
        self.semi("newline after package clause")?;
        let mut imports = Vec::new();
        while self.is_kw("import") {
            self.bump();
            imports.extend(self.group("import declaration", |p, _| p.import_spec())?);
            self.semi("newline after import")?;
        }
        let mut decls = Vec::new();
        while !self.at_eof() {
            if matches!(self.peek(), Tok::Semi) {
                self.bump();
                continue;
            }
            self.top_decl(&mut decls)?;
            if !self.at_eof() {
                self.semi("newline after top level declaration")?;
            }
        }
        Ok(File { imports, decls })
    }

    fn top_decl(&mut self, decls: &mut Vec<Decl>) -> PResult<()> {
        let Tok::Ident(kw) = self.peek().clone() else {
            return self.unexpected("declaration");
        };
        match &*kw {
            "func" => decls.push(Decl::Func(self.func_decl()?)),
            "var" => {
                self.bump();
                let specs = self.group("var declaration", |p, _| p.var_spec())?;
                decls.extend(specs.into_iter().map(Decl::Var));
            }
            "const" => {
                self.bump();
                decls.extend(self.const_specs()?.into_iter().map(Decl::Const));
            }
            "type" => {
                let pos = self.bump().1;
                let specs = self.group("type declaration", |p, _| p.type_spec(pos))?;
                decls.extend(specs.into_iter().map(Decl::Type));
            }
            "import" => {
                return self.err("syntax error: imports must appear before other declarations")
            }
            _ => return self.err("syntax error: non-declaration statement outside function body"),
        }
        Ok(())
    }

    fn import_spec(&mut self) -> PResult<ImportSpec> {
        let pos = self.pos();
        let name = match self.peek().clone() {
            Tok::Ident(s) if !is_keyword(&s) => Some((s, self.bump().1)),
            Tok::Op(".") => Some((Rc::from("."), self.bump().1)),
            _ => None,
        };
        match self.peek().clone() {
            Tok::Str(path) => {
                let path_pos = self.bump().1;
                Ok(ImportSpec {
                    name,
                    path: String::from_utf8_lossy(&path).into(),
                    pos,
                    path_pos,
                })
            }
            _ => self.unexpected("import path (a string)"),
        }
    }

    /// The names of the tokens from `start` to here (after a `.`: a
    /// selected name), for the package's initialization order. A name is
    /// left out where it names a local: a parameter or result in `params`,
    /// or a name declared by `:=` or `var` earlier in the span (a local
    /// `c := counter` in a function is not the package-level `c`). Token
    /// by token, so a local of a block that ended still hides the name.
    fn refs_since(&self, start: usize, params: &[Rc<str>]) -> Rc<[crate::ast::Ref]> {
        let toks = self.toks.get(start..self.i).unwrap_or(&[]);
        let mut declaring = declared_names(toks);
        declaring.sort_unstable();
        let mut locals: Vec<Rc<str>> = params.to_vec();
        let mut out = Vec::new();
        for (k, (t, _)) in toks.iter().enumerate() {
            if let Tok::Ident(n) = t {
                let selected = k > 0 && matches!(&toks[k - 1].0, Tok::Op("."));
                if declaring.binary_search(&k).is_ok() {
                    locals.push(n.clone());
                    continue;
                }
                if !selected && locals.contains(n) {
                    continue;
                }
                out.push((n.clone(), selected));
            }
        }
        out.into()
    }

    fn func_decl(&mut self) -> PResult<FuncDecl> {
        let start = self.i;
        let func_pos = self.expect_kw("func")?;
        let recv = if self.is_op("(") {
            let rpos = self.pos();
            let mut ps = self.param_list()?.0;
            if ps.len() != 1 {
                let msg = if ps.is_empty() {
                    "method has no receiver"
                } else {
                    "method has multiple receivers"
                };
                return Err(SyntaxError::new(rpos, msg));
            }
            ps.pop()
        } else {
            None
        };
        let (name, pos) = self.ident()?;
        let tparams = if self.is_op("[") {
            self.type_params()?
        } else {
            Vec::new()
        };
        let sig = self.signature(func_pos)?;
        if !self.is_op("{") {
            return self.err(format!("missing function body for {name}"));
        }
        let body = Some(self.block()?);
        let params: Vec<Rc<str>> = recv
            .iter()
            .chain(&sig.params)
            .chain(&sig.results)
            .filter_map(|p| p.name.as_ref().map(|n| n.0.clone()))
            .collect();
        let refs = self.refs_since(start, &params);
        Ok(FuncDecl {
            recv,
            name,
            tparams,
            pos,
            func_pos,
            sig,
            body,
            refs,
        })
    }

    fn var_spec(&mut self) -> PResult<VarSpec> {
        let start = self.i;
        let pos = self.pos();
        let names = self.ident_list()?;
        let ty = if self.is_op("=") {
            None
        } else {
            Some(self.type_expr()?)
        };
        let values = if self.is_op("=") {
            self.bump();
            self.expr_list()?
        } else {
            Vec::new()
        };
        Ok(VarSpec {
            names,
            ty,
            values,
            pos,
            refs: self.refs_since(start, &[]),
        })
    }

    fn ident_list(&mut self) -> PResult<Vec<Name>> {
        let mut names = vec![self.ident()?];
        while self.is_op(",") {
            self.bump();
            names.push(self.ident()?);
        }
        Ok(names)
    }

    /// The specs of a `const` declaration (after `const`), with Go's
    /// implicit repetition of the previous spec's type and values.
    fn const_specs(&mut self) -> PResult<Vec<ConstSpec>> {
        let mut prev: Option<(Option<TypeExpr>, Vec<Expr>)> = None;
        self.group("const declaration", |p, iota| {
            let pos = p.pos();
            let names = p.ident_list()?;
            let ty = if p.is_op("=") || matches!(p.peek(), Tok::Semi | Tok::Op(")")) {
                None
            } else {
                Some(p.type_expr()?)
            };
            if p.is_op("=") {
                p.bump();
                let values = p.expr_list()?;
                prev = Some((ty.clone(), values.clone()));
                return Ok(ConstSpec {
                    names,
                    ty,
                    values,
                    iota: iota as u32,
                    implicit: false,
                    pos,
                });
            }
            let Some((pty, pvalues)) = prev.clone().filter(|_| ty.is_none()) else {
                return Err(SyntaxError::new(
                    pos,
                    "missing init expr for const declaration",
                ));
            };
            Ok(ConstSpec {
                names,
                ty: pty,
                values: pvalues,
                iota: iota as u32,
                implicit: true,
                pos,
            })
        })
    }

    fn type_spec(&mut self, decl_pos: Pos) -> PResult<TypeSpec> {
        let name = self.ident()?;
        let tparams = if self.is_op("[") && self.starts_type_params() {
            self.type_params()?
        } else {
            Vec::new()
        };
        let alias = self.is_op("=");
        if alias {
            self.bump();
        }
        let ty = self.type_expr()?;
        Ok(TypeSpec {
            name,
            tparams,
            alias,
            ty,
            pos: decl_pos,
        })
    }

    /// At `[` after a declared type's name: whether a type parameter list
    /// follows (`[T any]`, `[K comparable, V any]`) rather than an array
    /// length (`[N]int`, `[4]int`).
    fn starts_type_params(&self) -> bool {
        matches!(self.peek_at(1), Tok::Ident(s) if !is_keyword(s))
            && !matches!(
                self.peek_at(2),
                Tok::Op("]" | "*" | "+" | "-" | "/" | "<<" | ">>" | ".")
            )
    }
}

/// The indices of the identifiers in `toks` that declare a local: the
/// names before a `:=` (`a, b := ...`, `for k, v := range ...`) and after
/// a `var` (`var x, y T`).
fn declared_names(toks: &[(Tok, Pos)]) -> Vec<usize> {
    let is_ident = |k: usize| matches!(toks.get(k), Some((Tok::Ident(_), _)));
    let is_comma = |k: usize| matches!(toks.get(k), Some((Tok::Op(","), _)));
    let mut out = Vec::new();
    for (k, (t, _)) in toks.iter().enumerate() {
        match t {
            Tok::Op(":=") => {
                let mut j = k;
                while j > 0 && is_ident(j - 1) {
                    out.push(j - 1);
                    if j >= 2 && is_comma(j - 2) {
                        j -= 2;
                    } else {
                        break;
                    }
                }
            }
            Tok::Ident(n) if &**n == "var" => {
                let mut j = k + 1;
                while is_ident(j) {
                    out.push(j);
                    if is_comma(j + 1) {
                        j += 2;
                    } else {
                        break;
                    }
                }
            }
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every program of the two corpora is valid Go, so each parses.
    #[test]
    fn every_corpus_program_parses() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut failed = Vec::new();
        let mut n = 0;
        for dir in ["cases", "cases-next"] {
            let Ok(rd) = std::fs::read_dir(root.join(dir)) else {
                continue;
            };
            for e in rd.flatten() {
                let p = e.path();
                if p.extension().is_none_or(|x| x != "go") {
                    continue;
                }
                let src = std::fs::read_to_string(&p).unwrap_or_default();
                n += 1;
                if let Err(e) = parse(&src) {
                    failed.push(format!("{}:{}: {}", p.display(), e.pos, e.msg));
                }
            }
        }
        assert!(n > 200, "only {n} programs found");
        assert!(failed.is_empty(), "{}", failed.join("\n"));
    }

    /// A program that uses every construct of issues 9 and 10 (it builds
    /// with Go 1.27.3) parses, and its tree has the expected shapes.
    #[test]
    fn the_whole_syntax_parses() {
        let f = match parse(include_str!("parser/all_syntax.go")) {
            Ok(f) => f,
            Err(e) => panic!("{}: {}", e.pos, e.msg),
        };
        assert_eq!(f.imports.len(), 5);
        let types = f
            .decls
            .iter()
            .filter(|d| matches!(d, Decl::Type(_)))
            .count();
        assert_eq!(types, 12);
        let consts: Vec<&ConstSpec> = f
            .decls
            .iter()
            .filter_map(|d| match d {
                Decl::Const(c) => Some(c),
                _ => None,
            })
            .collect();
        assert_eq!(consts.len(), 6);
        assert!(consts[1].implicit && consts[1].iota == 1 && consts[1].values.len() == 1);
        assert!(!consts[2].implicit && consts[2].names.len() == 2);
        let methods = f
            .decls
            .iter()
            .filter(|d| matches!(d, Decl::Func(fd) if fd.recv.is_some()))
            .count();
        assert_eq!(methods, 4);
        let variadic = f.decls.iter().any(
            |d| matches!(d, Decl::Func(fd) if &*fd.name == "variadic" && fd.sig.variadic.is_some()),
        );
        assert!(variadic);
        let generic: Vec<&str> = f
            .decls
            .iter()
            .filter_map(|d| match d {
                Decl::Func(fd) if !fd.tparams.is_empty() => Some(&*fd.name),
                Decl::Type(t) if !t.tparams.is_empty() => Some(&*t.name.0),
                _ => None,
            })
            .collect();
        assert_eq!(generic, ["Stack", "Pair", "Sum", "first"]);
    }

    fn expr_of(src: &str) -> Expr {
        let prog = format!("package main\n\nfunc main() {{\n\t_ = {src}\n}}\n");
        let f = parse(&prog).unwrap_or_else(|e| panic!("{src}: {}: {}", e.pos, e.msg));
        let Some(Decl::Func(fd)) = f.decls.into_iter().next() else {
            panic!("no func")
        };
        let mut stmts = fd.body.map(|b| b.stmts).unwrap_or_default();
        match stmts.pop().map(|s| s.kind) {
            Some(StmtKind::Assign { mut rhs, .. }) => rhs.remove(0),
            k => panic!("{src}: {k:?}"),
        }
    }

    #[test]
    fn precedence_follows_go() {
        // `&^` and `<<` bind like `*`; `|` and `^` like `+`.
        let e = expr_of("a | b &^ c << d");
        let ExprKind::Binary(BinOp::Or, _, rhs) = e.kind else {
            panic!("{e:?}")
        };
        let ExprKind::Binary(BinOp::Shl, l, _) = rhs.kind else {
            panic!("{rhs:?}")
        };
        assert!(matches!(l.kind, ExprKind::Binary(BinOp::AndNot, _, _)));
        let e = expr_of("-x == ^y && <-c");
        assert!(matches!(e.kind, ExprKind::Binary(BinOp::AndAnd, _, _)));
    }

    #[test]
    fn conversions_and_literals_have_their_shapes() {
        let e = expr_of("(func())(nil)");
        let ExprKind::Call(f, args, None) = e.kind else {
            panic!("{e:?}")
        };
        assert_eq!(args.len(), 1);
        assert!(matches!(f.as_type(), Some(TypeExpr::Func(_))));
        let e = expr_of("(*T)(nil)");
        let ExprKind::Call(f, _, _) = e.kind else {
            panic!("{e:?}")
        };
        assert!(matches!(f.as_type(), Some(TypeExpr::Pointer(..))));
        let e = expr_of("[]*P{{X: 1}, nil}");
        let ExprKind::Composite {
            ty: Some(TypeExpr::Slice(..)),
            elems,
            ..
        } = e.kind
        else {
            panic!("{e:?}")
        };
        assert!(matches!(
            elems[0].value.kind,
            ExprKind::Composite { ty: None, .. }
        ));
        let e = expr_of("s[1:2:3]");
        assert!(matches!(e.kind, ExprKind::Slice { max: Some(_), .. }));
        let e = expr_of("f(xs...)");
        assert!(matches!(e.kind, ExprKind::Call(_, _, Some(_))));
        let e = expr_of("make(<-chan int)");
        let ExprKind::Call(_, args, _) = e.kind else {
            panic!("{e:?}")
        };
        assert!(matches!(
            args[0].kind,
            ExprKind::Type(TypeExpr::Chan(ChanDir::Recv, ..))
        ));
    }

    #[test]
    fn malformed_syntax_is_a_go_syntax_error() {
        for (src, want) in [
            ("s[1::3]", "middle index required in 3-index slice"),
            ("s[1:2:]", "final index required in 3-index slice"),
            ("[]int{1\n}", "unexpected newline or ;, expected comma or }"),
            ("f(a..., b)", "unexpected name b, expected )"),
        ] {
            let prog = format!("package main\n\nfunc main() {{\n\t_ = {src}\n}}\n");
            match parse(&prog) {
                Ok(_) => panic!("{src} parsed"),
                Err(e) => assert!(e.msg.contains(want), "{src}: {}", e.msg),
            }
        }
    }
}
