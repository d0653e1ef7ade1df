//! Complex numbers at run time: [`crate::types::complex`]'s arithmetic on
//! values, the builtins `complex`, `real` and `imag`, and how `fmt` and
//! `print` write complex numbers (`(1+2i)`: each part as a float, the
//! imaginary one always signed).

use super::value::Value;
use super::Trap;
use crate::ir::CplxFn;
use crate::types::complex::{self, C};
use crate::types::num::{NumKind, NumOp};

/// The parts of a complex operand.
pub fn parts(v: &Value) -> Result<C, Trap> {
    match v {
        Value::Complex(re, im) => Ok(C(*re, *im)),
        _ => Err(Trap::Bug("complex operand is not a complex number")),
    }
}

fn value(c: C) -> Value {
    Value::Complex(c.0, c.1)
}

fn float(v: &Value) -> Result<f64, Trap> {
    match v {
        Value::Float(x) => Ok(*x),
        _ => Err(Trap::Bug("float operand is not a float")),
    }
}

/// `a op b` on complex numbers of `bits` bits.
pub fn arith(op: NumOp, bits: u8, a: &Value, b: &Value) -> Result<Value, Trap> {
    Ok(value(complex::op(op, bits, parts(a)?, parts(b)?)))
}

/// `a == b` on complex numbers.
pub fn equal(a: &Value, b: &Value) -> Result<bool, Trap> {
    Ok(complex::eq(parts(a)?, parts(b)?))
}

/// `-x`.
pub fn neg(x: &Value) -> Result<Value, Trap> {
    let c = parts(x)?;
    Ok(value(C(-c.0, -c.1)))
}

/// `T(x)` from or to a complex kind (Go converts complex numbers only to
/// complex types; the checker refuses the rest).
pub fn convert(x: &Value, to: NumKind) -> Result<Value, Trap> {
    match to {
        NumKind::Complex(bits) => Ok(value(complex::round(bits, parts(x)?))),
        _ => Err(Trap::Bug("complex number converted to a real type")),
    }
}

/// `complex(re, im)` giving a complex number of `bits` bits.
pub fn make(re: &Value, im: &Value, bits: u8) -> Result<Value, Trap> {
    Ok(value(complex::round(bits, C(float(re)?, float(im)?))))
}

/// `real(x)` (`imag` false) or `imag(x)`.
pub fn part(x: &Value, imag: bool) -> Result<Value, Trap> {
    let c = parts(x)?;
    Ok(Value::Float(if imag { c.1 } else { c.0 }))
}

/// Runs a complex builtin or a function of `math/cmplx`.
pub fn call(f: CplxFn, a: &[Value]) -> Result<Value, Trap> {
    let arg = |i: usize| {
        a.get(i)
            .ok_or(Trap::Bug("complex builtin: missing argument"))
    };
    Ok(match f {
        CplxFn::Make(bits) => make(arg(0)?, arg(1)?, bits)?,
        CplxFn::Real => part(arg(0)?, false)?,
        CplxFn::Imag => part(arg(0)?, true)?,
        CplxFn::Abs => {
            let c = parts(arg(0)?)?;
            Value::Float(complex::hypot(c.0, c.1))
        }
        CplxFn::Conj => {
            let c = parts(arg(0)?)?;
            value(C(c.0, -c.1))
        }
        CplxFn::Inf => value(C(f64::INFINITY, f64::INFINITY)),
        CplxFn::NaN => value(C(f64::NAN, f64::NAN)),
        CplxFn::IsInf => {
            let c = parts(arg(0)?)?;
            Value::Bool(c.0.is_infinite() || c.1.is_infinite())
        }
        // A NaN part with no infinite one (cmplx.IsNaN's rule).
        CplxFn::IsNaN => {
            let c = parts(arg(0)?)?;
            Value::Bool(!(c.0.is_infinite() || c.1.is_infinite()) && (c.0.is_nan() || c.1.is_nan()))
        }
    })
}

/// `%v` of a complex number of `bits` bits, as `fmt` and (since Go 1.26)
/// the builtin `print` write it: `(1+2i)`, `(NaN+Infi)`.
pub fn fmt_complex(c: C, bits: u8) -> String {
    let pb = complex::part_bits(bits);
    let im = super::num::fmt_float(c.1, pb);
    format!("({}{}i)", super::num::fmt_float(c.0, pb), signed(im))
}

fn signed(s: String) -> String {
    if s.starts_with(['+', '-']) {
        s
    } else {
        format!("+{s}")
    }
}

/// A complex operand of `fmt` and its size (a boxed `complex64` knows it).
pub fn complex_of(v: &Value) -> Option<(C, u8)> {
    match v {
        Value::Complex(re, im) => Some((C(*re, *im), 128)),
        Value::Iface(b) => match (&b.val, &b.ty.kind) {
            (Value::Complex(re, im), super::types::TypeKind::Num(NumKind::Complex(bits)))
                if b.text.is_none() =>
            {
                Some((C(*re, *im), *bits))
            }
            _ => None,
        },
        _ => None,
    }
}

/// A float verb applied to each part of a complex number, as `fmt`'s
/// `fmtComplex` does: `(` real part, imaginary part with its sign always
/// written, `i)`; `pad` pads each part to the width. `None` for verbs
/// that are not float verbs.
pub fn complex_verb(
    verb: char,
    prec: Option<usize>,
    plus: bool,
    (c, bits): (C, u8),
    pad: &dyn Fn(String) -> String,
) -> Option<String> {
    let pb = complex::part_bits(bits);
    let re = super::num::float_verb(verb, prec, plus, c.0, pb)?;
    let im = super::num::float_verb(verb, prec, true, c.1, pb)?;
    Some(format!("({}{}i)", pad(re), pad(im)))
}

/// A map key's bits for a complex number: `-0` is `+0`; a NaN part keeps
/// its bits (NaN keys never equal, the map module treats them apart).
pub fn key_bits(c: C) -> (u64, u64) {
    let bits = |x: f64| if x == 0.0 { 0 } else { x.to_bits() };
    (bits(c.0), bits(c.1))
}

/// Whether either part is NaN (such a key never matches).
pub fn has_nan(c: C) -> bool {
    c.0.is_nan() || c.1.is_nan()
}
