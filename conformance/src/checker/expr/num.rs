//! Numbers of every kind: integer types of every size (with wraparound),
//! `float32`/`float64`, bitwise operators and shifts, conversions between
//! numeric types; untyped constants take the kind of the other operand.

use std::rc::Rc;

use super::show;
use crate::ast::{BinOp, Expr as AExpr, UnOp};
use crate::checker::{err, Checker};
use crate::ir::{Cmp, Expr, TypedExpr};
use crate::lexer::{PResult, Pos};
use crate::types::num::{self, NumErr, NumKind, NumOp};
use crate::types::table::IntKind;
use crate::types::Type;
use crate::types::{exact, exact_int};
use crate::value::Value;
use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive};

/// The numeric kind of a type (through a declared type).
pub(crate) fn num_kind(t: &Type) -> Option<NumKind> {
    match t.underlying() {
        Type::Int => Some(NumKind::Int(IntKind::Int)),
        Type::IntK(k) => Some(NumKind::Int(k)),
        Type::Float(b) => Some(NumKind::Float(b)),
        Type::Complex(b) => Some(NumKind::Complex(b)),
        _ => None,
    }
}

fn typed(t: TypedExpr) -> Expr {
    Expr::Typed(Box::new(t))
}

pub(crate) fn num_op(op: BinOp) -> Option<NumOp> {
    Some(match op {
        BinOp::Add => NumOp::Add,
        BinOp::Sub => NumOp::Sub,
        BinOp::Mul => NumOp::Mul,
        BinOp::Div => NumOp::Div,
        BinOp::Rem => NumOp::Rem,
        BinOp::And => NumOp::And,
        BinOp::Or => NumOp::Or,
        BinOp::Xor => NumOp::Xor,
        BinOp::AndNot => NumOp::AndNot,
        BinOp::Shl => NumOp::Shl,
        BinOp::Shr => NumOp::Shr,
        _ => return None,
    })
}

fn cmp_op(op: BinOp) -> Option<Cmp> {
    Some(match op {
        BinOp::Eq => Cmp::Eq,
        BinOp::Ne => Cmp::Ne,
        BinOp::Lt => Cmp::Lt,
        BinOp::Le => Cmp::Le,
        BinOp::Gt => Cmp::Gt,
        BinOp::Ge => Cmp::Ge,
        _ => return None,
    })
}

/// Whether the subset's own int arithmetic handles `a op b` (plain `int`,
/// no bitwise operator): then this module leaves it alone.
pub(crate) fn plain_int(op: BinOp, at: &Type, bt: &Type) -> bool {
    let bitwise = matches!(
        op,
        BinOp::And | BinOp::Or | BinOp::Xor | BinOp::AndNot | BinOp::Shl | BinOp::Shr
    );
    !bitwise && !is_num_other(at) && !is_num_other(bt)
}

/// A numeric type other than the subset's plain `int`.
fn is_num_other(t: &Type) -> bool {
    !matches!(t, Type::Int) && num_kind(t).is_some()
}

/// A constant expression's value as a number.
fn const_num(e: &Expr) -> Option<Value> {
    match e {
        Expr::Const(
            v @ (Value::Int(_)
            | Value::Float(_)
            | Value::Big(_)
            | Value::Rat(_)
            | Value::Complex(..)
            | Value::CRat(_)),
        ) => Some(v.clone()),
        _ => None,
    }
}

/// Whether `e` is an untyped integer constant beyond `int64`.
pub(crate) fn is_big(e: &Expr) -> bool {
    matches!(e, Expr::Const(Value::Big(_)))
}

/// An integer constant, exactly.
fn big_of(v: &Value) -> Option<BigInt> {
    match v {
        Value::Int(n) => Some(BigInt::from(*n)),
        Value::Big(n) => Some((**n).clone()),
        _ => None,
    }
}

/// An exact integer constant as the checker keeps it: an `Int` when it
/// fits `int64`, else a `Big`.
pub(crate) fn norm(n: BigInt) -> Value {
    match n.to_i64() {
        Some(m) => Value::Int(m),
        None => Value::Big(Rc::new(n)),
    }
}

