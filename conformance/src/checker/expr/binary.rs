//! Binary operators: logical, equality, ordering, arithmetic.

use std::rc::Rc;

use super::{num_kind, show};
use crate::ast::{BinOp, Expr as AExpr};
use crate::checker::unsupported::{refuse, Construct};
use crate::checker::{err, Checker};
use crate::ir::{Arith, Cmp, Expr};
use crate::lexer::{PResult, Pos};
use crate::types::Type;
use crate::value::Value;

impl Checker {
    pub(crate) fn binary(
        &mut self,
        op: BinOp,
        a: &AExpr,
        b: &AExpr,
        pos: Pos,
    ) -> PResult<(Expr, Type)> {
        let (ae, at) = self.value(a)?;
        let (be, bt) = self.value(b)?;
        let big = super::num::is_big(&ae) || super::num::is_big(&be);
        let numeric = !at.is_interface()
            && !bt.is_interface()
            && (big || !super::num::plain_int(op, &at, &bt))
            && (num_kind(&at).is_some() || num_kind(&bt).is_some());
        if numeric {
            return self.num_binary(op, (a, b), (ae, at), (be, bt), pos);
        }
        if let Some(what) = bitwise(op) {
            return refuse(pos, what);
        }
        let x = Operands {
            a,
            b,
            at: &at,
            bt: &bt,
            op,
            pos,
        };
        match op {
            BinOp::AndAnd | BinOp::OrOr => logical(&x, ae, be),
            BinOp::Eq | BinOp::Ne => equality(&x, ae, be),
            BinOp::Lt | BinOp::Le | BinOp::Gt | BinOp::Ge => ordered(&x, ae, be),
            _ => self.arithmetic(&x, ae, be),
        }
    }

    fn arithmetic(&mut self, x: &Operands, ae: Expr, be: Expr) -> PResult<(Expr, Type)> {
        if x.at != x.bt {
            return err(x.pos, x.mismatched(true));
        }
        let e = arith(x.op, ae, be, x.at, x.pos, &x.whole())?;
        let e = match e {
            // A constant string: interned, like gc's static data.
            Expr::Arith(Arith::Concat, a, b) => match (*a, *b) {
                (Expr::Const(Value::Str(p)), Expr::Const(Value::Str(q))) => {
                    let s: Rc<[u8]> = [&*p, &*q].concat().into();
                    Expr::Const(Value::Str(self.intern(&s)))
                }
                (a, b) => Expr::Arith(Arith::Concat, Box::new(a), Box::new(b)),
            },
            e => e,
        };
        Ok((e, x.at.clone()))
    }
}

/// The operands of a binary expression being checked.
struct Operands<'a> {
    a: &'a AExpr,
    b: &'a AExpr,
    at: &'a Type,
    bt: &'a Type,
    op: BinOp,
    pos: Pos,
}

impl Operands<'_> {
    fn whole(&self) -> String {
        format!("{} {} {}", show(self.a), self.op.as_str(), show(self.b))
    }

    /// `invalid operation: a op b (mismatched types A and B)`.
    fn mismatched(&self, describe: bool) -> String {
        let (a, b) = if describe {
            (self.at.describe(), self.bt.describe())
        } else {
            (self.at.to_string(), self.bt.to_string())
        };
        format!(
            "invalid operation: {} (mismatched types {a} and {b})",
            self.whole()
        )
    }
}

/// The refusal for an operator minigo does not run yet.
fn bitwise(op: BinOp) -> Option<Construct> {
    match op {
        BinOp::And | BinOp::Or | BinOp::Xor | BinOp::AndNot | BinOp::Shl | BinOp::Shr => {
            Some(Construct::Bitwise(op.as_str()))
        }
        _ => None,
    }
}

