//! `go` statements: like `defer`, a call whose function value and
//! arguments are evaluated at the statement.

use crate::ast::{Expr as AExpr, ExprKind};
use crate::checker::expr::show;
use crate::checker::{err, Checker};
use crate::ir::{Builtin, Expr, Stmt, Target};
use crate::lexer::PResult;

impl Checker {
    pub(crate) fn go_stmt(&mut self, e: &AExpr) -> PResult<Stmt> {
        if matches!(e.kind, ExprKind::Paren(_)) {
            return err(e.pos, "expression in go must not be parenthesized");
        }
        if !matches!(e.kind, ExprKind::Call(..)) {
            return err(e.pos, "expression in go must be function call");
        }
        self.deferred_call = true;
        let (x, t) = self.expr(e)?;
        crate::checker::stmt::defer::refuse_deep_copy(&x, e.pos)?;
        let Expr::Call(call) = crate::checker::stmt::defer::builtin_as_call(x) else {
            return err(
                e.pos,
                format!("go requires function call, not conversion {}", show(e)),
            );
        };
        crate::checker::stmt::defer::walks_stack_refused(&call.target, e.pos, "go")?;
        if matches!(call.target, Target::Builtin(Builtin::Len)) {
            return err(
                e.pos,
                format!(
                    "go discards result of {} (value of type {})",
                    show(e),
                    t.describe()
                ),
            );
        }
        // `fmt`'s Error/String calls run in the new goroutine.
        let call = self.late_show(*call);
        Ok(Stmt::Go(crate::ir::GoStmt::Spawn(call)))
    }
}