/// `a op b` on two `int64` untyped integer constants whose result does
/// not fit `int64`: exactly.
pub(crate) fn fold_untyped_int(op: crate::ir::Arith, a: i64, b: i64, pos: Pos) -> PResult<Value> {
    use crate::ir::Arith;
    let nop = match op {
        Arith::Add | Arith::Concat => NumOp::Add,
        Arith::Sub => NumOp::Sub,
        Arith::Mul => NumOp::Mul,
        Arith::Div => NumOp::Div,
        Arith::Rem => NumOp::Rem,
    };
    fold_untyped(nop, &BigInt::from(a), &BigInt::from(b), pos)
}

/// `a op b` on untyped integer constants, exactly, or Go's error at `pos`.
fn fold_untyped(op: NumOp, a: &BigInt, b: &BigInt, pos: Pos) -> PResult<Value> {
    exact_int::fold(op, a, b)
        .map(norm)
        .or_else(|e| err(pos, e.message()))
}

/// An untyped constant `v` as a value of kind `k` (Go's representability
/// check).
/// `v` (an untyped constant written as `at`) as a value of `t` (kind `k`).
pub(crate) fn represent_const(v: &Value, k: NumKind, t: &Type, at: &AExpr) -> PResult<Value> {
    represent(v, k, t, at.pos, &show(at))
}

/// The untyped constant `v` (written `what`) as a value of kind `k` (type
/// `t`), or Go's error.
pub(crate) fn represent(v: &Value, k: NumKind, t: &Type, pos: Pos, what: &str) -> PResult<Value> {
    if let Some(r) = super::complex::represent(v, k, t, pos, what) {
        return r;
    }
    if let Value::Rat(r) = v {
        let shown = exact::show(r);
        return match k {
            NumKind::Float(b) => {
                let f = if b == 32 { exact::to_f32(r) } else { exact::to_f64(r) };
                match f {
                    Some(f) => Ok(Value::Float(f)),
                    None => err(pos, format!("cannot use {what} (untyped float constant {shown}) as {t} value in expression (overflows)")),
                }
            }
            // Go calls a whole float beyond the type "truncated" too.
            NumKind::Int(ik) => match exact::to_int(r) {
                Some(n) if (ik.range().0..=ik.range().1).contains(&n) => {
                    represent(&norm(BigInt::from(n)), k, t, pos, what)
                }
                _ => err(pos, format!("cannot use {what} (untyped float constant {shown}) as {t} value in expression (truncated)")),
            },
            // (complex::represent took the complex kinds.)
            NumKind::Complex(_) => err(pos, "internal error: complex kind"),
        };
    }
    if let Value::Big(n) = v {
        return represent_big(n, k, t, pos, what);
    }
    match (v, k) {
        (Value::Int(n), NumKind::Int(ik)) => {
            let (lo, hi) = ik.range();
            if i128::from(*n) < lo || i128::from(*n) > hi {
                return err(pos, format!("cannot use {what} (untyped int constant {n}) as {t} value in expression (overflows)"));
            }
            Ok(Value::Int(num::wrap(ik, *n)))
        }
        (Value::Int(n), NumKind::Float(b)) => Ok(Value::Float(num::round(b, *n as f64))),
        (Value::Float(x), NumKind::Float(b)) => Ok(Value::Float(num::round(b, *x))),
        (Value::Float(x), NumKind::Int(ik)) if x.fract() == 0.0 => {
            represent(&Value::Int(*x as i64), NumKind::Int(ik), t, pos, what)
        }
        _ => err(
            pos,
            format!(
                "cannot use {what} (untyped float constant) as {t} value in expression (truncated)"
            ),
        ),
    }
}

/// Go's error for an operation on typed integer constants whose exact
/// result does not fit their type (typed constants do not wrap). An
/// unsigned 64-bit constant above `int64`'s range is kept wrapped in an
/// `i64`: its value is that plus 2^64.
fn typed_overflow(
    op: NumOp,
    ik: IntKind,
    (x, y): (&Value, &Value),
    t: &Type,
    (whole, pos): (&str, Pos),
) -> PResult<()> {
    let (Some(p), Some(q)) = (big_of(x), big_of(y)) else {
        return Ok(());
    };
    let (lo, hi) = ik.range();
    let unsigned = |v: BigInt| {
        if lo == 0 && v.is_negative() {
            v + (BigInt::from(1) << 64)
        } else {
            v
        }
    };
    let q = if matches!(op, NumOp::Shl | NumOp::Shr) {
        q
    } else {
        unsigned(q)
    };
    match exact_int::fold(op, &unsigned(p), &q) {
        Ok(n) if n < BigInt::from(lo) || n > BigInt::from(hi) => err(
            pos,
            format!("{whole} (constant {n} of type {t}) overflows {t}"),
        ),
        _ => Ok(()),
    }
}

