//! A recursive-descent parser for the Go subset.
//!
//! Go outside the subset is reported by one rule, not case by case: when
//! the parser cannot go on at a token, and that token belongs only to Go
//! constructs the subset leaves out (every such keyword and operator of Go
//! is in `outside_subset`), the error names the construct —
//! `` `map` types are not supported by minigo `` — instead of a syntax
//! error. So a construct is reported the same way wherever it turns up. The
//! constructs that reuse tokens of the subset (methods, generic functions,
//! composite literals, labels, `pkg.T` types, type switches) are recognised
//! by their shape and reported in the same words
//! (`SyntaxError::unsupported`). Everything else that does not parse is a
//! syntax error, worded as Go's.

use std::rc::Rc;

use crate::ast::*;
use crate::lexer::{lex, PResult, Pos, SyntaxError, Tok};

/// Deepest nesting of expressions and blocks the parser accepts.
const MAX_NESTING: u32 = 500;

/// Parses a whole source file.
pub fn parse(src: &str) -> PResult<File> {
    let toks = lex(src)?;
    let mut p = Parser {
        toks,
        i: 0,
        nesting: 0,
        no_brace: false,
    };
    p.file()
}

/// A name and its position.
type Name = (Rc<str>, Pos);

struct Parser {
    toks: Vec<(Tok, Pos)>,
    i: usize,
    nesting: u32,
    /// Inside an `if`/`for` header, where `{` starts the body.
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

/// Where the parser stood when a token did not fit, for the tokens that
/// mean different constructs in different places (`[`, `*`, `&`).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Place {
    /// Where a type was wanted.
    Type,
    /// Where an expression (an operand) was wanted.
    Operand,
    /// After an operand, or between statements and declarations.
    Other,
}

/// The Go construct outside minigo's subset that `tok` belongs to, named for
/// [`SyntaxError::unsupported`], or `None` when the token is part of the
/// subset (then a misplaced token is a plain syntax error).
///
/// This is the general rule: every keyword and operator of Go that no
/// construct of the subset uses is listed, so a program using any of them
/// gets the construct's name, wherever the parser meets it.
fn outside_subset(tok: &Tok, place: Place) -> Option<String> {
    let what = match (tok, place) {
        (Tok::Ident(s), _) => match &**s {
            "chan" => "`chan` types",
            "map" => "`map` types",
            "struct" => "`struct` types",
            "interface" => "`interface` type literals outside types",
            "type" => "`type` declarations",
            "const" => "`const` declarations",
            "go" => "`go` statements",
            "select" => "`select` statements",
            "switch" => "`switch` statements",
            "case" | "default" => "`switch` and `select` statements (`case`, `default`)",
            "fallthrough" => "`fallthrough` statements",
            "goto" => "`goto` statements",
            "range" => "`range` clauses",
            _ => return None,
        },
        (Tok::Op("["), Place::Other) => "index and slice expressions",
        (Tok::Op("["), _) => "array and slice types",
        (Tok::Op("*" | "&"), Place::Type | Place::Operand) => "pointers",
        (Tok::Op("<-"), Place::Type) => "`chan` types",
        (Tok::Op("<-"), _) => "channel operations (`<-`)",
        (Tok::Op("..."), _) => "variadic functions and calls (`...`)",
        (Tok::Op("~"), _) => "type constraints (`~`)",
        (
            Tok::Op(
                o @ ("|" | "^" | "&" | "<<" | ">>" | "&^" | "|=" | "^=" | "&=" | "<<=" | ">>="
                | "&^="),
            ),
            _,
        ) => return Some(format!("bitwise operators (`{o}`)")),
        _ => return None,
    };
    Some(what.to_string())
}

