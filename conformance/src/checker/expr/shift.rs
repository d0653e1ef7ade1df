//! Go's rule for a shift whose left operand is an untyped constant and
//! whose count is not constant (`1 << s`, `1<<s - 1`): the constant takes
//! the type the expression would have if the shift were replaced by its
//! left operand alone — the other operand's type, or the type of the
//! assignment, argument, return or conversion it stands in. The checker
//! first types such an expression `int` (the subset's untyped integer);
//! [`untyped_shift`] recognises it and [`retype`] gives it the context's
//! numeric kind once the context is known.

use super::num::{num_kind, represent_const};
use crate::ast::Expr as AExpr;
use crate::checker::err;
use crate::ir::{Arith, Expr, TypedExpr};
use crate::lexer::PResult;
use crate::types::num::{NumKind, NumOp};
use crate::types::table::IntKind;
use crate::types::Type;
use crate::value::Value;

const INT: NumKind = NumKind::Int(IntKind::Int);

/// Whether `e` (typed `int`) is an untyped constant expression made
/// non-constant by a shift count: its leaves are integer constants and
/// shift counts, and it has at least one shift.
pub(crate) fn untyped_shift(e: &Expr) -> bool {
    let mut shifted = false;
    leaves_untyped(e, &mut shifted) && shifted
}

fn leaves_untyped(e: &Expr, shifted: &mut bool) -> bool {
    match e {
        Expr::Const(Value::Int(_) | Value::Big(_)) => true,
        Expr::Neg(x) | Expr::At(_, x) => leaves_untyped(x, shifted),
        Expr::Arith(op, a, b) => {
            *op != Arith::Concat && leaves_untyped(a, shifted) && leaves_untyped(b, shifted)
        }
        Expr::Typed(t) => match &**t {
            TypedExpr::Num {
                op: NumOp::Shl | NumOp::Shr,
                kind: INT,
                a,
                ..
            } => {
                *shifted = true;
                leaves_untyped(a, shifted)
            }
            TypedExpr::Num {
                kind: INT, a, b, ..
            } => leaves_untyped(a, shifted) && leaves_untyped(b, shifted),
            TypedExpr::NumUnary { kind: INT, x, .. } => leaves_untyped(x, shifted),
            _ => false,
        },
        _ => false,
    }
}

/// `e` (an [`untyped_shift`]) as a value of the numeric type `to`; `at` is
/// the expression in the source, for messages.
pub(crate) fn retype(e: Expr, to: &Type, at: &AExpr) -> PResult<Expr> {
    let Some(k) = num_kind(to) else {
        return Ok(e);
    };
    if let NumKind::Float(_) = k {
        return err(
            at.pos,
            format!(
                "invalid operation: shifted operand {} (type {to}) must be integer",
                first_shifted(&e).unwrap_or_else(|| super::show(at))
            ),
        );
    }
    if k == INT {
        return Ok(e);
    }
    retype_kind(e, k, to, at)
}

/// The left operand of the first shift, as Go names it in its message.
fn first_shifted(e: &Expr) -> Option<String> {
    match e {
        Expr::Neg(x) | Expr::At(_, x) => first_shifted(x),
        Expr::Arith(_, a, b) => first_shifted(a).or_else(|| first_shifted(b)),
        Expr::Typed(t) => match &**t {
            TypedExpr::Num {
                op: NumOp::Shl | NumOp::Shr,
                a: Expr::Const(Value::Int(n)),
                ..
            } => Some(n.to_string()),
            TypedExpr::Num { a, b, .. } => first_shifted(a).or_else(|| first_shifted(b)),
            TypedExpr::NumUnary { x, .. } => first_shifted(x),
            _ => None,
        },
        _ => None,
    }
}

fn retype_kind(e: Expr, k: NumKind, to: &Type, at: &AExpr) -> PResult<Expr> {
    let num = |op, a, b| Expr::Typed(Box::new(TypedExpr::Num { op, kind: k, a, b }));
    Ok(match e {
        Expr::Const(v) => Expr::Const(represent_const(&v, k, to, at)?),
        Expr::At(line, x) => Expr::At(line, Box::new(retype_kind(*x, k, to, at)?)),
        Expr::Neg(x) => Expr::Typed(Box::new(TypedExpr::NumUnary {
            neg: true,
            kind: k,
            x: retype_kind(*x, k, to, at)?,
        })),
        Expr::Arith(op, a, b) => {
            let op = match op {
                Arith::Add | Arith::Concat => NumOp::Add,
                Arith::Sub => NumOp::Sub,
                Arith::Mul => NumOp::Mul,
                Arith::Div => NumOp::Div,
                Arith::Rem => NumOp::Rem,
            };
            num(op, retype_kind(*a, k, to, at)?, retype_kind(*b, k, to, at)?)
        }
        Expr::Typed(t) => match *t {
            TypedExpr::Num {
                op: op @ (NumOp::Shl | NumOp::Shr),
                a,
                b,
                ..
            } => num(op, retype_kind(a, k, to, at)?, b),
            TypedExpr::Num { op, a, b, .. } => {
                num(op, retype_kind(a, k, to, at)?, retype_kind(b, k, to, at)?)
            }
            TypedExpr::NumUnary { neg, x, .. } => Expr::Typed(Box::new(TypedExpr::NumUnary {
                neg,
                kind: k,
                x: retype_kind(x, k, to, at)?,
            })),
            other => Expr::Typed(Box::new(other)),
        },
        other => other,
    })
}