/// An untyped integer constant beyond `int64` as a value of kind `k`.
fn represent_big(n: &BigInt, k: NumKind, t: &Type, pos: Pos, what: &str) -> PResult<Value> {
    match k {
        NumKind::Complex(_) => {
            let r = Value::Rat(Rc::new(exact_int::to_rat(n)));
            represent(&r, k, t, pos, what)
        }
        NumKind::Int(ik) => {
            let (lo, hi) = ik.range();
            match n.to_i128().filter(|n| (lo..=hi).contains(n)) {
                Some(m) => Ok(Value::Int(num::wrap(ik, m as i64))),
                None => err(pos, format!("cannot use {what} (untyped int constant {n}) as {t} value in expression (overflows)")),
            }
        }
        NumKind::Float(b) => {
            let r = exact_int::to_rat(n);
            let f = if b == 32 {
                exact::to_f32(&r)
            } else {
                exact::to_f64(&r)
            };
            match f {
                Some(f) => Ok(Value::Float(f)),
                None => err(pos, format!("cannot use {what} (untyped int constant {n}) as {t} value in expression (overflows)")),
            }
        }
    }
}

/// Go's error for an untyped integer constant beyond `int64` that an
/// operation with a non-constant `int` operand makes an `int`.
fn big_beside_value((a, ae): (&AExpr, &Expr), (b, be): (&AExpr, &Expr), t: &Type) -> PResult<()> {
    if *t != Type::Int {
        return Ok(());
    }
    for ((x, xe), other) in [((a, ae), be), ((b, be), ae)] {
        if let (Expr::Const(Value::Big(n)), false) = (xe, ae_is_const(other)) {
            return err(
                super::start_pos(x),
                format!("{} (untyped int constant {n}) overflows int", show(x)),
            );
        }
    }
    Ok(())
}

/// Whether `e` is a constant.
fn ae_is_const(e: &Expr) -> bool {
    matches!(e, Expr::Const(_))
}

/// Go's errors for a constant shift count `n` (written `b`): negative, or
/// (when the shifted operand is constant too) beyond [`exact_int::MAX_SHIFT`].
fn check_shift_count(n: &BigInt, (b, bt): (&AExpr, &Type), const_operand: bool) -> PResult<()> {
    let shown = show(b);
    let what = if *bt != Type::Int {
        format!("constant {n} of type {bt}")
    } else if shown == n.to_string() {
        "untyped int constant".to_string()
    } else {
        format!("untyped int constant {n}")
    };
    if n.is_negative() {
        return err(
            b.pos,
            format!("invalid operation: negative shift count {shown} ({what})"),
        );
    }
    if const_operand && *n > BigInt::from(exact_int::MAX_SHIFT) {
        return err(
            b.pos,
            format!("invalid operation: invalid shift count {shown} ({what})"),
        );
    }
    Ok(())
}