impl Parser {
    fn peek(&self) -> &Tok {
        &self.toks[self.i.min(self.toks.len() - 1)].0
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

    fn err<T>(&self, msg: impl Into<String>) -> PResult<T> {
        Err(SyntaxError::new(self.pos(), msg))
    }

    /// A construct outside the subset, recognised by its shape, at the
    /// current token.
    fn unsupported<T>(&self, what: &str) -> PResult<T> {
        Err(SyntaxError::unsupported(self.pos(), what))
    }

    /// The error for a token that does not fit where `wanted` was: the
    /// construct outside the subset it belongs to ([`outside_subset`]), or
    /// Go's syntax error.
    fn unexpected<T>(&self, wanted: &str) -> PResult<T> {
        let place = match wanted {
            "type" => Place::Type,
            "expression" => Place::Operand,
            _ => Place::Other,
        };
        if let Some(what) = outside_subset(self.peek(), place) {
            return Err(SyntaxError::unsupported(self.pos(), &what));
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

    fn ident(&mut self) -> PResult<(Rc<str>, Pos)> {
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
            Tok::Op(")") | Tok::Op("}") => Ok(()),
            Tok::Eof => Ok(()),
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
            if self.is_op("(") {
                self.bump();
                while !self.is_op(")") {
                    imports.push(self.import_spec()?);
                    self.semi("newline in import list")?;
                }
                self.bump();
            } else {
                imports.push(self.import_spec()?);
            }
            self.semi("newline after import")?;
        }
        let mut decls = Vec::new();
        while !matches!(self.peek(), Tok::Eof) {
            if matches!(self.peek(), Tok::Semi) {
                self.bump();
                continue;
            }
            if self.is_kw("func") {
                decls.push(Decl::Func(self.func_decl()?));
            } else if self.is_kw("var") {
                self.bump();
                for spec in self.var_specs()? {
                    decls.push(Decl::Var(spec));
                }
            } else if self.is_kw("import") {
                return self.err("syntax error: imports must appear before other declarations");
            } else {
                return self.unexpected("func or var declaration");
            }
            if !matches!(self.peek(), Tok::Eof) {
                self.semi("newline after top level declaration")?;
            }
        }
        Ok(File { imports, decls })
    }

    fn import_spec(&mut self) -> PResult<(Rc<str>, Pos)> {
        match self.peek().clone() {
            Tok::Str(s) => {
                let p = self.bump().1;
                Ok((s, p))
            }
            // `f "fmt"`, `_ "os"`, `. "fmt"`: valid Go, named as such.
            Tok::Ident(_) | Tok::Op(".")
                if matches!(self.toks.get(self.i + 1), Some((Tok::Str(_), _))) =>
            {
                self.unsupported("import names (`NAME \"path\"`, `_ \"path\"`, `. \"path\"`)")
            }
            _ => self.unexpected("import path (a string)"),
        }
    }

    fn func_decl(&mut self) -> PResult<FuncDecl> {
        let fpos = self.expect_kw("func")?;
        if self.is_op("(") {
            return Err(SyntaxError::unsupported(fpos, "methods"));
        }
        let (name, pos) = self.ident()?;
        if self.is_op("[") {
            return self.unsupported("generic functions (type parameters)");
        }
        let sig = self.signature(fpos)?;
        if !self.is_op("{") {
            return self.err(format!("missing function body for {name}"));
        }
        let body = self.block()?;
        Ok(FuncDecl {
            name,
            pos,
            sig,
            body,
        })
    }

    fn var_specs(&mut self) -> PResult<Vec<VarSpec>> {
        if self.is_op("(") {
            self.bump();
            let mut specs = Vec::new();
            while !self.is_op(")") {
                specs.push(self.var_spec()?);
                self.semi("newline in var list")?;
            }
            self.bump();
            Ok(specs)
        } else {
            Ok(vec![self.var_spec()?])
        }
    }

    fn var_spec(&mut self) -> PResult<VarSpec> {
        let pos = self.pos();
        let mut names = vec![self.ident()?];
        while self.is_op(",") {
            self.bump();
            names.push(self.ident()?);
        }
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
        })
    }

    fn signature(&mut self, pos: Pos) -> PResult<Signature> {
        let params = self.param_list()?;
        let results = if self.is_op("(") {
            self.param_list()?
        } else if self.starts_type() || self.starts_type_outside_subset() {
            // The latter fails in `type_expr`, naming the type.
            vec![Param {
                name: None,
                ty: self.type_expr()?,
            }]
        } else {
            Vec::new()
        };
        Ok(Signature {
            params,
            results,
            pos,
        })
    }

