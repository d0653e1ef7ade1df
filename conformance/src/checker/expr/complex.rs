//! Complex numbers in the checker: imaginary literals and untyped complex
//! constants (exact: a rational per part), their arithmetic, their
//! representation as values of a numeric type (a complex constant with a
//! zero imaginary part may become an integer or a float), typed complex
//! constants, the builtins `complex`, `real` and `imag` (on constants they
//! yield constants) and the signatures of `math/cmplx`.

use std::rc::Rc;

use super::num::represent as represent_real;
use super::show;
use crate::ast::{BinOp, Expr as AExpr};
use crate::checker::{err, Checker};
use crate::ir::{Args, Builtin, Call, CplxFn, Expr, PkgFn, Target};
use crate::lexer::{PResult, Pos};
use crate::types::complex::{self as cx, C};
use crate::types::exact::{self, Rat};
use crate::types::num::{NumKind, NumOp};
use crate::types::Type;
use crate::value::Value;

/// The exact parts of an untyped complex constant.
type Parts = (Rat, Rat);

/// An untyped complex constant.
pub(crate) fn untyped(re: Rat, im: Rat) -> Expr {
    Expr::Const(Value::CRat(Rc::new((re, im))))
}

/// Whether `e` is an untyped complex constant.
pub(crate) fn is_untyped(e: &Expr) -> bool {
    matches!(e, Expr::Const(Value::CRat(_)))
}

/// The exact parts of an untyped numeric constant (integer, float or
/// complex); `None` for anything else.
fn parts_of(v: &Value) -> Option<Parts> {
    let zero = || exact::from_int(0);
    Some(match v {
        Value::Int(n) => (exact::from_int(i128::from(*n)), zero()),
        Value::Big(n) => (crate::types::exact_int::to_rat(n), zero()),
        Value::Rat(r) => ((**r).clone(), zero()),
        Value::CRat(c) => (**c).clone(),
        _ => return None,
    })
}

/// A numeric constant's value as two floats (typed or untyped).
fn c_of(v: &Value) -> C {
    let f = |r: &Rat| exact::to_f64(r).unwrap_or(f64::INFINITY);
    match v {
        Value::Complex(re, im) => C(*re, *im),
        Value::Float(x) => C(*x, 0.0),
        Value::Int(n) => C(*n as f64, 0.0),
        Value::Big(n) => C(f(&crate::types::exact_int::to_rat(n)), 0.0),
        Value::Rat(r) => C(f(r), 0.0),
        Value::CRat(c) => C(f(&c.0), f(&c.1)),
        _ => C(0.0, 0.0),
    }
}

/// An untyped complex constant as Go shows it in messages: `(1 + 2i)`.
fn show_parts(c: &Parts) -> String {
    let im = exact::show(&c.1);
    let (sign, im) = match im.strip_prefix('-') {
        Some(m) => ('-', m.to_string()),
        None => ('+', im),
    };
    format!("({} {sign} {im}i)", exact::show(&c.0))
}

/// The constant `v` as a value of numeric kind `k` (of type `t`) when
/// either is complex: `None` when neither is (the caller goes on).
pub(crate) fn represent(
    v: &Value,
    k: NumKind,
    t: &Type,
    pos: Pos,
    what: &str,
) -> Option<PResult<Value>> {
    match (v, k) {
        (Value::CRat(c), NumKind::Complex(bits)) => Some(round_parts(c, bits, t, pos, what)),
        (Value::CRat(c), _) => Some(if c.1 == exact::from_int(0) {
            represent_real(&Value::Rat(Rc::new(c.0.clone())), k, t, pos, what)
        } else {
            // Go's words: an integer would lose the fraction, a float
            // cannot hold the imaginary part.
            let why = if matches!(k, NumKind::Int(_)) {
                "truncated"
            } else {
                "overflows"
            };
            err(
                pos,
                format!(
                    "cannot use {what} (untyped complex constant {}) as {t} value in expression ({why})",
                    show_parts(c)
                ),
            )
        }),
        (Value::Complex(..), NumKind::Complex(bits)) => {
            Some(Ok(complex_value(cx::round(bits, c_of(v)))))
        }
        (_, NumKind::Complex(bits)) => Some(match parts_of(v) {
            Some(c) => round_parts(&c, bits, t, pos, what),
            None => Ok(complex_value(cx::round(bits, c_of(v)))),
        }),
        _ => None,
    }
}