impl Checker {
    /// `a op b` on numbers other than plain `int` arithmetic; `None` if the
    /// operands are not numbers (the caller goes on).
    pub(crate) fn num_binary(
        &mut self,
        op: BinOp,
        (a, b): (&AExpr, &AExpr),
        (ae, at): (Expr, Type),
        (be, bt): (Expr, Type),
        pos: Pos,
    ) -> PResult<(Expr, Type)> {
        let shift = matches!(op, BinOp::Shl | BinOp::Shr);
        // The operands' common type: an untyped constant takes the other's.
        let (ae, be, t) = if shift {
            self.shift_operands(a, b, (ae, at), (be, bt), pos)?
        } else {
            unify((a, ae, at), (b, be, bt), op)?
        };
        let Some(k) = num_kind(&t) else {
            return err(
                pos,
                format!(
                    "invalid operation: operator {} not defined on {} (variable of type {t})",
                    op.as_str(),
                    show(a)
                ),
            );
        };
        big_beside_value((a, &ae), (b, &be), &t)?;
        if let Some(r) = super::complex::binary(op, k, (a, b), (&ae, &be), &t) {
            return r;
        }
        if let Some(r) = fold_rat(op, &ae, &be, b.pos) {
            let t = if cmp_op(op).is_some() { Type::Bool } else { t };
            return Ok((Expr::Const(r?), t));
        }
        if let Some(c) = cmp_op(op) {
            if let (Some(x), Some(y)) = (const_num(&ae), const_num(&be)) {
                if let (Some(p), Some(q), true) = (big_of(&x), big_of(&y), t == Type::Int) {
                    let ord = p.cmp(&q);
                    let r = match c {
                        Cmp::Eq => ord.is_eq(),
                        Cmp::Ne => ord.is_ne(),
                        Cmp::Lt => ord.is_lt(),
                        Cmp::Le => ord.is_le(),
                        Cmp::Gt => ord.is_gt(),
                        Cmp::Ge => ord.is_ge(),
                    };
                    return Ok((Expr::Const(Value::Bool(r)), Type::Bool));
                }
                return Ok((Expr::Const(Value::Bool(fold_cmp(c, k, &x, &y))), Type::Bool));
            }
            return Ok((
                typed(TypedExpr::NumCmp {
                    op: c,
                    kind: k,
                    a: ae,
                    b: be,
                }),
                Type::Bool,
            ));
        }
        let Some(nop) = num_op(op) else {
            return err(
                pos,
                format!(
                    "invalid operation: operator {} not defined on {}",
                    op.as_str(),
                    show(a)
                ),
            );
        };
        if matches!(k, NumKind::Float(_) | NumKind::Complex(_))
            && !matches!(nop, NumOp::Add | NumOp::Sub | NumOp::Mul | NumOp::Div)
        {
            return err(
                super::start_pos(a),
                format!(
                    "invalid operation: operator {} not defined on {} (variable of type {t})",
                    op.as_str(),
                    show(a)
                ),
            );
        }
        if let (Some(x), Some(y)) = (const_num(&ae), const_num(&be)) {
            if t == Type::Int {
                // Untyped integer constants: exact arithmetic.
                if let (Some(p), Some(q)) = (big_of(&x), big_of(&y)) {
                    return Ok((Expr::Const(fold_untyped(nop, &p, &q, pos)?), t));
                }
            }
            if let NumKind::Int(ik) = k {
                let whole = format!("{} {} {}", show(a), op.as_str(), show(b));
                typed_overflow(nop, ik, (&x, &y), &t, (&whole, a.pos))?;
            }
            if let Some(r) = super::complex::fold_typed_const((op, nop), k, (a, b), (&x, &y), &t) {
                return r;
            }
            if let Some(v) = fold(nop, k, &x, &y, pos)? {
                return Ok((Expr::Const(v), t));
            }
        }
        if matches!(nop, NumOp::Div | NumOp::Rem) && matches!(k, NumKind::Int(_)) {
            if let Some(Value::Int(0)) = const_num(&be) {
                return err(pos, "invalid operation: division by zero");
            }
        }
        Ok((
            typed(TypedExpr::Num {
                op: nop,
                kind: k,
                a: ae,
                b: be,
            }),
            t,
        ))
    }

