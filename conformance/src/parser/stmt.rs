//! Statements and blocks.

use super::Parser;
use crate::ast::*;
use crate::lexer::{PResult, Pos, SyntaxError, Tok};

/// A simple statement, or the header of a range clause (`k, v := range x`)
/// where the caller allows one.
#[allow(clippy::large_enum_variant)] // transient, one per statement
enum Simple {
    Stmt(StmtKind),
    Range {
        lhs: Vec<Expr>,
        define: bool,
        x: Expr,
        range_pos: Pos,
    },
}

impl Parser {
    pub(super) fn block(&mut self) -> PResult<Block> {
        self.nested(|p| {
            p.with_no_brace(false, |p| {
                p.expect_op("{")?;
                let stmts = p.stmt_list()?;
                if !p.is_op("}") {
                    return p.unexpected("}");
                }
                let end = p.bump().1;
                Ok(Block { stmts, end })
            })
        })
    }

    /// Statements up to `}`, `case` or `default` (not consumed).
    fn stmt_list(&mut self) -> PResult<Vec<Stmt>> {
        let mut stmts = Vec::new();
        loop {
            match self.peek() {
                Tok::Semi => {
                    self.bump();
                }
                Tok::Op("}") | Tok::Eof => return Ok(stmts),
                _ if self.is_kw("case") || self.is_kw("default") => return Ok(stmts),
                _ => {
                    stmts.push(self.stmt()?);
                    if !self.is_op("}") && !self.is_kw("case") && !self.is_kw("default") {
                        self.semi("newline or ; after statement")?;
                    }
                }
            }
        }
    }

    fn stmt(&mut self) -> PResult<Stmt> {
        self.nested(Self::stmt_inner)
    }

    fn stmt_inner(&mut self) -> PResult<Stmt> {
        let pos = self.pos();
        let kind = match self.peek().clone() {
            Tok::Ident(s) => match &*s {
                "var" => {
                    self.bump();
                    StmtKind::Var(self.group("var declaration", |p, _| p.var_spec())?)
                }
                "const" => {
                    self.bump();
                    StmtKind::Const(self.const_specs()?)
                }
                "type" => {
                    self.bump();
                    StmtKind::Type(self.group("type declaration", |p, _| p.type_spec(pos))?)
                }
                "return" | "break" | "continue" | "goto" | "fallthrough" => self.jump_stmt(&s)?,
                "if" => return self.if_stmt(),
                "for" => return self.for_stmt(),
                "switch" => return self.switch_stmt(),
                "select" => return self.select_stmt(),
                "defer" => {
                    self.bump();
                    StmtKind::Defer(self.expr()?)
                }
                "go" => {
                    self.bump();
                    StmtKind::Go(self.expr()?)
                }
                "func" if matches!(self.peek_at(1), Tok::Ident(_)) => {
                    return self.err("syntax error: unexpected name, expected (")
                }
                _ if matches!(self.peek_at(1), Tok::Op(":")) && !super::is_keyword(&s) => {
                    return self.labeled_stmt()
                }
                _ => self.simple_stmt()?,
            },
            Tok::Op("{") => StmtKind::Block(self.block()?),
            Tok::Semi => StmtKind::Empty,
            _ => self.simple_stmt()?,
        };
        Ok(Stmt { kind, pos })
    }

    /// `return`, `break`, `continue`, `goto`, `fallthrough`.
    fn jump_stmt(&mut self, kw: &str) -> PResult<StmtKind> {
        self.bump();
        Ok(match kw {
            "return" if matches!(self.peek(), Tok::Semi | Tok::Op("}")) => {
                StmtKind::Return(Vec::new())
            }
            "return" => StmtKind::Return(self.expr_list()?),
            "break" => StmtKind::Break(self.opt_label()),
            "continue" => StmtKind::Continue(self.opt_label()),
            "goto" => StmtKind::Goto(self.ident()?),
            _ => StmtKind::Fallthrough,
        })
    }

