//! `if`, `for`, `break`/`continue`, `return`, and Go's terminating
//! statements.

use super::super::expr::unparen;
use crate::ast::{Block, Expr as AExpr, ExprKind, Stmt as AStmt, StmtKind};
use crate::checker::{err, Checker};
use crate::ir::{Lhs, Stmt};
use crate::lexer::{PResult, Pos};
use crate::types::Type;

impl Checker {
    pub(crate) fn if_stmt(
        &mut self,
        init: Option<&AStmt>,
        cond: &AExpr,
        then: &Block,
        els: Option<&AStmt>,
    ) -> PResult<Stmt> {
        let init = match init {
            Some(s) => self.stmt(s)?.map(Box::new),
            None => None,
        };
        let (c, t) = self.value(cond)?;
        if t != Type::Bool {
            return err(cond.pos, "non-boolean condition in if statement");
        }
        let then = self.block(then)?;
        let els = match els {
            Some(s) => self.stmt(s)?.into_iter().collect(),
            None => Vec::new(),
        };
        Ok(Stmt::If {
            init,
            cond: c,
            then,
            els,
        })
    }

    pub(crate) fn for_stmt(
        &mut self,
        init: Option<&AStmt>,
        cond: Option<&AExpr>,
        post: Option<&AStmt>,
        body: &Block,
    ) -> PResult<Stmt> {
        let init = match init {
            Some(s) => self.stmt(s)?.map(Box::new),
            None => None,
        };
        // Below go1.22 the init statement's variables are the loop's own.
        let per_iter = match init.as_deref() {
            _ if !self.per_iteration_vars(body.end) => Vec::new(),
            Some(Stmt::Assign { lhs, .. }) => lhs
                .iter()
                .filter_map(|l| match l {
                    Lhs::Declare(s) => Some(*s),
                    _ => None,
                })
                .collect(),
            _ => Vec::new(),
        };
        let cond = match cond {
            Some(c) => {
                let (e, t) = self.value(c)?;
                if t != Type::Bool {
                    return err(c.pos, "non-boolean condition in for statement");
                }
                Some(e)
            }
            None => None,
        };
        let post = match post {
            Some(s) => self.stmt(s)?.map(Box::new),
            None => None,
        };
        let (mut body, end, cont) = self.breakable(true, |c| c.block(body))?;
        if let Some(cont) = cont {
            body.push(crate::checker::flow::label(cont));
        }
        let lp = Stmt::For {
            init,
            cond,
            post,
            body,
            per_iter,
        };
        Ok(match end {
            Some(end) => Stmt::Block(vec![lp, crate::checker::flow::label(end)]),
            None => lp,
        })
    }

    pub(crate) fn break_continue(&mut self, brk: bool, pos: Pos) -> PResult<Stmt> {
        if self.fns.last().map_or(0, |f| f.loops) == 0 {
            let m = if brk {
                "break is not in a loop, switch, or select"
            } else {
                "continue is not in a loop"
            };
            return err(pos, m);
        }
        Ok(if brk { Stmt::Break } else { Stmt::Continue })
    }

    pub(crate) fn return_stmt(&mut self, exprs: &[AExpr], pos: Pos) -> PResult<Stmt> {
        if self.range_body().is_some() {
            return self.range_return(exprs, pos);
        }
        let Some(f) = self.fns.last_mut() else {
            return err(pos, "return outside function");
        };
        f.returns += 1;
        let results = f.results.clone();
        let named = f.named_results;
        if exprs.is_empty() {
            if !results.is_empty() && !named {
                return err(pos, "not enough return values\n\thave ()");
            }
            return Ok(Stmt::Return(None, own_line(pos)));
        }
        if results.is_empty() {
            return err(exprs[0].pos, "too many return values");
        }
        if let Some(s) = self.return_converted(&results, exprs, pos, true)? {
            return Ok(s);
        }
        let rhs = self.rhs_for(&results, exprs, pos, "return statement")?;
        Ok(Stmt::Return(Some(rhs), own_line(pos)))
    }