    /// The operands of a shift: the left one's type is the result's; the
    /// count is any integer.
    fn shift_operands(
        &mut self,
        a: &AExpr,
        b: &AExpr,
        (ae, at): (Expr, Type),
        (be, bt): (Expr, Type),
        pos: Pos,
    ) -> PResult<(Expr, Expr, Type)> {
        let (be, bt) = whole_as_int((be, bt));
        if !matches!(num_kind(&bt), Some(NumKind::Int(_))) {
            return err(
                b.pos,
                format!(
                    "invalid operation: shift count {} (variable of type {bt}) must be integer",
                    show(b)
                ),
            );
        }
        if let Some(n) = const_num(&be).as_ref().and_then(big_of) {
            check_shift_count(&n, (b, &bt), ae_is_const(&ae))?;
        }
        // An untyped constant shifted by a constant count is an integer
        // constant when it is a whole number (`1.0 << 2` is 4, `1e100 >>
        // 1000` is 0); with a fraction it cannot be shifted.
        if at == Type::Float(64) {
            let whole = match &ae {
                Expr::Const(Value::Rat(r)) => Some(exact_int::from_rat(r)),
                Expr::Const(Value::Float(f)) => Some(
                    f.is_finite()
                        .then(|| exact_int::from_rat(&exact::from_f64(*f)))
                        .flatten(),
                ),
                _ => None,
            };
            match whole {
                Some(Some(n)) if const_num(&be).is_some() => {
                    return Ok((Expr::Const(norm(n)), be, Type::Int))
                }
                Some(None) => {
                    return err(
                        a.pos,
                        format!(
                            "invalid operation: shifted operand {} (untyped float constant) must be integer",
                            show(a)
                        ),
                    )
                }
                _ => {}
            }
        }
        if !matches!(num_kind(&at), Some(NumKind::Int(_))) {
            return err(
                pos,
                format!("invalid operation: shift of type {at} ({})", show(a)),
            );
        }
        Ok((ae, be, at))
    }

    /// `-x`, `+x`, `^x` on numbers other than plain `int` negation.
    pub(crate) fn num_unary(
        &mut self,
        op: UnOp,
        (xe, t): (Expr, Type),
        x: &AExpr,
        pos: Pos,
    ) -> PResult<Option<(Expr, Type)>> {
        if !matches!(op, UnOp::Neg | UnOp::Plus | UnOp::Xor) {
            return Ok(None);
        }
        let Some(k) = num_kind(&t) else {
            return err(
                pos,
                format!(
                    "invalid operation: operator {} not defined on {} (variable of type {t})",
                    op.as_str(),
                    show(x)
                ),
            );
        };
        if op == UnOp::Plus {
            return Ok(Some((xe, t)));
        }
        if op == UnOp::Xor && matches!(k, NumKind::Float(_) | NumKind::Complex(_)) {
            return err(
                super::start_pos(x),
                format!(
                    "invalid operation: operator ^ not defined on {} (variable of type {t})",
                    show(x)
                ),
            );
        }
        if let (Some(n), true) = (const_num(&xe).as_ref().and_then(big_of), t == Type::Int) {
            return match exact_int::unary(op == UnOp::Neg, &n) {
                Ok(r) => Ok(Some((Expr::Const(norm(r)), t))),
                Err(e) => err(pos, e.message()),
            };
        }
        if let (Value::CRat(c), UnOp::Neg) = (const_num(&xe).unwrap_or(Value::Nil), op) {
            let (re, im) = (-c.0.clone(), -c.1.clone());
            return Ok(Some((super::complex::untyped(re, im), t)));
        }
        if let (Value::Rat(r), UnOp::Neg) = (const_num(&xe).unwrap_or(Value::Nil), op) {
            return Ok(Some((Expr::Const(Value::Rat(Rc::new(-(*r).clone()))), t)));
        }
        if let Some(v) = const_num(&xe) {
            let zero = match k {
                NumKind::Complex(_) => Value::Complex(0.0, 0.0),
                NumKind::Float(_) => Value::Float(0.0),
                NumKind::Int(_) => Value::Int(0),
            };
            let (o, a, b) = if op == UnOp::Neg {
                (NumOp::Sub, zero, v)
            } else {
                (NumOp::Xor, v, Value::Int(-1))
            };
            if let Some(r) = fold(o, k, &a, &b, pos)? {
                return Ok(Some((Expr::Const(r), t)));
            }
        }
        let neg = op == UnOp::Neg;
        Ok(Some((
            typed(TypedExpr::NumUnary {
                neg,
                kind: k,
                x: xe,
            }),
            t,
        )))
    }

