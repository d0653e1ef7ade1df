//! `select` statements and `for range` over a channel.

use crate::ast::{
    AssignOp, Block, CommClause, Expr as AExpr, ExprKind, Stmt as AStmt, StmtKind, UnOp,
};
use crate::checker::expr::{operand, show, unparen};
use crate::checker::flow::label;
use crate::checker::{err, zero, Checker};
use crate::ir::{Expr, GoStmt, Lhs, SelectCase, SelectComm, Stmt};
use crate::lexer::{PResult, Pos};
use crate::types::Type;

impl Checker {
    /// `select { clauses }`: `break` in a clause leaves the select (a jump to
    /// its end).
    pub(crate) fn select_stmt(&mut self, clauses: &[CommClause], pos: Pos) -> PResult<Stmt> {
        let (sel, end, _) = self.breakable(false, |c| c.select_clauses(clauses, pos))?;
        Ok(match end {
            Some(end) => Stmt::Block(vec![sel, label(end)]),
            None => sel,
        })
    }

    fn select_clauses(&mut self, clauses: &[CommClause], pos: Pos) -> PResult<Stmt> {
        let mut cases = Vec::new();
        let mut default = None;
        for cl in clauses {
            match &cl.comm {
                None => {
                    if default.is_some() {
                        return err(cl.pos, "multiple defaults in select");
                    }
                    default = Some(self.scoped(|c| c.select_body(&cl.body))?);
                }
                Some(st) => cases.push(self.scoped(|c| c.select_case(st, &cl.body))?),
            }
        }
        // gc makes a select of one send a plain send (with `default`, a
        // non-blocking one): a closed channel fails in `chansend1`
        // (`selectnbsend`) at the case; any other select in `selectgo`, at
        // `select`.
        let comms: Vec<&CommClause> = clauses.iter().filter(|c| c.comm.is_some()).collect();
        let (site, line_at) = match comms.as_slice() {
            [one] if cases.len() == 1 && matches!(cases[0].comm, SelectComm::Send(_)) => {
                let site = if default.is_some() {
                    crate::code::FaultSite::SelectNbSend
                } else {
                    crate::code::FaultSite::Send
                };
                (site, one.comm.as_ref().map_or(pos, |s| s.pos))
            }
            _ => (crate::code::FaultSite::SelectGo, pos),
        };
        let at = crate::checker::expr::fault_entry(line_at, site);
        Ok(Stmt::Go(GoStmt::Select { cases, default, at }))
    }

    /// A clause's statements, in its own scope.
    fn select_body(&mut self, body: &[AStmt]) -> PResult<Vec<Stmt>> {
        self.block_stmts(body)
    }

    fn select_case(&mut self, st: &AStmt, body: &[AStmt]) -> PResult<SelectCase> {
        let bad = || err(st.pos, "select case must be receive, send or assign recv");
        let (ch, comm) = match &st.kind {
            StmtKind::Send { ch, value } => {
                let (x, elem) = self.chan_operand_for(ch, "send to")?;
                (x, SelectComm::Send(self.value_as(value, &elem, "send")?))
            }
            StmtKind::Expr(e) => {
                let ExprKind::Unary(UnOp::Recv, ch) = &unparen(e).kind else {
                    return bad();
                };
                let (x, elem) = self.chan_operand_for(ch, "receive from")?;
                let zero = zero(&elem);
                (
                    x,
                    SelectComm::Recv {
                        value: Lhs::Blank,
                        ok: Lhs::Blank,
                        zero,
                    },
                )
            }
            StmtKind::Assign { lhs, op, rhs } => {
                let ([r], 1..=2) = (rhs.as_slice(), lhs.len()) else {
                    return bad();
                };
                let ExprKind::Unary(UnOp::Recv, ch) = &unparen(r).kind else {
                    return bad();
                };
                let (x, elem) = self.chan_operand_for(ch, "receive from")?;
                let define = match op {
                    AssignOp::Define => true,
                    AssignOp::Assign => false,
                    AssignOp::Op(_) => return bad(),
                };
                let types = [(*elem).clone(), Type::Bool];
                let mut targets = Vec::new();
                for (l, t) in lhs.iter().zip(types) {
                    targets.push(self.recv_target(l, t, define, r)?);
                }
                if define && targets.iter().all(|t| matches!(t, Lhs::Blank)) {
                    return err(st.pos, "no new variables on left side of :=");
                }
                let ok = targets.get(1).copied().unwrap_or(Lhs::Blank);
                let zero = zero(&elem);
                (
                    x,
                    SelectComm::Recv {
                        value: targets[0],
                        ok,
                        zero,
                    },
                )
            }
            _ => return bad(),
        };
        let body = self.select_body(body)?;
        Ok(SelectCase { ch, comm, body })
    }