    fn starts_type(&self) -> bool {
        match self.peek() {
            Tok::Ident(s) => !is_keyword(s) || &**s == "func" || &**s == "interface",
            _ => false,
        }
    }

    /// Whether the token begins one of Go's type literals that the subset
    /// leaves out (Go's `TypeLit` minus func and interface types: array,
    /// slice, struct, pointer, map and channel types), so that a result
    /// type written with one is reported as that type, not as a missing
    /// function body.
    fn starts_type_outside_subset(&self) -> bool {
        match self.peek() {
            Tok::Op(o) => matches!(*o, "[" | "*" | "<-"),
            Tok::Ident(s) => matches!(&**s, "struct" | "map" | "chan"),
            _ => false,
        }
    }

    /// `(a, b int, c string)` or `(int, string)`.
    fn param_list(&mut self) -> PResult<Vec<Param>> {
        self.expect_op("(")?;
        // Each entry: (optional name, optional type).
        let mut entries: Vec<(Option<Name>, Option<TypeExpr>)> = Vec::new();
        while !self.is_op(")") {
            let entry = match self.peek().clone() {
                Tok::Ident(s) if !is_keyword(&s) => {
                    let p = self.bump().1;
                    if self.is_op(",") || self.is_op(")") {
                        (Some((s, p)), None)
                    } else if self.is_op(".") {
                        return self.unsupported("types of other packages (`pkg.T`)");
                    } else {
                        (Some((s, p)), Some(self.type_expr()?))
                    }
                }
                _ => (None, Some(self.type_expr()?)),
            };
            entries.push(entry);
            if !self.is_op(")") {
                self.expect_op(",")?;
            }
        }
        self.bump();
        let named = entries.iter().any(|(n, t)| n.is_some() && t.is_some());
        if !named {
            // All entries are types; a lone name is a type name.
            return entries
                .into_iter()
                .map(|(n, t)| match (n, t) {
                    (_, Some(t)) => Ok(Param { name: None, ty: t }),
                    (Some((s, p)), None) => Ok(Param {
                        name: None,
                        ty: TypeExpr::Name(s, p),
                    }),
                    (None, None) => Err(SyntaxError::new(self.pos(), "missing parameter type")),
                })
                .collect();
        }
        let mut out = Vec::new();
        let mut pending: Vec<(Rc<str>, Pos)> = Vec::new();
        for (n, t) in entries {
            match (n, t) {
                (Some(n), None) => pending.push(n),
                (Some(n), Some(t)) => {
                    for pn in pending.drain(..) {
                        out.push(Param {
                            name: Some(pn),
                            ty: t.clone(),
                        });
                    }
                    out.push(Param {
                        name: Some(n),
                        ty: t,
                    });
                }
                (None, Some(t)) => {
                    return Err(SyntaxError::new(
                        t.pos(),
                        "syntax error: mixed named and unnamed parameters",
                    ))
                }
                (None, None) => return self.err("missing parameter"),
            }
        }
        if let Some((_, p)) = pending.first() {
            return Err(SyntaxError::new(
                *p,
                "syntax error: mixed named and unnamed parameters",
            ));
        }
        Ok(out)
    }

    fn type_expr(&mut self) -> PResult<TypeExpr> {
        self.enter()?;
        let r = self.type_inner();
        self.nesting -= 1;
        r
    }

    fn type_inner(&mut self) -> PResult<TypeExpr> {
        let pos = self.pos();
        match self.peek().clone() {
            Tok::Ident(s) if &*s == "func" => {
                self.bump();
                Ok(TypeExpr::Func(Box::new(self.signature(pos)?)))
            }
            Tok::Ident(s) if &*s == "interface" => {
                self.bump();
                self.expect_op("{")?;
                if !self.is_op("}") {
                    return self.unsupported("`interface` types with methods");
                }
                self.bump();
                Ok(TypeExpr::EmptyInterface(pos))
            }
            Tok::Ident(s) if !is_keyword(&s) => {
                self.bump();
                if self.is_op(".") {
                    return self.unsupported("types of other packages (`pkg.T`)");
                }
                Ok(TypeExpr::Name(s, pos))
            }
            Tok::Op("(") => {
                self.bump();
                let t = self.type_expr()?;
                self.expect_op(")")?;
                Ok(t)
            }
            _ => self.unexpected("type"),
        }
    }