    /// `T(x)` between numeric types; `None` if either is not numeric.
    pub(crate) fn num_conversion(&mut self, t: &Type, x: &AExpr) -> PResult<Option<(Expr, Type)>> {
        let Some(to) = num_kind(t) else {
            return Ok(None);
        };
        let (xe, xt) = self.value(x)?;
        let cannot = || {
            err(
                x.pos,
                format!(
                    "cannot convert {} (variable of type {}) to type {t}",
                    show(x),
                    xt.describe()
                ),
            )
        };
        let Some(from) = num_kind(&xt) else {
            return cannot();
        };
        if let Some(v) = const_num(&xe) {
            let untyped = matches!(xt, Type::Int | Type::Float(64)) || matches!(v, Value::CRat(_));
            let c = if untyped {
                let what = if let Some(w) = super::complex::untyped_what(&v) {
                    w
                } else if matches!(v, Value::Float(_) | Value::Rat(_)) {
                    "untyped float constant".into()
                } else {
                    "untyped int constant".into()
                };
                represent(&v, to, t, super::start_pos(x), &show(x)).map_err(|mut e| {
                    e.msg = format!("cannot convert {} ({what}) to type {t}", show(x));
                    e
                })?
            } else {
                match convert_const(&v, from, to) {
                    Some(c) => c,
                    None => {
                        return err(
                            x.pos,
                            format!(
                                "cannot convert {} (constant of type {xt}) to type {t}",
                                show(x)
                            ),
                        )
                    }
                }
            };
            return Ok(Some((Expr::Const(c), t.clone())));
        }
        if super::complex::mixed_conversion(from, to) {
            return cannot();
        }
        if from == to {
            return Ok(Some((xe, t.clone())));
        }
        if xt == Type::Int && super::shift::untyped_shift(&xe) {
            return Ok(Some((super::shift::retype(xe, t, x)?, t.clone())));
        }
        Ok(Some((
            typed(TypedExpr::Conv { x: xe, from, to }),
            t.clone(),
        )))
    }
}

/// The operands of `a op b` brought to one numeric type.
fn unify(
    (a, ae, at): (&AExpr, Expr, Type),
    (b, be, bt): (&AExpr, Expr, Type),
    op: BinOp,
) -> PResult<(Expr, Expr, Type)> {
    if at == bt {
        return Ok((ae, be, at));
    }
    // `x | 1<<s`: the shifted constant takes the other operand's type.
    if at == Type::Int && num_kind(&bt).is_some() && super::shift::untyped_shift(&ae) {
        return Ok((super::shift::retype(ae, &bt, a)?, be, bt));
    }
    if bt == Type::Int && num_kind(&at).is_some() && super::shift::untyped_shift(&be) {
        return Ok((ae, super::shift::retype(be, &at, b)?, at));
    }
    let (ac, bc) = (const_num(&ae).is_some(), const_num(&be).is_some());
    let untyped = |e: &Expr, t: &Type| {
        matches!(t, Type::Int | Type::Float(64)) || super::complex::is_untyped(e)
    };
    // Two untyped constants: the complex kind wins, then the float kind.
    if ac && bc && untyped(&ae, &at) && untyped(&be, &bt) {
        if let Some(r) = super::complex::unify_untyped(&ae, &be) {
            return Ok(r);
        }
        if let (Some(x), Some(y)) = (rat_of(&ae), rat_of(&be)) {
            let f = |r| Expr::Const(Value::Rat(Rc::new(r)));
            return Ok((f(x), f(y), Type::Float(64)));
        }
        let f =
            |e: &Expr| Expr::Const(Value::Float(as_f64(&const_num(e).unwrap_or(Value::Int(0)))));
        return Ok((f(&ae), f(&be), Type::Float(64)));
    }
    if ac && untyped(&ae, &at) {
        if let Some(k) = num_kind(&bt) {
            let v = represent(
                &const_num(&ae).unwrap_or(Value::Int(0)),
                k,
                &bt,
                a.pos,
                &show(a),
            )
            .map_err(|e| truncated_in_expr(e, a, &bt))?;
            return Ok((Expr::Const(v), be, bt));
        }
    }
    if bc && untyped(&be, &bt) {
        if let Some(k) = num_kind(&at) {
            let v = represent(
                &const_num(&be).unwrap_or(Value::Int(0)),
                k,
                &at,
                b.pos,
                &show(b),
            )
            .map_err(|e| truncated_in_expr(e, b, &at))?;
            return Ok((ae, Expr::Const(v), at));
        }
    }
    err(
        super::start_pos(a),
        format!(
            "invalid operation: {} {} {} (mismatched types {} and {})",
            show(a),
            op.as_str(),
            show(b),
            at.describe(),
            bt.describe()
        ),
    )
}