    /// A target of a received value (`:=`: a new variable of the clause).
    fn recv_target(&mut self, l: &AExpr, t: Type, define: bool, r: &AExpr) -> PResult<Lhs> {
        if matches!(&l.kind, ExprKind::Ident(n) if &**n == "_") {
            return Ok(Lhs::Blank);
        }
        if define {
            let ExprKind::Ident(n) = &l.kind else {
                return err(l.pos, format!("non-name {} on left side of :=", show(l)));
            };
            let slot = self.new_slot();
            self.bind_local(n, l.pos, slot, t, false)?;
            return Ok(Lhs::Declare(slot));
        }
        let (v, want) = self.target_var(l)?;
        if !t.assignable_to(&want) {
            return err(
                r.pos,
                format!(
                    "cannot use {} (value of type {t}) as {want} value in assignment",
                    show(r)
                ),
            );
        }
        Ok(Lhs::Set(v))
    }

    /// `for [v :=] range ch` (the operand checked: `ch`, of type `t`), in
    /// the range statement's scope.
    pub(crate) fn range_chan(
        &mut self,
        ch: Expr,
        t: &Type,
        (key, value): (Option<&AExpr>, Option<&AExpr>),
        define: bool,
        x: &AExpr,
        body: &Block,
    ) -> PResult<Stmt> {
        let Type::Chan(dir, elem) = &t.underlying() else {
            return err(
                x.pos,
                "internal error: range over a channel that is not one",
            );
        };
        if *dir == crate::ast::ChanDir::Send {
            return err(
                x.pos,
                format!(
                    "invalid operation: range {}: receive from send-only channel",
                    operand(x, &ch, t)
                ),
            );
        }
        if let Some(v) = value {
            return err(
                v.pos,
                format!(
                    "range over {} permits only one iteration variable",
                    operand(x, &ch, t)
                ),
            );
        }
        let target = match key {
            None => Lhs::Blank,
            Some(k) => self.recv_target(k, (**elem).clone(), define, x)?,
        };
        // Go 1.22: a variable per iteration; before, one per loop,
        // declared before it and assigned by each receive.
        let mut shared = None;
        let (target, per_iter) = match target {
            Lhs::Declare(s) if self.per_iteration_vars(body.end) => (target, vec![s]),
            Lhs::Declare(s) => {
                let e = (**elem).clone();
                let z = crate::checker::composite::fresh(Expr::Const(crate::checker::zero(&e)), &e);
                shared = Some(Stmt::Assign {
                    lhs: vec![Lhs::Declare(s)],
                    rhs: crate::ir::Rhs::List(vec![z]),
                });
                (Lhs::Set(crate::ir::Var::Local(s)), Vec::new())
            }
            _ => (target, Vec::new()),
        };
        let (mut body, end, cont) = self.breakable(true, |c| c.block(body))?;
        if let Some(cont) = cont {
            body.push(label(cont));
        }
        let lp = Stmt::Go(GoStmt::RangeChan {
            ch,
            value: target,
            per_iter,
            body,
        });
        let mut out: Vec<Stmt> = shared.into_iter().collect();
        out.push(lp);
        out.extend(end.map(label));
        Ok(if out.len() == 1 {
            out.pop().unwrap_or(Stmt::Block(Vec::new()))
        } else {
            Stmt::Block(out)
        })
    }
}
