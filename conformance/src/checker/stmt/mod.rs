//! Checking statements: the dispatch and blocks; one file per construct
//! beside it.

mod assign;
pub(crate) mod control;
pub(crate) mod defer;
mod typed;

use crate::fastmap::FastMap;

pub(super) use control::terminates_block;

use super::expr::{show, unparen};
use super::{err, Checker};
use crate::ast::{AssignOp, Block, Expr as AExpr, ExprKind, Stmt as AStmt, StmtKind};
use crate::ir::{Builtin, Expr, Stmt, Target};
use crate::lexer::{PResult, Pos};

impl Checker {
    /// Statements of a block whose scope the caller opened.
    pub(crate) fn block_stmts(&mut self, stmts: &[AStmt]) -> PResult<Vec<Stmt>> {
        let mut out = Vec::new();
        for s in stmts {
            if let Some(s) = self.stmt(s)? {
                out.push(s);
            }
        }
        Ok(out)
    }

    pub(crate) fn block(&mut self, b: &Block) -> PResult<Vec<Stmt>> {
        self.scoped(|c| c.block_stmts(&b.stmts))
    }

    /// Runs `f` in a new scope of the current function.
    pub(crate) fn scoped<T>(&mut self, f: impl FnOnce(&mut Self) -> PResult<T>) -> PResult<T> {
        let level = self.fns.len().saturating_sub(1);
        self.scopes.push((FastMap::default(), level));
        let r = f(self);
        self.scopes.pop();
        r
    }

    /// An assignment `st` to `lhs` marked, when a store can fail (a
    /// target other than a variable), with the line of the first such
    /// target, where gc shows the function failing.
    fn stores_at(&mut self, lhs: &[AExpr], st: Stmt) -> Stmt {
        use crate::ast::ExprKind;
        let site = self
            .store_site
            .take()
            .unwrap_or(crate::code::FaultSite::Plain);
        let target = lhs
            .iter()
            .find(|l| !matches!(crate::checker::expr::unparen(l).kind, ExprKind::Ident(_)));
        match target.map(|t| crate::checker::expr::fault_entry(t.pos, site)) {
            Some(e) if e != 0 => Stmt::At(e, Box::new(st)),
            _ => st,
        }
    }

    /// `st` marked with the line of its first target.
    fn stores_at_first(&mut self, lhs: &[AExpr], st: Stmt) -> Stmt {
        let site = crate::code::FaultSite::Plain;
        match lhs
            .first()
            .map(|t| crate::checker::expr::fault_entry(t.pos, site))
        {
            Some(e) if e != 0 => Stmt::At(e, Box::new(st)),
            _ => st,
        }
    }

