//! Unary operators.

use std::rc::Rc;

use super::show;
use crate::ast::{Expr as AExpr, UnOp};
use crate::checker::unsupported::{refuse, Construct};
use crate::checker::{err, Checker};
use crate::ir::Expr;
use crate::lexer::{PResult, Pos};
use crate::types::Type;
use crate::value::Value;

impl Checker {
    pub(crate) fn unary(&mut self, op: UnOp, x: &AExpr, pos: Pos) -> PResult<(Expr, Type)> {
        match op {
            UnOp::Addr => return self.addr_of(x, pos),
            UnOp::Deref => {
                let (e, t) = self.deref(x, pos)?;
                return Ok((super::at_line(e, pos), t));
            }
            UnOp::Recv => return self.recv_expr(x),
            _ => {}
        }
        let (xe, t) = self.value(x)?;
        let big = super::num::is_big(&xe);
        if op == UnOp::Xor || big || (t != Type::Int && super::num_kind(&t).is_some()) {
            if let Some(r) = self.num_unary(op, (xe, t), x, pos)? {
                return Ok(r);
            }
            return refuse(pos, Construct::Bitwise("^"));
        }
        match (op, &t) {
            (UnOp::Not, Type::Bool) => match xe {
                Expr::Const(Value::Bool(b)) => Ok((Expr::Const(Value::Bool(!b)), t)),
                xe => Ok((Expr::Not(Box::new(xe)), t)),
            },
            (UnOp::Plus, Type::Int) => Ok((xe, t)),
            (UnOp::Neg, Type::Int) => match xe {
                Expr::Const(Value::Int(n)) => match n.checked_neg() {
                    Some(m) => Ok((Expr::Const(Value::Int(m)), t)),
                    // -MinInt64: exact, as an untyped constant.
                    None => Ok((
                        Expr::Const(Value::Big(Rc::new(-num_bigint::BigInt::from(n)))),
                        t,
                    )),
                },
                xe => Ok((Expr::Neg(Box::new(xe)), t)),
            },
            _ => {
                let o = op.as_str();
                err(
                    pos,
                    format!(
                        "invalid operation: operator {o} not defined on {} (value of type {})",
                        show(x),
                        t.describe()
                    ),
                )
            }
        }
    }
}