    fn opt_label(&mut self) -> Option<Name> {
        match self.peek().clone() {
            Tok::Ident(s) if !super::is_keyword(&s) => Some((s, self.bump().1)),
            _ => None,
        }
    }

    fn labeled_stmt(&mut self) -> PResult<Stmt> {
        let label = self.ident()?;
        self.expect_op(":")?;
        let stmt = if self.is_op("}") {
            Stmt {
                kind: StmtKind::Empty,
                pos: self.pos(),
            }
        } else {
            self.stmt()?
        };
        Ok(Stmt {
            pos: label.1,
            kind: StmtKind::Labeled {
                label,
                stmt: Box::new(stmt),
            },
        })
    }

    fn simple_stmt(&mut self) -> PResult<StmtKind> {
        match self.simple_or_range(false)? {
            Simple::Stmt(k) => Ok(k),
            Simple::Range { range_pos, .. } => Err(SyntaxError::new(
                range_pos,
                "syntax error: unexpected keyword range, expected expression",
            )),
        }
    }

    fn simple_or_range(&mut self, range_ok: bool) -> PResult<Simple> {
        if range_ok && self.is_kw("range") {
            let range_pos = self.bump().1;
            let x = self.expr()?;
            return Ok(Simple::Range {
                lhs: Vec::new(),
                define: false,
                x,
                range_pos,
            });
        }
        let lhs = self.expr_list()?;
        let op = match self.peek().clone() {
            Tok::Op("=") => AssignOp::Assign,
            Tok::Op(":=") => AssignOp::Define,
            Tok::Op(o @ ("++" | "--")) => {
                self.bump();
                let x = self.single(lhs, "++/--")?;
                return Ok(Simple::Stmt(StmtKind::IncDec { x, inc: o == "++" }));
            }
            Tok::Op("<-") => {
                self.bump();
                let ch = self.single(lhs, "send")?;
                let value = self.expr()?;
                return Ok(Simple::Stmt(StmtKind::Send { ch, value }));
            }
            Tok::Op(o) => match BinOp::from_assign_token(o) {
                Some(b) => AssignOp::Op(b),
                None => return Ok(Simple::Stmt(StmtKind::Expr(self.single(lhs, "statement")?))),
            },
            _ => return Ok(Simple::Stmt(StmtKind::Expr(self.single(lhs, "statement")?))),
        };
        self.bump();
        if range_ok && !matches!(op, AssignOp::Op(_)) && self.is_kw("range") {
            let range_pos = self.bump().1;
            let x = self.expr()?;
            return Ok(Simple::Range {
                lhs,
                define: op == AssignOp::Define,
                x,
                range_pos,
            });
        }
        let rhs = self.expr_list()?;
        Ok(Simple::Stmt(StmtKind::Assign { lhs, op, rhs }))
    }

    fn single(&self, mut list: Vec<Expr>, what: &str) -> PResult<Expr> {
        if list.len() != 1 {
            return self.unexpected(&format!(":= or = or comma ({what})"));
        }
        Ok(list.remove(0))
    }

    fn if_stmt(&mut self) -> PResult<Stmt> {
        let pos = self.expect_kw("if")?;
        self.nested(|p| {
            let (init, cond) = p.with_no_brace(true, Self::if_header)?;
            let then = p.block()?;
            let els = if p.is_kw("else") {
                p.bump();
                if p.is_kw("if") {
                    Some(Box::new(p.if_stmt()?))
                } else if p.is_op("{") {
                    let bp = p.pos();
                    Some(Box::new(Stmt {
                        kind: StmtKind::Block(p.block()?),
                        pos: bp,
                    }))
                } else {
                    return p.unexpected("if statement or block");
                }
            } else {
                None
            };
            Ok(Stmt {
                kind: StmtKind::If {
                    init,
                    cond,
                    then,
                    els,
                },
                pos,
            })
        })
    }