fn logical(x: &Operands, ae: Expr, be: Expr) -> PResult<(Expr, Type)> {
    if *x.at != Type::Bool || *x.bt != Type::Bool {
        let bad = if *x.at != Type::Bool {
            (x.a, x.at)
        } else {
            (x.b, x.bt)
        };
        return err(
            x.pos,
            format!(
                "invalid operation: operator {} not defined on {} (value of type {})",
                x.op.as_str(),
                show(bad.0),
                bad.1.describe()
            ),
        );
    }
    if let (Expr::Const(Value::Bool(p)), Expr::Const(Value::Bool(q))) = (&ae, &be) {
        let r = if x.op == BinOp::AndAnd {
            *p && *q
        } else {
            *p || *q
        };
        return Ok((Expr::Const(Value::Bool(r)), Type::Bool));
    }
    let e = if x.op == BinOp::AndAnd {
        Expr::And(Box::new(ae), Box::new(be))
    } else {
        Expr::Or(Box::new(ae), Box::new(be))
    };
    Ok((e, Type::Bool))
}

fn equality(x: &Operands, ae: Expr, be: Expr) -> PResult<(Expr, Type)> {
    let neg = x.op == BinOp::Ne;
    match (x.at, x.bt) {
        (Type::Nil, Type::Nil) => err(
            x.pos,
            format!(
                "invalid operation: {} (operator {} not defined on nil)",
                x.whole(),
                x.op.as_str()
            ),
        ),
        (Type::Nil, t) | (t, Type::Nil) => {
            if matches!(t.underlying(), Type::Slice(_) | Type::Map(..)) {
                let v = if *x.at == Type::Nil { be } else { ae };
                let c = crate::ir::CompExpr::IsNil { x: v, neg };
                return Ok((Expr::Comp(Box::new(c)), Type::Bool));
            }
            if !(t.is_interface()
                || matches!(
                    t.underlying(),
                    Type::Func(_) | Type::Pointer(_) | Type::Chan(..)
                ))
            {
                return err(
                    x.pos,
                    format!(
                        "invalid operation: {} (mismatched types {} and untyped nil)",
                        x.whole(),
                        t.describe()
                    ),
                );
            }
            let v = if *x.at == Type::Nil { be } else { ae };
            Ok((Expr::IsNil(Box::new(v), neg), Type::Bool))
        }
        (at, bt) => {
            if !(at.assignable_to(bt) || bt.assignable_to(at)) {
                return err(x.pos, x.mismatched(false));
            }
            if matches!(at, Type::Func(_)) || matches!(bt, Type::Func(_)) {
                return err(
                    x.pos,
                    format!(
                        "invalid operation: {} (func can only be compared to nil)",
                        x.whole()
                    ),
                );
            }
            let c = if neg { Cmp::Ne } else { Cmp::Eq };
            if let Some(r) = fold_cmp(c, &ae, &be) {
                return Ok((Expr::Const(Value::Bool(r)), Type::Bool));
            }
            // Pointers to arrays compare the arrays' storage: a pointer
            // made from a slice (`(*[N]T)(s)`) is a view of its own.
            let (ae, be) = if is_array_ptr(at) && is_array_ptr(bt) {
                (array_identity(ae), array_identity(be))
            } else {
                (ae, be)
            };
            // A concrete operand compared with an interface is converted
            // to it first.
            let (ae, be) = match (at.is_interface(), bt.is_interface()) {
                (true, false) => (ae, super::typed::to_iface(be, bt)),
                (false, true) => (super::typed::to_iface(ae, at), be),
                _ => (ae, be),
            };
            Ok((Expr::Cmp(c, Box::new(ae), Box::new(be)), Type::Bool))
        }
    }
}

fn is_array_ptr(t: &Type) -> bool {
    matches!(t.underlying(), Type::Pointer(p) if matches!(p.underlying(), Type::Array(..)))
}

fn array_identity(x: Expr) -> Expr {
    Expr::Comp(Box::new(crate::ir::CompExpr::Convert {
        x,
        how: crate::ir::Conv::ArrayPtrIdentity,
    }))
}

fn ordered(x: &Operands, ae: Expr, be: Expr) -> PResult<(Expr, Type)> {
    if x.at != x.bt {
        return err(x.pos, x.mismatched(true));
    }
    if !matches!(x.at, Type::Int | Type::Str) {
        return err(
            x.pos,
            format!(
                "invalid operation: {} (operator {} not defined on {})",
                x.whole(),
                x.op.as_str(),
                x.at.describe()
            ),
        );
    }
    let c = match x.op {
        BinOp::Lt => Cmp::Lt,
        BinOp::Le => Cmp::Le,
        BinOp::Gt => Cmp::Gt,
        _ => Cmp::Ge,
    };
    if let Some(r) = fold_cmp(c, &ae, &be) {
        return Ok((Expr::Const(Value::Bool(r)), Type::Bool));
    }
    Ok((Expr::Cmp(c, Box::new(ae), Box::new(be)), Type::Bool))
}