fn complex_value(c: C) -> Value {
    Value::Complex(c.0, c.1)
}

/// Exact parts rounded to a complex type of `bits` bits.
fn round_parts(c: &Parts, bits: u8, t: &Type, pos: Pos, what: &str) -> PResult<Value> {
    let round = |r: &Rat| {
        if bits == 64 {
            exact::to_f32(r)
        } else {
            exact::to_f64(r)
        }
    };
    match (round(&c.0), round(&c.1)) {
        (Some(re), Some(im)) => Ok(Value::Complex(re, im)),
        _ => err(
            pos,
            format!(
                "cannot use {what} (untyped complex constant {}) as {t} value in expression (overflows)",
                show_parts(c)
            ),
        ),
    }
}

/// Two untyped constants, one of them complex, as two untyped complex
/// constants; `None` otherwise.
pub(crate) fn unify_untyped(ae: &Expr, be: &Expr) -> Option<(Expr, Expr, Type)> {
    if !is_untyped(ae) && !is_untyped(be) {
        return None;
    }
    let (Expr::Const(x), Expr::Const(y)) = (ae, be) else {
        return None;
    };
    let (x, y) = (parts_of(x)?, parts_of(y)?);
    Some((untyped(x.0, x.1), untyped(y.0, y.1), Type::Complex(128)))
}

/// The complex cases of `a op b` (operands brought to type `t` of kind
/// `k`): two untyped complex constants folded exactly, or Go's refusal of
/// an ordered comparison; `None` for the rest.
pub(crate) fn binary(
    op: BinOp,
    k: NumKind,
    (a, b): (&AExpr, &AExpr),
    (ae, be): (&Expr, &Expr),
    t: &Type,
) -> Option<PResult<(Expr, Type)>> {
    let start = super::start_pos(a);
    let cmp = matches!(
        op,
        BinOp::Eq | BinOp::Ne | BinOp::Lt | BinOp::Le | BinOp::Gt | BinOp::Ge
    );
    if let Some(r) = fold_untyped(op, (ae, be), (a, b), start) {
        let t = if cmp { Type::Bool } else { t.clone() };
        return Some(r.map(|v| (Expr::Const(v), t)));
    }
    let ordered = matches!(op, BinOp::Lt | BinOp::Le | BinOp::Gt | BinOp::Ge);
    if matches!(k, NumKind::Complex(_)) && ordered {
        let o = op.as_str();
        return Some(err(
            start,
            format!(
                "invalid operation: {} {o} {} (operator {o} not defined on {t})",
                show(a),
                show(b)
            ),
        ));
    }
    None
}

/// Two typed float or complex constants `a op b` (`x`, `y`) folded as Go
/// folds them (exactly, rounded once to `t`), or Go's overflow error;
/// `None` when [`fold_exact_typed`] leaves them to the caller.
pub(crate) fn fold_typed_const(
    (op, nop): (BinOp, NumOp),
    k: NumKind,
    (a, b): (&AExpr, &AExpr),
    (x, y): (&Value, &Value),
    t: &Type,
) -> Option<PResult<(Expr, Type)>> {
    Some(match fold_exact_typed(nop, k, x, y)? {
        Ok(v) => Ok((Expr::Const(v), t.clone())),
        Err(shown) => err(
            super::start_pos(a),
            format!(
                "{} {} {} (constant {shown} of type {t}) overflows {t}",
                show(a),
                op.as_str(),
                show(b)
            ),
        ),
    })
}