    fn if_header(&mut self) -> PResult<(Option<Box<Stmt>>, Expr)> {
        if self.is_op("{") {
            return self.err("missing condition in if statement");
        }
        let spos = self.pos();
        let first = if matches!(self.peek(), Tok::Semi) {
            StmtKind::Empty
        } else {
            self.simple_stmt()?
        };
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
        self.nested(|p| {
            let header = p.with_no_brace(true, Self::for_header)?;
            let body = p.block()?;
            let kind = match header {
                ForHeader::Range {
                    lhs,
                    define,
                    x,
                    range_pos,
                } => p.range_kind(lhs, define, x, range_pos, body)?,
                ForHeader::Clause(init, cond, post) => StmtKind::For {
                    init,
                    cond,
                    post,
                    body,
                },
            };
            Ok(Stmt { kind, pos })
        })
    }

    fn range_kind(
        &self,
        lhs: Vec<Expr>,
        define: bool,
        x: Expr,
        range_pos: Pos,
        body: Block,
    ) -> PResult<StmtKind> {
        if lhs.len() > 2 {
            return Err(SyntaxError::new(
                lhs[2].pos,
                "range clause permits at most two iteration variables",
            ));
        }
        let mut it = lhs.into_iter();
        Ok(StmtKind::Range {
            key: it.next(),
            value: it.next(),
            define,
            x,
            range_pos,
            body,
        })
    }