/// A comparison of two constants (integers, strings, booleans), which is
/// a constant.
fn fold_cmp(c: Cmp, a: &Expr, b: &Expr) -> Option<bool> {
    use std::cmp::Ordering;
    let ord: Ordering = match (a, b) {
        (Expr::Const(Value::Int(x)), Expr::Const(Value::Int(y))) => x.cmp(y),
        (Expr::Const(Value::Str(x)), Expr::Const(Value::Str(y))) => x.cmp(y),
        (Expr::Const(Value::Bool(x)), Expr::Const(Value::Bool(y))) => x.cmp(y),
        _ => return None,
    };
    Some(match c {
        Cmp::Eq => ord.is_eq(),
        Cmp::Ne => ord.is_ne(),
        Cmp::Lt => ord.is_lt(),
        Cmp::Le => ord.is_le(),
        Cmp::Gt => ord.is_gt(),
        Cmp::Ge => ord.is_ge(),
    })
}
/// The operation `op` means on operands of type `t`, if it is defined.
fn arith_op(op: BinOp, t: &Type) -> Option<Arith> {
    Some(match (op, t) {
        (BinOp::Add, Type::Str) => Arith::Concat,
        (BinOp::Add, Type::Int) => Arith::Add,
        (BinOp::Sub, Type::Int) => Arith::Sub,
        (BinOp::Mul, Type::Int) => Arith::Mul,
        (BinOp::Div, Type::Int) => Arith::Div,
        (BinOp::Rem, Type::Int) => Arith::Rem,
        _ => return None,
    })
}

/// Go's compile error for `/` or `%` by a constant zero.
fn check_div_by_const_zero(o: Arith, rhs: &Expr, pos: Pos) -> PResult<()> {
    if matches!(o, Arith::Div | Arith::Rem) && matches!(rhs, Expr::Const(Value::Int(0))) {
        return err(pos, "invalid operation: division by zero");
    }
    Ok(())
}

/// Integer or string arithmetic, folding integer constants.
fn arith(op: BinOp, a: Expr, b: Expr, t: &Type, pos: Pos, whole: &str) -> PResult<Expr> {
    let Some(o) = arith_op(op, t) else {
        return err(
            pos,
            format!(
                "invalid operation: operator {} not defined on {whole} (value of type {})",
                op.as_str(),
                t.describe()
            ),
        );
    };
    check_div_by_const_zero(o, &b, pos)?;
    if let (Expr::Const(Value::Int(x)), Expr::Const(Value::Int(y))) = (&a, &b) {
        let r = match o {
            Arith::Add => x.checked_add(*y),
            Arith::Sub => x.checked_sub(*y),
            Arith::Mul => x.checked_mul(*y),
            Arith::Div => x.checked_div(*y),
            Arith::Rem => x.checked_rem(*y),
            Arith::Concat => None,
        };
        return match r {
            Some(v) => Ok(Expr::Const(Value::Int(v))),
            // Beyond int64: exact, as an untyped constant (the checker does
            // not tell typed `int` constants apart).
            None => super::num::fold_untyped_int(o, *x, *y, pos).map(Expr::Const),
        };
    }
    Ok(Expr::Arith(o, Box::new(a), Box::new(b)))
}

/// Checks an operator assignment `x op= y` for type `t`.
pub(crate) fn op_assign_arith(op: BinOp, t: &Type, rhs: &Expr, pos: Pos) -> PResult<Arith> {
    let Some(o) = arith_op(op, t) else {
        return err(
            pos,
            format!(
                "invalid operation: operator {} not defined on {}",
                op.as_str(),
                t.describe()
            ),
        );
    };
    check_div_by_const_zero(o, rhs, pos)?;
    Ok(o)
}