/// `a op b` on two untyped complex constants, exactly (`None` when they
/// are not both that); `pos` is where `a` starts.
fn fold_untyped(
    op: BinOp,
    (ae, be): (&Expr, &Expr),
    (a, b): (&AExpr, &AExpr),
    pos: Pos,
) -> Option<PResult<Value>> {
    let (Expr::Const(Value::CRat(x)), Expr::Const(Value::CRat(y))) = (ae, be) else {
        return None;
    };
    let ((p, q), (r, s)) = (&**x, &**y);
    let parts = |re: Rat, im: Rat| Value::CRat(Rc::new((re, im)));
    Some(Ok(match op {
        BinOp::Add => parts(p + r, q + s),
        BinOp::Sub => parts(p - r, q - s),
        BinOp::Mul => parts(p * r - q * s, p * s + q * r),
        BinOp::Div => {
            let den = r * r + s * s;
            if den == exact::from_int(0) {
                return Some(err(
                    super::start_pos(b),
                    "invalid operation: division by zero",
                ));
            }
            parts((p * r + q * s) / &den, (q * r - p * s) / &den)
        }
        BinOp::Eq => Value::Bool(x == y),
        BinOp::Ne => Value::Bool(x != y),
        _ => {
            return Some(err(
                pos,
                format!(
                    "invalid operation: {} {} {} (operator {} not defined on untyped complex)",
                    show(a),
                    op.as_str(),
                    show(b),
                    op.as_str()
                ),
            ))
        }
    }))
}

/// The exact parts of a typed float or complex constant (or an untyped
/// one); `None` for an infinite or NaN part.
fn exact_parts(v: &Value) -> Option<Parts> {
    let f = |x: f64| x.is_finite().then(|| exact::from_f64(x));
    match v {
        Value::Float(x) => Some((f(*x)?, exact::from_int(0))),
        Value::Complex(re, im) => Some((f(*re)?, f(*im)?)),
        v => parts_of(v),
    }
}

/// `a op b` on two typed float or complex constants as Go folds them:
/// exactly, then rounded once to the type; `Err` with the exact result as
/// Go shows it when that overflows the type. `None` for other kinds and
/// operators, and for a zero divisor (the caller reports it).
pub(crate) fn fold_exact_typed(
    op: NumOp,
    k: NumKind,
    a: &Value,
    b: &Value,
) -> Option<Result<Value, String>> {
    let part = match k {
        NumKind::Float(bits) => bits,
        NumKind::Complex(bits) => cx::part_bits(bits),
        NumKind::Int(_) => return None,
    };
    let ((p, q), (r, s)) = (exact_parts(a)?, exact_parts(b)?);
    let (re, im) = match op {
        NumOp::Add => (&p + &r, &q + &s),
        NumOp::Sub => (&p - &r, &q - &s),
        NumOp::Mul => (&p * &r - &q * &s, &p * &s + &q * &r),
        NumOp::Div => {
            let den = &r * &r + &s * &s;
            if den == exact::from_int(0) {
                return None;
            }
            ((&p * &r + &q * &s) / &den, (&q * &r - &p * &s) / &den)
        }
        _ => return None,
    };
    let round = |x: &Rat| {
        if part == 32 {
            exact::to_f32(x)
        } else {
            exact::to_f64(x)
        }
    };
    Some(match (k, round(&re), round(&im)) {
        (NumKind::Float(_), Some(x), _) => Ok(Value::Float(x)),
        (NumKind::Float(_), None, _) => Err(exact::show(&re)),
        (_, Some(x), Some(y)) => Ok(Value::Complex(x, y)),
        _ => Err(show_parts(&(re, im))),
    })
}

/// A typed complex constant `a op b` (`+ - * /`, `==`, `!=`).
pub(crate) fn fold_typed(op: NumOp, bits: u8, a: &Value, b: &Value, pos: Pos) -> PResult<Value> {
    let (x, y) = (c_of(a), c_of(b));
    if op == NumOp::Div && y == C(0.0, 0.0) {
        return err(pos, "invalid operation: division by zero");
    }
    Ok(complex_value(cx::op(op, bits, x, y)))
}

/// `a == b` on two numeric constants of a complex type.
pub(crate) fn const_eq(a: &Value, b: &Value) -> bool {
    cx::eq(c_of(a), c_of(b))
}

/// A typed constant converted from kind `from` to kind `to`, one of them
/// complex (a complex constant becomes a real one only with a zero
/// imaginary part); `None` when it cannot.
pub(crate) fn convert_const(v: &Value, to: NumKind) -> Option<Value> {
    let c = c_of(v);
    match to {
        NumKind::Complex(bits) => Some(complex_value(cx::round(bits, c))),
        NumKind::Float(bits) if c.1 == 0.0 => {
            Some(Value::Float(crate::types::num::round(bits, c.0)))
        }
        NumKind::Int(k) if c.1 == 0.0 && c.0.fract() == 0.0 => {
            Some(Value::Int(crate::types::num::wrap(k, c.0 as i64)))
        }
        _ => None,
    }
}