    fn for_header(&mut self) -> PResult<ForHeader> {
        if self.is_op("{") {
            return Ok(ForHeader::Clause(None, None, None));
        }
        let spos = self.pos();
        let first = if matches!(self.peek(), Tok::Semi) {
            None
        } else {
            match self.simple_or_range(true)? {
                Simple::Range {
                    lhs,
                    define,
                    x,
                    range_pos,
                } => {
                    return Ok(ForHeader::Range {
                        lhs,
                        define,
                        x,
                        range_pos,
                    })
                }
                Simple::Stmt(k) => Some(k),
            }
        };
        if self.is_op("{") {
            return match first {
                Some(StmtKind::Expr(e)) => Ok(ForHeader::Clause(None, Some(e), None)),
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
        let post = self.for_post()?;
        Ok(ForHeader::Clause(init, cond, post))
    }

    /// The post statement of a for clause, up to the body's `{`.
    fn for_post(&mut self) -> PResult<Option<Box<Stmt>>> {
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
        Ok(post)
    }

    fn switch_stmt(&mut self) -> PResult<Stmt> {
        let pos = self.expect_kw("switch")?;
        self.nested(|p| {
            let (init, tag) = p.with_no_brace(true, Self::switch_header)?;
            p.expect_op("{")?;
            let kind = match tag {
                SwitchTag::Type { bind, x } => {
                    let (clauses, end) = p.clauses(Self::type_clause)?;
                    StmtKind::TypeSwitch {
                        init,
                        bind,
                        x,
                        clauses,
                        end,
                    }
                }
                SwitchTag::Expr(tag) => {
                    let (clauses, end) = p.clauses(Self::case_clause)?;
                    StmtKind::Switch {
                        init,
                        tag,
                        clauses,
                        end,
                    }
                }
            };
            Ok(Stmt { kind, pos })
        })
    }

    fn switch_header(&mut self) -> PResult<(Option<Box<Stmt>>, SwitchTag)> {
        if self.is_op("{") {
            return Ok((None, SwitchTag::Expr(None)));
        }
        let spos = self.pos();
        let first = if matches!(self.peek(), Tok::Semi) {
            StmtKind::Empty
        } else {
            self.simple_stmt()?
        };
        if !matches!(self.peek(), Tok::Semi) {
            return Ok((None, self.switch_tag(first, spos)?));
        }
        self.bump();
        let init = Some(Box::new(Stmt {
            kind: first,
            pos: spos,
        }));
        if self.is_op("{") {
            return Ok((init, SwitchTag::Expr(None)));
        }
        let tpos = self.pos();
        let second = self.simple_stmt()?;
        Ok((init, self.switch_tag(second, tpos)?))
    }

    fn switch_tag(&self, k: StmtKind, pos: Pos) -> PResult<SwitchTag> {
        match k {
            StmtKind::Expr(Expr {
                kind: ExprKind::TypeSwitchGuard(x),
                ..
            }) => Ok(SwitchTag::Type { bind: None, x: *x }),
            StmtKind::Expr(e) => Ok(SwitchTag::Expr(Some(e))),
            StmtKind::Assign {
                mut lhs,
                op: AssignOp::Define,
                mut rhs,
            } if lhs.len() == 1
                && rhs.len() == 1
                && matches!(lhs[0].kind, ExprKind::Ident(_))
                && matches!(rhs[0].kind, ExprKind::TypeSwitchGuard(_)) =>
            {
                let (l, r) = (lhs.remove(0), rhs.remove(0));
                let (ExprKind::Ident(n), ExprKind::TypeSwitchGuard(x)) = (l.kind, r.kind) else {
                    return Err(SyntaxError::new(pos, "internal error: type switch guard"));
                };
                Ok(SwitchTag::Type {
                    bind: Some((n, l.pos)),
                    x: *x,
                })
            }
            _ => Err(SyntaxError::new(
                pos,
                "syntax error: switch expression must be an expression",
            )),
        }
    }

    /// Clauses up to the closing `}`, which is consumed; its position.
    fn clauses<C>(
        &mut self,
        mut one: impl FnMut(&mut Self) -> PResult<C>,
    ) -> PResult<(Vec<C>, Pos)> {
        let mut out = Vec::new();
        loop {
            match self.peek() {
                Tok::Semi => {
                    self.bump();
                }
                Tok::Op("}") => return Ok((out, self.bump().1)),
                _ if self.is_kw("case") || self.is_kw("default") => out.push(one(self)?),
                _ => return self.unexpected("case or default or }"),
            }
        }
    }

    fn case_clause(&mut self) -> PResult<CaseClause> {
        let pos = self.pos();
        let exprs = if self.is_kw("default") {
            self.bump();
            None
        } else {
            self.bump();
            Some(self.expr_list()?)
        };
        let colon = self.expect_op(":")?;
        let body = self.stmt_list()?;
        Ok(CaseClause {
            exprs,
            body,
            pos,
            colon,
        })
    }

    fn type_clause(&mut self) -> PResult<TypeClause> {
        let pos = self.pos();
        let types = if self.is_kw("default") {
            self.bump();
            None
        } else {
            self.bump();
            let mut ts = vec![self.type_expr()?];
            while self.is_op(",") {
                self.bump();
                ts.push(self.type_expr()?);
            }
            Some(ts)
        };
        self.expect_op(":")?;
        let body = self.stmt_list()?;
        Ok(TypeClause { types, body, pos })
    }

    fn select_stmt(&mut self) -> PResult<Stmt> {
        let pos = self.expect_kw("select")?;
        self.nested(|p| {
            p.expect_op("{")?;
            let (clauses, _) = p.clauses(Self::comm_clause)?;
            Ok(Stmt {
                kind: StmtKind::Select(clauses),
                pos,
            })
        })
    }

    fn comm_clause(&mut self) -> PResult<CommClause> {
        let pos = self.pos();
        let comm = if self.is_kw("default") {
            self.bump();
            None
        } else {
            self.bump();
            let spos = self.pos();
            let kind = self.simple_stmt()?;
            Some(Box::new(Stmt { kind, pos: spos }))
        };
        self.expect_op(":")?;
        let body = self.stmt_list()?;
        Ok(CommClause { comm, body, pos })
    }
}

/// A `for` header.
#[allow(clippy::large_enum_variant)] // transient, one per loop
enum ForHeader {
    Clause(Option<Box<Stmt>>, Option<Expr>, Option<Box<Stmt>>),
    Range {
        lhs: Vec<Expr>,
        define: bool,
        x: Expr,
        range_pos: Pos,
    },
}

/// What a `switch` header switches on.
enum SwitchTag {
    Expr(Option<Expr>),
    Type { bind: Option<Name>, x: Expr },
}