    /// `return f()` where some of `f`'s results become interface values
    /// of the function's result types (`return os.Open(p)` from a function
    /// returning `(io.Closer, error)`): checked as `{ r0, r1 := f();
    /// return r0, r1 }`, so each result is converted as a single value
    /// is; `None` when no result needs it. `counted`: the statement was
    /// counted among the function's returns (not in a range-over-func
    /// body), and the inner one will be again.
    pub(crate) fn return_converted(
        &mut self,
        results: &[Type],
        exprs: &[AExpr],
        pos: Pos,
        counted: bool,
    ) -> PResult<Option<Stmt>> {
        let [one] = exprs else { return Ok(None) };
        if results.len() < 2 || !matches!(unparen(one).kind, ExprKind::Call(..)) {
            return Ok(None);
        }
        let Ok((_, Type::Tuple(ts))) = self.expr(one) else {
            return Ok(None);
        };
        let boxes = ts.len() == results.len()
            && ts
                .iter()
                .zip(results)
                .any(|(have, want)| want.is_interface() && have != want);
        if !boxes {
            return Ok(None);
        }
        let (names, define) = super::spill_results(one, ts.len(), pos);
        let ret = AStmt {
            pos,
            kind: StmtKind::Return(names),
        };
        // The inner `return` counts itself.
        if let Some(f) = self.fns.last_mut().filter(|_| counted) {
            f.returns -= 1;
        }
        let block = Block {
            stmts: vec![define, ret],
            end: pos,
        };
        Ok(Some(Stmt::Block(self.block(&block)?)))
    }
}

/// Go's terminating statements (spec §Terminating statements), for
/// "missing return".
pub(crate) fn terminates_block(stmts: &[AStmt]) -> bool {
    stmts
        .iter()
        .rev()
        .find(|s| !matches!(s.kind, StmtKind::Empty))
        .is_some_and(terminates)
}

fn terminates(s: &AStmt) -> bool {
    terminates_labeled(s, None)
}

/// Go's terminating statements; `label` labels `s`.
fn terminates_labeled(s: &AStmt, label: Option<&str>) -> bool {
    match &s.kind {
        StmtKind::Return(_) | StmtKind::Goto(_) => true,
        StmtKind::Expr(e) => matches!(&unparen(e).kind,
            ExprKind::Call(f, _, _) if matches!(&f.kind, ExprKind::Ident(n) if &**n == "panic")),
        StmtKind::Block(b) => terminates_block(&b.stmts),
        StmtKind::If {
            then, els: Some(e), ..
        } => terminates_block(&then.stmts) && terminates(e),
        StmtKind::For {
            cond: None, body, ..
        } => !has_break(&body.stmts, label, true),
        StmtKind::Labeled { label, stmt } => terminates_labeled(stmt, Some(&label.0)),
        StmtKind::Switch { clauses, .. } => {
            clauses.iter().any(|c| c.exprs.is_none())
                && clauses.iter().all(|c| {
                    !has_break(&c.body, label, true)
                        && c.body
                            .iter()
                            .rev()
                            .find(|s| !matches!(s.kind, StmtKind::Empty))
                            .is_some_and(|s| {
                                matches!(s.kind, StmtKind::Fallthrough) || terminates(s)
                            })
                })
        }
        StmtKind::TypeSwitch { clauses, .. } => {
            clauses.iter().any(|c| c.types.is_none())
                && clauses
                    .iter()
                    .all(|c| !has_break(&c.body, label, true) && terminates_block(&c.body))
        }
        // Go's rule: no `break` to the select, every clause terminating.
        StmtKind::Select(clauses) => clauses
            .iter()
            .all(|c| terminates_block(&c.body) && !has_break(&c.body, label, true)),
        _ => false,
    }
}

/// Whether a `break` in `stmts` targets the enclosing statement labeled
/// `label` (`here`: an unlabeled break at this level does too).
fn has_break(stmts: &[AStmt], label: Option<&str>, here: bool) -> bool {
    stmts.iter().any(|s| breaks(s, label, here))
}

fn breaks(s: &AStmt, label: Option<&str>, here: bool) -> bool {
    match &s.kind {
        StmtKind::Break(None) => here,
        StmtKind::Break(Some((l, _))) => label == Some(&**l),
        StmtKind::Block(b) => has_break(&b.stmts, label, here),
        StmtKind::If { then, els, .. } => {
            has_break(&then.stmts, label, here)
                || els.as_deref().is_some_and(|e| breaks(e, label, here))
        }
        StmtKind::Labeled { stmt, .. } => breaks(stmt, label, here),
        StmtKind::For { body, .. } | StmtKind::Range { body, .. } => {
            has_break(&body.stmts, label, false)
        }
        StmtKind::Switch { clauses, .. } => {
            clauses.iter().any(|c| has_break(&c.body, label, false))
        }
        StmtKind::TypeSwitch { clauses, .. } => {
            clauses.iter().any(|c| has_break(&c.body, label, false))
        }
        StmtKind::Select(clauses) => clauses.iter().any(|c| has_break(&c.body, label, false)),
        _ => false,
    }
}

/// The line of a statement of the program's source (0 in minigo's own
/// Go, whose lines are no program's: `runtime.Caller`).
pub(crate) fn own_line(pos: Pos) -> u32 {
    if pos.line < crate::parser::SNIPPET_LINE {
        pos.line
    } else {
        0
    }
}