/// Go's refusal of a conversion between a complex and a real type of a
/// value that is not constant.
pub(crate) fn mixed_conversion(from: NumKind, to: NumKind) -> bool {
    matches!(from, NumKind::Complex(_)) != matches!(to, NumKind::Complex(_))
}

/// `what (untyped complex constant (1 + 2i))`'s middle, for conversions.
pub(crate) fn untyped_what(v: &Value) -> Option<String> {
    match v {
        Value::CRat(c) => Some(format!("untyped complex constant {}", show_parts(c))),
        _ => None,
    }
}

fn builtin(f: CplxFn, args: Args) -> Expr {
    Expr::Call(Box::new(Call {
        line: 0,
        target: Target::Builtin(Builtin::Pkg(PkgFn::Complex(f))),
        args,
    }))
}

/// The bits of the float type `t` (through a declared type).
fn float_bits(t: &Type) -> Option<u8> {
    match t.underlying() {
        Type::Float(b) => Some(b),
        _ => None,
    }
}

/// Whether `(x, t)` is an untyped numeric constant.
fn untyped_const(x: &Expr, t: &Type) -> bool {
    matches!(x, Expr::Const(_)) && (matches!(t, Type::Int | Type::Float(64)) || is_untyped(x))
}

impl Checker {
    /// A call of `complex`, `real` or `imag` (not redeclared); `None` for
    /// other names.
    pub(crate) fn complex_builtin(
        &mut self,
        n: &str,
        args: &[AExpr],
        pos: Pos,
    ) -> Option<PResult<(Expr, Type)>> {
        match n {
            "complex" => Some(self.complex_call(args, pos)),
            "real" | "imag" => Some(self.part_call(n == "imag", args, pos)),
            _ => None,
        }
    }

    /// `complex(f())` with a two-valued `f` of float results.
    fn complex_spread(&mut self, one: &AExpr, pos: Pos) -> PResult<(Expr, Type)> {
        let (x, t) = self.expr(one)?;
        match &t {
            Type::Tuple(ts) if ts.len() == 2 && ts[0] == ts[1] => match float_bits(&ts[0]) {
                Some(b) => Ok((
                    builtin(CplxFn::Make(complex_bits(b)), Args::Spread(x)),
                    Type::Complex(complex_bits(b)),
                )),
                None => err(
                    pos,
                    format!(
                        "invalid argument: arguments have type {}, expected floating-point",
                        ts[0]
                    ),
                ),
            },
            _ => err(
                pos,
                "not enough arguments for complex() (expected 2, found 1)",
            ),
        }
    }

    fn complex_call(&mut self, args: &[AExpr], pos: Pos) -> PResult<(Expr, Type)> {
        if let [one] = args {
            return self.complex_spread(one, pos);
        }
        let [a, b] = args else {
            return err(
                pos,
                format!(
                    "wrong number of arguments for complex() (expected 2, found {})",
                    args.len()
                ),
            );
        };
        let (ae, at) = self.value(a)?;
        let (be, bt) = self.value(b)?;
        let (ua, ub) = (untyped_const(&ae, &at), untyped_const(&be, &bt));
        if ua && ub {
            return untyped_complex(&ae, &be, (a, b), pos);
        }
        let at_a = super::start_pos(a);
        // An untyped constant takes the other argument's type.
        let t = if ua { bt.clone() } else { at.clone() };
        let Some(bits) = float_bits(&t) else {
            return err(
                at_a,
                format!("invalid argument: arguments have type {t}, expected floating-point"),
            );
        };
        if !ua && !ub && at != bt {
            return err(
                at_a,
                format!(
                    "invalid operation: {} (mismatched types {at} and {bt})",
                    show_call("complex", args)
                ),
            );
        }
        let k = NumKind::Float(bits);
        let arg = |e: Expr, x: &AExpr, u: bool| -> PResult<Expr> {
            match (&e, u) {
                (Expr::Const(v), true) => {
                    Ok(Expr::Const(represent_real(v, k, &t, x.pos, &show(x))?))
                }
                _ => Ok(e),
            }
        };
        let (ae, be) = (arg(ae, a, ua)?, arg(be, b, ub)?);
        let ct = Type::Complex(complex_bits(bits));
        if let (Expr::Const(x), Expr::Const(y)) = (&ae, &be) {
            let c = C(c_of(x).0, c_of(y).0);
            return Ok((Expr::Const(complex_value(c)), ct));
        }
        Ok((
            builtin(CplxFn::Make(complex_bits(bits)), Args::List(vec![ae, be])),
            ct,
        ))
    }