    fn block(&mut self) -> PResult<Block> {
        self.enter()?;
        let saved = std::mem::replace(&mut self.no_brace, false);
        let r = self.block_inner();
        self.no_brace = saved;
        self.nesting -= 1;
        r
    }

    fn block_inner(&mut self) -> PResult<Block> {
        self.expect_op("{")?;
        let mut stmts = Vec::new();
        loop {
            match self.peek() {
                Tok::Semi => {
                    self.bump();
                }
                Tok::Op("}") => break,
                Tok::Eof => return self.unexpected("}"),
                _ => {
                    stmts.push(self.stmt()?);
                    if !self.is_op("}") {
                        self.semi("newline or ; after statement")?;
                        if matches!(self.peek(), Tok::Eof) {
                            return self.unexpected("}");
                        }
                    }
                }
            }
        }
        let end = self.bump().1;
        Ok(Block { stmts, end })
    }

    fn stmt(&mut self) -> PResult<Stmt> {
        let pos = self.pos();
        let kind = match self.peek().clone() {
            Tok::Ident(s) => match &*s {
                "var" => {
                    self.bump();
                    StmtKind::Var(self.var_specs()?)
                }
                "return" => {
                    self.bump();
                    if matches!(self.peek(), Tok::Semi | Tok::Op("}")) {
                        StmtKind::Return(Vec::new())
                    } else {
                        StmtKind::Return(self.expr_list()?)
                    }
                }
                "break" => {
                    self.bump();
                    if let Tok::Ident(_) = self.peek() {
                        return self.unsupported("labels");
                    }
                    StmtKind::Break
                }
                "continue" => {
                    self.bump();
                    if let Tok::Ident(_) = self.peek() {
                        return self.unsupported("labels");
                    }
                    StmtKind::Continue
                }
                "if" => return self.if_stmt(),
                "for" => return self.for_stmt(),
                "defer" => {
                    self.bump();
                    StmtKind::Defer(self.expr()?)
                }
                "func" if matches!(self.toks.get(self.i + 1), Some((Tok::Ident(_), _))) => {
                    return self.err("syntax error: unexpected name, expected (")
                }
                _ => self.simple_stmt()?,
            },
            Tok::Op("{") => StmtKind::Block(self.block()?),
            _ => self.simple_stmt()?,
        };
        Ok(Stmt { kind, pos })
    }

    fn simple_stmt(&mut self) -> PResult<StmtKind> {
        let lhs = self.expr_list()?;
        let op = match self.peek() {
            Tok::Op("=") => AssignOp::Assign,
            Tok::Op(":=") => AssignOp::Define,
            Tok::Op("+=") => AssignOp::Op(BinOp::Add),
            Tok::Op("-=") => AssignOp::Op(BinOp::Sub),
            Tok::Op("*=") => AssignOp::Op(BinOp::Mul),
            Tok::Op("/=") => AssignOp::Op(BinOp::Div),
            Tok::Op("%=") => AssignOp::Op(BinOp::Rem),
            Tok::Op(o @ ("++" | "--")) => {
                let inc = *o == "++";
                self.bump();
                let x = self.single(lhs, "++/--")?;
                return Ok(StmtKind::IncDec { x, inc });
            }
            Tok::Op(":")
                if matches!(
                    &lhs[..],
                    [Expr {
                        kind: ExprKind::Ident(_),
                        ..
                    }]
                ) =>
            {
                return self.unsupported("labels");
            }
            _ => {
                let x = self.single(lhs, "statement")?;
                return Ok(StmtKind::Expr(x));
            }
        };
        self.bump();
        let rhs = self.expr_list()?;
        Ok(StmtKind::Assign { lhs, op, rhs })
    }

    fn single(&self, mut list: Vec<Expr>, what: &str) -> PResult<Expr> {
        if list.len() != 1 {
            return self.unexpected(&format!(":= or = or comma ({what})"));
        }
        Ok(list.remove(0))
    }