/// An untyped float constant with a whole value as the untyped integer
/// constant it equals (`[3.0]int`, `{2.0: x}`); anything else unchanged.
pub(crate) fn whole_as_int((x, t): (Expr, Type)) -> (Expr, Type) {
    if let Expr::Const(Value::Rat(r)) = &x {
        if let Some(n) = exact_int::from_rat(r) {
            return (Expr::Const(norm(n)), Type::Int);
        }
    }
    (x, t)
}

/// Go's wording for an untyped float constant with a fraction used as an
/// operand of integer type: `1.5 (untyped float constant) truncated to int`.
fn truncated_in_expr(
    mut e: crate::lexer::SyntaxError,
    x: &AExpr,
    t: &Type,
) -> crate::lexer::SyntaxError {
    if e.msg.ends_with("(truncated)") && e.msg.contains("untyped float constant") {
        e.msg = format!("{} (untyped float constant) truncated to {t}", show(x));
    }
    e
}

/// An untyped constant's exact value, when it is an untyped float or
/// integer constant (not a typed float).
fn rat_of(e: &Expr) -> Option<exact::Rat> {
    match e {
        Expr::Const(Value::Rat(r)) => Some((**r).clone()),
        Expr::Const(Value::Int(n)) => Some(exact::from_int(i128::from(*n))),
        Expr::Const(Value::Big(n)) => Some(exact_int::to_rat(n)),
        _ => None,
    }
}

/// `a op b` (or a comparison) on two untyped float constants, exactly;
/// `None` when either is not one.
fn fold_rat(op: BinOp, ae: &Expr, be: &Expr, pos: Pos) -> Option<PResult<Value>> {
    if !matches!(ae, Expr::Const(Value::Rat(_))) && !matches!(be, Expr::Const(Value::Rat(_))) {
        return None;
    }
    let (x, y) = (rat_of(ae)?, rat_of(be)?);
    let r = match op {
        BinOp::Add => x + y,
        BinOp::Sub => x - y,
        BinOp::Mul => x * y,
        BinOp::Div if y == exact::from_int(0) => {
            return Some(err(pos, "invalid operation: division by zero"))
        }
        BinOp::Div => x / y,
        _ => {
            let c = cmp_op(op)?;
            let ord = x.cmp(&y);
            return Some(Ok(Value::Bool(match c {
                Cmp::Eq => ord.is_eq(),
                Cmp::Ne => ord.is_ne(),
                Cmp::Lt => ord.is_lt(),
                Cmp::Le => ord.is_le(),
                Cmp::Gt => ord.is_gt(),
                Cmp::Ge => ord.is_ge(),
            })));
        }
    };
    Some(Ok(Value::Rat(Rc::new(r))))
}

fn as_f64(v: &Value) -> f64 {
    match v {
        Value::Rat(r) => exact::to_f64(r).unwrap_or(f64::INFINITY),
        Value::Int(n) => *n as f64,
        Value::Float(x) => *x,
        _ => 0.0,
    }
}

fn as_i64(v: &Value) -> i64 {
    match v {
        Value::Rat(r) => exact::to_int(r).map_or(0, |n| n as i64),
        Value::Int(n) => *n,
        Value::Float(x) => *x as i64,
        _ => 0,
    }
}

/// A constant `a op b` (`None`: leave it to run time; `Err`: Go's
/// compile-time error).
fn fold(op: NumOp, k: NumKind, a: &Value, b: &Value, pos: Pos) -> PResult<Option<Value>> {
    Ok(Some(match k {
        NumKind::Complex(bits) => super::complex::fold_typed(op, bits, a, b, pos)?,
        NumKind::Float(bits) => {
            if op == NumOp::Div && as_f64(b) == 0.0 {
                return err(pos, "invalid operation: division by zero");
            }
            Value::Float(num::float_op(op, bits, as_f64(a), as_f64(b)))
        }
        NumKind::Int(ik) => match num::int_op(op, ik, as_i64(a), as_i64(b)) {
            Ok(v) => Value::Int(v),
            Err(NumErr::DivideByZero) => return err(pos, "invalid operation: division by zero"),
            Err(NumErr::NegativeShift) => return Ok(None),
        },
    }))
}