    fn part_call(&mut self, imag: bool, args: &[AExpr], pos: Pos) -> PResult<(Expr, Type)> {
        let name = if imag { "imag" } else { "real" };
        let [x] = args else {
            return err(
                pos,
                format!(
                    "wrong number of arguments for {name}() (expected 1, found {})",
                    args.len()
                ),
            );
        };
        let (xe, xt) = self.value(x)?;
        if untyped_const(&xe, &xt) {
            if let Expr::Const(v) = &xe {
                if let Some((re, im)) = parts_of(v) {
                    let r = if imag { im } else { re };
                    return Ok((Expr::Const(Value::Rat(Rc::new(r))), Type::Float(64)));
                }
            }
        }
        let bits = match xt.underlying() {
            Type::Complex(b) => b,
            _ => {
                return err(
                    x.pos,
                    format!("invalid argument: argument has type {xt}, expected complex type"),
                )
            }
        };
        let ft = Type::Float(cx::part_bits(bits));
        if let Expr::Const(v) = &xe {
            let c = c_of(v);
            return Ok((Expr::Const(Value::Float(if imag { c.1 } else { c.0 })), ft));
        }
        let f = if imag { CplxFn::Imag } else { CplxFn::Real };
        Ok((builtin(f, Args::List(vec![xe])), ft))
    }
}

/// `complex(a, b)` of two untyped constants: an untyped complex constant
/// (each must be real: a complex one only with a zero imaginary part).
fn untyped_complex(
    ae: &Expr,
    be: &Expr,
    (a, b): (&AExpr, &AExpr),
    pos: Pos,
) -> PResult<(Expr, Type)> {
    let real = |e: &Expr, x: &AExpr| -> PResult<Rat> {
        let zero = exact::from_int(0);
        match e {
            Expr::Const(v) => match parts_of(v) {
                Some((re, im)) if im == zero => Ok(re),
                Some(c) => err(
                    x.pos,
                    format!(
                        "cannot use {} (untyped complex constant {}) as float64 value in argument to complex (truncated)",
                        show(x),
                        show_parts(&c)
                    ),
                ),
                // A typed float constant used as untyped (the subset's
                // float64 constants).
                None => Ok(exact::from_f64(c_of(v).0)),
            },
            _ => err(pos, "internal error: complex of non-constants"),
        }
    };
    Ok((untyped(real(ae, a)?, real(be, b)?), Type::Complex(128)))
}

/// The complex type whose parts are floats of `bits` bits.
fn complex_bits(float_bits: u8) -> u8 {
    if float_bits == 32 {
        64
    } else {
        128
    }
}

fn show_call(name: &str, args: &[AExpr]) -> String {
    let a: Vec<String> = args.iter().map(show).collect();
    format!("{name}({})", a.join(", "))
}

/// The signatures of `math/cmplx`'s functions that minigo runs.
pub(crate) fn cmplx_signature(m: &str) -> Option<(PkgFn, Vec<Type>, Vec<Type>)> {
    let c = Type::Complex(128);
    let (f, params, result) = match m {
        "Abs" => (CplxFn::Abs, vec![c], Type::Float(64)),
        "Conj" => (CplxFn::Conj, vec![c.clone()], c),
        "Inf" => (CplxFn::Inf, vec![], c),
        "NaN" => (CplxFn::NaN, vec![], c),
        "IsInf" => (CplxFn::IsInf, vec![c], Type::Bool),
        "IsNaN" => (CplxFn::IsNaN, vec![c], Type::Bool),
        _ => return None,
    };
    Some((PkgFn::Complex(f), params, vec![result]))
}