    fn if_stmt(&mut self) -> PResult<Stmt> {
        let pos = self.expect_kw("if")?;
        self.enter()?;
        let saved = std::mem::replace(&mut self.no_brace, true);
        let header = self.if_header();
        self.no_brace = saved;
        let (init, cond) = header?;
        let then = self.block()?;
        let els = if self.is_kw("else") {
            self.bump();
            if self.is_kw("if") {
                Some(Box::new(self.if_stmt()?))
            } else if self.is_op("{") {
                let p = self.pos();
                Some(Box::new(Stmt {
                    kind: StmtKind::Block(self.block()?),
                    pos: p,
                }))
            } else {
                return self.unexpected("if statement or block");
            }
        } else {
            None
        };
        self.nesting -= 1;
        Ok(Stmt {
            kind: StmtKind::If {
                init,
                cond,
                then,
                els,
            },
            pos,
        })
    }

    fn if_header(&mut self) -> PResult<(Option<Box<Stmt>>, Expr)> {
        if self.is_op("{") {
            return self.err("missing condition in if statement");
        }
        let spos = self.pos();
        let first = self.simple_stmt()?;
        if matches!(self.peek(), Tok::Semi) {
            self.bump();
            let init = Stmt {
                kind: first,
                pos: spos,
            };
            if self.is_op("{") {
                return self.err("missing condition in if statement");
            }
            let cond = self.expr()?;
            return Ok((Some(Box::new(init)), cond));
        }
        match first {
            StmtKind::Expr(e) => Ok((None, e)),
            _ => Err(SyntaxError::new(
                spos,
                "cannot use assignment as value (missing condition in if statement)",
            )),
        }
    }

    fn for_stmt(&mut self) -> PResult<Stmt> {
        let pos = self.expect_kw("for")?;
        self.enter()?;
        let saved = std::mem::replace(&mut self.no_brace, true);
        let header = self.for_header();
        self.no_brace = saved;
        let (init, cond, post) = header?;
        let body = self.block()?;
        self.nesting -= 1;
        Ok(Stmt {
            kind: StmtKind::For {
                init,
                cond,
                post,
                body,
            },
            pos,
        })
    }

    #[allow(clippy::type_complexity)]
    fn for_header(&mut self) -> PResult<(Option<Box<Stmt>>, Option<Expr>, Option<Box<Stmt>>)> {
        if self.is_op("{") {
            return Ok((None, None, None));
        }
        let spos = self.pos();
        let first = if matches!(self.peek(), Tok::Semi) {
            None
        } else {
            Some(self.simple_stmt()?)
        };
        if self.is_op("{") {
            return match first {
                Some(StmtKind::Expr(e)) => Ok((None, Some(e), None)),
                _ => Err(SyntaxError::new(spos, "expected for loop condition")),
            };
        }
        if !matches!(self.peek(), Tok::Semi) {
            return self.unexpected("{ after for clause");
        }
        self.bump();
        let init = first.map(|k| Box::new(Stmt { kind: k, pos: spos }));
        let cond = if matches!(self.peek(), Tok::Semi) {
            None
        } else {
            Some(self.expr()?)
        };
        if !matches!(self.peek(), Tok::Semi) {
            return self.unexpected("; in for clause");
        }
        self.bump();
        let ppos = self.pos();
        let post = if self.is_op("{") {
            None
        } else {
            let k = self.simple_stmt()?;
            if matches!(
                k,
                StmtKind::Assign {
                    op: AssignOp::Define,
                    ..
                }
            ) {
                return Err(SyntaxError::new(
                    ppos,
                    "cannot declare in post statement of for loop",
                ));
            }
            Some(Box::new(Stmt { kind: k, pos: ppos }))
        };
        if !self.is_op("{") {
            return self.unexpected("{ after for clause");
        }
        Ok((init, cond, post))
    }

    fn expr_list(&mut self) -> PResult<Vec<Expr>> {
        let mut v = vec![self.expr()?];
        while self.is_op(",") {
            self.bump();
            v.push(self.expr()?);
        }
        Ok(v)
    }

    /// An expression.
    pub(crate) fn expr(&mut self) -> PResult<Expr> {
        self.enter()?;
        let r = self.binary(1);
        self.nesting -= 1;
        r
    }