fn fold_cmp(c: Cmp, k: NumKind, a: &Value, b: &Value) -> bool {
    let ord = match k {
        NumKind::Complex(_) => {
            let eq = super::complex::const_eq(a, b);
            return if c == Cmp::Eq { eq } else { !eq };
        }
        NumKind::Int(ik) => num::int_cmp(ik, as_i64(a), as_i64(b)),
        NumKind::Float(_) => as_f64(a)
            .partial_cmp(&as_f64(b))
            .unwrap_or(std::cmp::Ordering::Less),
    };
    match c {
        Cmp::Eq => ord.is_eq(),
        Cmp::Ne => ord.is_ne(),
        Cmp::Lt => ord.is_lt(),
        Cmp::Le => ord.is_le(),
        Cmp::Gt => ord.is_gt(),
        Cmp::Ge => ord.is_ge(),
    }
}

/// A typed constant converted between numeric kinds (wrapping, as at run
/// time).
fn convert_const(v: &Value, from: NumKind, to: NumKind) -> Option<Value> {
    if super::complex::mixed_conversion(from, to) || matches!(from, NumKind::Complex(_)) {
        return super::complex::convert_const(v, to);
    }
    Some(match (from, to) {
        (NumKind::Int(f), NumKind::Int(t)) => {
            let _ = f;
            Value::Int(num::wrap(t, as_i64(v)))
        }
        (NumKind::Int(f), NumKind::Float(b)) => Value::Float(num::int_to_float(f, as_i64(v), b)),
        (NumKind::Float(_), NumKind::Int(t)) => Value::Int(num::float_to_int(as_f64(v), t)),
        (NumKind::Float(_), NumKind::Float(b)) => Value::Float(num::round(b, as_f64(v))),
        (NumKind::Complex(_), _) | (_, NumKind::Complex(_)) => return None,
    })
}

/// An untyped numeric constant used as a value of numeric type `to`
/// (`var b byte = 200`, `f(1.5)`); `None` when `x` is not one.
pub(crate) fn coerce_const(
    x: &Expr,
    from: &Type,
    to: &Type,
    e: &AExpr,
    ctx: &str,
) -> Option<PResult<Expr>> {
    let v = const_num(x)?;
    if let (Value::Big(n), None) = (&v, num_kind(to)) {
        return Some(err(
            super::start_pos(e),
            format!(
                "cannot use {} (untyped int constant {n}) as int value in {ctx} (overflows)",
                show(e)
            ),
        ));
    }
    let untyped = matches!(from, Type::Int | Type::Float(64)) || matches!(v, Value::CRat(_));
    if !untyped || (from == to && !matches!(v, Value::Big(_) | Value::Rat(_) | Value::CRat(_))) {
        return None;
    }
    let k = num_kind(to)?;
    Some(
        represent(&v, k, to, super::start_pos(e), &show(e))
            .map_err(|mut er| {
                er.msg = er.msg.replace("in expression", &format!("in {ctx}"));
                er
            })
            .map(Expr::Const),
    )
}

impl Checker {
    /// `x op= y` on a number other than plain `int` arithmetic, for a
    /// variable `x` (`x` read, then stored); `None` otherwise.
    pub(crate) fn num_op_assign(
        &mut self,
        op: BinOp,
        l: &AExpr,
        r: &AExpr,
        pos: Pos,
    ) -> PResult<Option<crate::ir::Stmt>> {
        if !matches!(&super::unparen(l).kind, crate::ast::ExprKind::Ident(_)) {
            return Ok(None);
        }
        let (var, t) = self.target_var(l)?;
        let (re, rt) = self.value(r)?;
        if super::num::plain_int(op, &t, &rt) || num_kind(&t).is_none() {
            return Ok(None);
        }
        let cur = (Expr::Load(var), t);
        let (v, _) = self.num_binary(op, (l, r), cur, (re, rt), pos)?;
        Ok(Some(crate::ir::Stmt::Assign {
            lhs: vec![crate::ir::Lhs::Set(var)],
            rhs: crate::ir::Rhs::List(vec![v]),
        }))
    }
}