    pub(crate) fn stmt(&mut self, s: &AStmt) -> PResult<Option<Stmt>> {
        Ok(Some(match &s.kind {
            StmtKind::Empty => return Ok(None),
            StmtKind::Const(specs) => {
                self.local_consts(specs)?;
                return Ok(None);
            }
            StmtKind::Var(specs) => self.var_stmt(specs)?,
            StmtKind::Expr(e) => self.expr_stmt(e)?,
            StmtKind::Assign { lhs, op, rhs } => {
                self.store_site = None;
                let st = match op {
                    AssignOp::Define => return Ok(Some(self.define(lhs, rhs, s.pos)?)),
                    AssignOp::Assign => self.assign(lhs, rhs, s.pos)?,
                    AssignOp::Op(bop) => self.op_assign(*bop, lhs, rhs, s.pos)?,
                };
                // `x /= y`, `x <<= y` of a variable fail at the operator,
                // on the variable's line (a newline after it ends the
                // statement).
                let fails = matches!(
                    op,
                    AssignOp::Op(
                        crate::ast::BinOp::Div
                            | crate::ast::BinOp::Rem
                            | crate::ast::BinOp::Shl
                            | crate::ast::BinOp::Shr
                    )
                );
                match self.stores_at(lhs, st) {
                    Stmt::At(e, st) => Stmt::At(e, st),
                    st if fails => self.stores_at_first(lhs, st),
                    st => st,
                }
            }
            StmtKind::IncDec { x, inc } => {
                self.store_site = None;
                let st = self.inc_dec(x, *inc, s.pos)?;
                self.stores_at(std::slice::from_ref(x), st)
            }
            StmtKind::Return(exprs) => self.return_stmt(exprs, s.pos)?,
            StmtKind::Break(label) | StmtKind::Continue(label) => {
                self.jump(matches!(s.kind, StmtKind::Break(_)), label.as_ref(), s.pos)?
            }
            StmtKind::Labeled { label, stmt } => self.labeled(&label.0, label.1, stmt)?,
            StmtKind::Goto((l, p)) => self.goto_stmt(l, *p)?,
            StmtKind::Fallthrough => return err(s.pos, "fallthrough statement out of place"),
            StmtKind::Switch {
                init, tag, clauses, ..
            } => self.switch_stmt(init.as_deref(), tag.as_ref(), clauses)?,
            StmtKind::Range {
                key,
                value,
                define,
                x,
                range_pos,
                body,
            } => self.range_stmt(key.as_ref(), value.as_ref(), *define, x, *range_pos, body)?,
            StmtKind::Block(b) => Stmt::Block(self.block(b)?),
            StmtKind::If {
                init,
                cond,
                then,
                els,
            } => self.scoped(|c| c.if_stmt(init.as_deref(), cond, then, els.as_deref()))?,
            StmtKind::For {
                init,
                cond,
                post,
                body,
            } => {
                self.scoped(|c| c.for_stmt(init.as_deref(), cond.as_ref(), post.as_deref(), body))?
            }
            StmtKind::Defer(e) => self.defer_stmt(e, s.pos)?,
            StmtKind::Go(e) => self.go_stmt(e)?,
            StmtKind::Send { ch, value } => {
                let st = self.send_stmt(ch, value)?;
                match crate::checker::expr::fault_entry(s.pos, crate::code::FaultSite::Send) {
                    0 => st,
                    e => Stmt::At(e, Box::new(st)),
                }
            }
            StmtKind::Select(clauses) => self.select_stmt(clauses, s.pos)?,
            StmtKind::Type(specs) => {
                for t in specs {
                    self.local_type(t)?;
                }
                return Ok(None);
            }
            StmtKind::TypeSwitch {
                init,
                bind,
                x,
                clauses,
                ..
            } => self.scoped(|c| c.type_switch(init.as_deref(), bind.as_ref(), x, clauses))?,
        }))
    }
    pub(crate) fn expr_stmt(&mut self, e: &AExpr) -> PResult<Stmt> {
        if let Some(s) = self.sort_stmt(e) {
            return s;
        }
        let inner = unparen(e);
        if let ExprKind::Unary(crate::ast::UnOp::Recv, ch) = &inner.kind {
            let (x, _) = self.recv_expr(ch)?;
            return Ok(Stmt::Expr(x));
        }
        let ExprKind::Call(f, _, _) = &inner.kind else {
            let (_, t) = self.expr(e)?;
            return err(e.pos, format!("{} ({}) is not used", show(e), t.describe()));
        };
        let (x, t) = self.expr(inner)?;
        if matches!(&x, Expr::Comp(c) if matches!(**c, crate::ir::CompExpr::Copy { .. } | crate::ir::CompExpr::SetGlobal { .. }))
        {
            return Ok(Stmt::Expr(x));
        }
        if let Expr::Call(c) = &x {
            if matches!(c.target, Target::Builtin(Builtin::Len)) {
                return err(
                    e.pos,
                    format!("{} (value of type int) is not used", show(e)),
                );
            }
            if matches!(
                c.target,
                Target::Builtin(Builtin::Go(crate::ir::GoBuiltin::Close))
            ) {
                // `close` can fail: gc shows its caller at the call.
                return Ok(Stmt::Expr(crate::checker::expr::at_line(x, inner.pos)));
            }
            return Ok(Stmt::Expr(x));
        }
        let _ = f;
        err(
            e.pos,
            format!("{} (value of type {}) is not used", show(e), t.describe()),
        )
    }
}

/// `minigo_result0, …, minigo_resultN-1 := one`: the names and the
/// defining statement that spill the `n` results of the multi-valued call
/// `one`, so that each can be converted on its own (a `return f()` or
/// `a, b = f()` whose targets are interfaces boxes every result).
fn spill_results(one: &AExpr, n: usize, pos: Pos) -> (Vec<AExpr>, AStmt) {
    let names: Vec<AExpr> = (0..n)
        .map(|i| AExpr {
            pos,
            kind: ExprKind::Ident(format!("minigo_result{i}").into()),
        })
        .collect();
    let define = AStmt {
        pos,
        kind: StmtKind::Assign {
            lhs: names.clone(),
            op: AssignOp::Define,
            rhs: vec![one.clone()],
        },
    };
    (names, define)
}