    fn binop(&self) -> Option<(BinOp, u8)> {
        let Tok::Op(o) = self.peek() else { return None };
        Some(match *o {
            "||" => (BinOp::OrOr, 1),
            "&&" => (BinOp::AndAnd, 2),
            "==" => (BinOp::Eq, 3),
            "!=" => (BinOp::Ne, 3),
            "<" => (BinOp::Lt, 3),
            "<=" => (BinOp::Le, 3),
            ">" => (BinOp::Gt, 3),
            ">=" => (BinOp::Ge, 3),
            "+" => (BinOp::Add, 4),
            "-" => (BinOp::Sub, 4),
            "*" => (BinOp::Mul, 5),
            "/" => (BinOp::Div, 5),
            "%" => (BinOp::Rem, 5),
            _ => return None,
        })
    }

    fn binary(&mut self, min_prec: u8) -> PResult<Expr> {
        let mut x = self.unary()?;
        while let Some((op, prec)) = self.binop() {
            if prec < min_prec {
                break;
            }
            let pos = self.bump().1;
            let y = self.binary(prec + 1)?;
            x = Expr {
                kind: ExprKind::Binary(op, Box::new(x), Box::new(y)),
                pos,
            };
        }
        Ok(x)
    }

    fn unary(&mut self) -> PResult<Expr> {
        let pos = self.pos();
        let op = match self.peek() {
            Tok::Op("-") => UnOp::Neg,
            Tok::Op("+") => UnOp::Plus,
            Tok::Op("!") => UnOp::Not,
            _ => return self.primary(),
        };
        self.bump();
        self.enter()?;
        let x = self.unary();
        self.nesting -= 1;
        Ok(Expr {
            kind: ExprKind::Unary(op, Box::new(x?)),
            pos,
        })
    }

    fn primary(&mut self) -> PResult<Expr> {
        let mut x = self.operand()?;
        loop {
            if self.is_op("(") {
                let pos = self.bump().1;
                let mut args = Vec::new();
                while !self.is_op(")") {
                    args.push(self.expr()?);
                    if !self.is_op(")") {
                        self.expect_op(",")?;
                    }
                }
                self.bump();
                x = Expr {
                    kind: ExprKind::Call(Box::new(x), args),
                    pos,
                };
            } else if self.is_op(".") {
                let pos = self.bump().1;
                if self.is_op("(") {
                    self.bump();
                    if self.is_kw("type") {
                        return self.unsupported("type switches");
                    }
                    let t = self.type_expr()?;
                    self.expect_op(")")?;
                    x = Expr {
                        kind: ExprKind::Assert(Box::new(x), t),
                        pos,
                    };
                } else {
                    let (name, _) = self.ident()?;
                    x = Expr {
                        kind: ExprKind::Selector(Box::new(x), name),
                        pos,
                    };
                }
            } else if self.is_op("{") && !self.no_brace {
                return self.unsupported("composite literals");
            } else {
                return Ok(x);
            }
        }
    }

    fn operand(&mut self) -> PResult<Expr> {
        let pos = self.pos();
        let kind = match self.peek().clone() {
            Tok::Int(n) => {
                self.bump();
                ExprKind::Int(n)
            }
            Tok::Str(s) => {
                self.bump();
                ExprKind::Str(s)
            }
            Tok::Ident(s) if &*s == "func" => {
                self.bump();
                let sig = self.signature(pos)?;
                if !self.is_op("{") {
                    return self.unsupported("func types in expressions");
                }
                let saved = std::mem::replace(&mut self.no_brace, false);
                let body = self.block();
                self.no_brace = saved;
                ExprKind::FuncLit(sig, body?)
            }
            Tok::Ident(s) if !is_keyword(&s) => {
                self.bump();
                ExprKind::Ident(s)
            }
            Tok::Op("(") => {
                self.bump();
                let saved = std::mem::replace(&mut self.no_brace, false);
                let e = self.expr();
                self.no_brace = saved;
                let e = e?;
                self.expect_op(")")?;
                ExprKind::Paren(Box::new(e))
            }
            _ => return self.unexpected("expression"),
        };
        Ok(Expr { kind, pos })
    }
}
