//! `defer` statements.

use crate::ast::{Expr as AExpr, ExprKind};
use crate::checker::expr::show;
use crate::checker::{err, Checker};
use crate::ir::{Args, Builtin, Call, CompExpr, Expr, PkgFn, Stmt, Target};
use crate::lexer::{PResult, Pos};

impl Checker {
    pub(crate) fn defer_stmt(&mut self, e: &AExpr, pos: Pos) -> PResult<Stmt> {
        if matches!(e.kind, ExprKind::Paren(_)) {
            return err(e.pos, "expression in defer must not be parenthesized");
        }
        if !matches!(e.kind, ExprKind::Call(..)) {
            return err(e.pos, "expression in defer must be function call");
        }
        self.deferred_call = true;
        let (x, _) = self.expr(e)?;
        refuse_deep_copy(&x, e.pos)?;
        let Expr::Call(call) = builtin_as_call(x) else {
            return err(e.pos, "defer requires function call, not conversion");
        };
        if matches!(call.target, Target::Builtin(Builtin::Len)) {
            return err(e.pos, format!("defer discards result of {}", show(e)));
        }
        walks_stack_refused(&call.target, e.pos, "deferred")?;
        // `fmt` calls its operands' Error/String methods when it runs.
        let call = Box::new(self.late_show(*call));
        if self.range_body().is_some() {
            return self.range_defer(*call, pos);
        }
        let Some(f) = self.fns.last_mut() else {
            return err(pos, "defer outside function");
        };
        let site = f.defers;
        f.defers += 1;
        f.defer_pos.push(pos);
        f.site_in_loop.push(f.loops > 0);
        if f.loops > 0 && f.defer_in_loop.is_none() {
            f.defer_in_loop = Some(pos);
        }
        Ok(Stmt::Defer { call: *call, site })
    }
}

/// `defer`/`go` of `copy` on elements holding arrays (their copies need
/// the element's copy shape, which the deferred builtin does not carry):
/// refused.
pub(crate) fn refuse_deep_copy(x: &Expr, pos: crate::lexer::Pos) -> crate::lexer::PResult<()> {
    match x {
        Expr::Comp(c) if matches!(&**c, CompExpr::Copy { shape, .. } if **shape != [0]) => {
            Err(crate::lexer::SyntaxError::unsupported(
                pos,
                "deferred or go'd copy of elements holding arrays",
            ))
        }
        _ => Ok(()),
    }
}

/// A builtin that a statement may call but that the checker lowers to an
/// expression (`copy`), as a call that `defer` and `go` can register: its
/// arguments are evaluated now, the copy runs later.
pub(crate) fn builtin_as_call(x: Expr) -> Expr {
    match x {
        Expr::Comp(c) => match *c {
            CompExpr::Copy { dst, src, shape } if *shape == [0] => Expr::Call(Box::new(Call {
                line: 0,
                target: Target::Builtin(Builtin::Pkg(PkgFn::Copy)),
                args: Args::List(vec![dst, src]),
            })),
            other => Expr::Comp(Box::new(other)),
        },
        other => other,
    }
}

/// `defer runtime.Caller(0)` and `go runtime.Callers(..)`: the machine
/// runs these walks only where a call statement is (vm/go/caller.rs).
pub(crate) fn walks_stack_refused(target: &Target, pos: Pos, how: &str) -> PResult<()> {
    match target {
        Target::Builtin(Builtin::Go(g)) if g.walks_stack() => err(
            pos,
            format!(
                "{how} calls of runtime.Caller, Callers and FuncForPC are not supported by minigo"
            ),
        ),
        _ => Ok(()),
    }
}
