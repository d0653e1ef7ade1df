//! Numbers at run time: [`crate::types::num`]'s arithmetic on values,
//! with Go's run-time errors, and how `fmt` and `print` write floats.

use std::fmt::Write;

use super::errors::{self, ErrKind};
use super::value::Value;
use super::Trap;
use crate::ir::Cmp;
use crate::types::num::{self, NumErr, NumKind, NumOp};

fn int(v: &Value) -> Result<i64, Trap> {
    match v {
        Value::Int(n) => Ok(*n),
        Value::BoxedInt(n) => Ok(**n),
        _ => Err(Trap::Bug("integer operand is not an integer")),
    }
}

fn float(v: &Value) -> Result<f64, Trap> {
    match v {
        Value::Float(x) => Ok(*x),
        _ => Err(Trap::Bug("float operand is not a float")),
    }
}

/// `a op b` on numbers of kind `k`.
pub fn arith(op: NumOp, k: NumKind, a: &Value, b: &Value) -> Result<Value, Trap> {
    match k {
        NumKind::Complex(bits) => super::complex::arith(op, bits, a, b),
        NumKind::Float(bits) => Ok(Value::Float(num::float_op(op, bits, float(a)?, float(b)?))),
        NumKind::Int(ik) => match num::int_op(op, ik, int(a)?, int(b)?) {
            Ok(v) => Ok(Value::Int(v)),
            Err(NumErr::DivideByZero) => Err(Trap::Panic(errors::divide())),
            Err(NumErr::NegativeShift) => Err(Trap::Panic(errors::error(
                ErrKind::Str,
                "runtime error: negative shift amount",
            ))),
        },
    }
}

/// `a op b` comparing numbers of kind `k`.
pub fn compare(op: Cmp, k: NumKind, a: &Value, b: &Value) -> Result<bool, Trap> {
    let ord = match k {
        NumKind::Complex(_) => {
            let eq = super::complex::equal(a, b)?;
            return Ok(if op == Cmp::Eq { eq } else { !eq });
        }
        NumKind::Int(ik) => Some(num::int_cmp(ik, int(a)?, int(b)?)),
        NumKind::Float(_) => float(a)?.partial_cmp(&float(b)?),
    };
    // NaN compares unequal and unordered.
    let Some(ord) = ord else {
        return Ok(op == Cmp::Ne);
    };
    Ok(match op {
        Cmp::Eq => ord.is_eq(),
        Cmp::Ne => ord.is_ne(),
        Cmp::Lt => ord.is_lt(),
        Cmp::Le => ord.is_le(),
        Cmp::Gt => ord.is_gt(),
        Cmp::Ge => ord.is_ge(),
    })
}

/// `-x` (`neg`) or `^x`.
pub fn unary(neg: bool, k: NumKind, x: &Value) -> Result<Value, Trap> {
    match k {
        NumKind::Complex(_) => super::complex::neg(x),
        NumKind::Float(bits) => Ok(Value::Float(num::round(bits, -float(x)?))),
        NumKind::Int(ik) => {
            let v = int(x)?;
            let r = if neg { v.wrapping_neg() } else { !v };
            Ok(Value::Int(num::wrap(ik, r)))
        }
    }
}

/// `T(x)` between numeric kinds.
pub fn convert(x: &Value, from: NumKind, to: NumKind) -> Result<Value, Trap> {
    Ok(match (from, to) {
        (NumKind::Complex(_), _) | (_, NumKind::Complex(_)) => super::complex::convert(x, to)?,
        (NumKind::Int(_), NumKind::Int(t)) => Value::Int(num::wrap(t, int(x)?)),
        (NumKind::Int(f), NumKind::Float(b)) => Value::Float(num::int_to_float(f, int(x)?, b)),
        (NumKind::Float(_), NumKind::Int(t)) => Value::Int(num::float_to_int(float(x)?, t)),
        (NumKind::Float(_), NumKind::Float(b)) => Value::Float(num::round(b, float(x)?)),
    })
}

/// The shortest decimal digits of `x` (as a float of `bits` bits) and its
/// decimal exponent: `x = 0.d1d2... * 10^(exp+1)`.
pub(super) fn shortest(x: f64, bits: u8) -> (String, i32) {
    let s = if bits == 32 {
        format!("{:e}", x as f32)
    } else {
        format!("{x:e}")
    };
    let (mant, exp) = s.split_once('e').unwrap_or((&s, "0"));
    let digits: String = mant.chars().filter(char::is_ascii_digit).collect();
    (digits, exp.parse().unwrap_or(0))
}

/// `%v` of a float, as `fmt` writes it (`strconv.FormatFloat(x, 'g', -1)`:
/// the shortest digits, in `%e` form when the decimal exponent is below -4
/// or at least 6). Go 1.27's `print` writes floats the same way.
pub fn fmt_float(x: f64, bits: u8) -> String {
    if x.is_nan() {
        return "NaN".into();
    }
    if x.is_infinite() {
        return if x > 0.0 { "+Inf" } else { "-Inf" }.into();
    }
    if x == 0.0 {
        return if x.is_sign_negative() { "-0" } else { "0" }.into();
    }
    let sign = if x < 0.0 { "-" } else { "" };
    let (digits, exp) = shortest(x.abs(), bits);
    if !(-4..6).contains(&exp) {
        return sci_digits(sign, &digits, exp, 'e');
    }
    plain_digits(sign, &digits, exp)
}

/// `digits` (`d1d2...`, decimal exponent `exp`) in `%e` form with the
/// shortest mantissa: `d1.d2...e±XX`, `e` being `e` or `E`.
pub(super) fn sci_digits(sign: &str, digits: &str, exp: i32, e: char) -> String {
    let (first, rest) = digits.split_at(1);
    let dot = if rest.is_empty() {
        String::new()
    } else {
        format!(".{rest}")
    };
    let es = if exp < 0 { '-' } else { '+' };
    format!("{sign}{first}{dot}{e}{es}{:02}", exp.abs())
}

/// `digits` (`d1d2...`, decimal exponent `exp`) without an exponent:
/// padded with zeros on the left or right as the exponent says.
pub(super) fn plain_digits(sign: &str, digits: &str, exp: i32) -> String {
    let n = digits.len() as i32;
    if exp >= n - 1 {
        format!("{sign}{digits}{}", "0".repeat((exp - (n - 1)) as usize))
    } else if exp >= 0 {
        let (a, b) = digits.split_at((exp + 1) as usize);
        format!("{sign}{a}.{b}")
    } else {
        format!("{sign}0.{}{digits}", "0".repeat((-exp - 1) as usize))
    }
}

/// `%v` of an integer of kind `k` (an unsigned 64-bit one as unsigned).
pub fn fmt_int(n: i64, k: NumKind) -> String {
    match k {
        NumKind::Int(ik) if !ik.signed() => (n as u64).to_string(),
        _ => n.to_string(),
    }
}

/// A float operand of `fmt` and its size (a boxed `float32` knows it).
pub fn float_of(v: &Value) -> Option<(f64, u8)> {
    match v {
        Value::Float(x) => Some((*x, 64)),
        Value::Iface(b) => match (&b.val, &b.ty.kind) {
            (Value::Float(x), super::types::TypeKind::Num(NumKind::Float(bits)))
                if b.text.is_none() =>
            {
                Some((*x, *bits))
            }
            _ => None,
        },
        _ => None,
    }
}

/// `%v %f %F %e %E %g %G` of a float with precision `prec`; `None` for
/// other verbs.
pub fn float_verb(verb: char, prec: Option<usize>, plus: bool, x: f64, bits: u8) -> Option<String> {
    let s = match verb {
        'v' if prec.is_none() => fmt_float(x, bits),
        'f' | 'F' => special(x).unwrap_or_else(|| format!("{x:.*}", prec.unwrap_or(6))),
        'e' | 'E' => special(x).unwrap_or_else(|| exp_form(x, prec.unwrap_or(6))),
        'g' | 'G' | 'v' => match prec {
            None => fmt_float(x, bits),
            Some(p) => special(x).unwrap_or_else(|| g_form(x, p.max(1))),
        },
        'x' | 'X' => special(x).unwrap_or_else(|| hex_form(x, bits, prec)),
        'b' => special(x).unwrap_or_else(|| binary_form(x, bits)),
        _ => return None,
    };
    // (strconv writes `Inf` and `NaN` so for every verb.)
    let s = if verb.is_ascii_uppercase() && special(x).is_none() {
        s.to_uppercase()
    } else {
        s
    };
    Some(if plus && !s.starts_with('-') && !s.starts_with('+') {
        format!("+{s}")
    } else {
        s
    })
}

/// A finite float's sign, mantissa (with its leading 1 at bit `mbits`
/// when normal) and unbiased binary exponent, as strconv takes it apart;
/// and `mbits`.
fn float_parts(x: f64, bits: u8) -> (bool, u64, i32, u32) {
    let (raw, mbits, ebits, bias) = if bits == 32 {
        (u64::from((x as f32).to_bits()), 23u32, 8u32, -127i32)
    } else {
        (x.to_bits(), 52, 11, -1023)
    };
    let neg = raw >> (mbits + ebits) != 0;
    let mut exp = ((raw >> mbits) & ((1 << ebits) - 1)) as i32;
    let mut mant = raw & ((1u64 << mbits) - 1);
    if exp == 0 {
        exp += 1; // denormal
    } else {
        mant |= 1 << mbits;
    }
    (neg, mant, exp + bias, mbits)
}

/// `%x` of a finite float (strconv's `'x'` format): `-0x1.8p+01`, the
/// fraction's hex digits shortest or rounded to `prec`.
fn hex_form(x: f64, bits: u8, prec: Option<usize>) -> String {
    let (neg, mut mant, mut exp, mbits) = float_parts(x, bits);
    if mant == 0 {
        exp = 0;
    }
    mant <<= 60 - mbits;
    while mant != 0 && mant & (1 << 60) == 0 {
        mant <<= 1;
        exp -= 1;
    }
    if let Some(p) = prec.filter(|&p| p < 15) {
        let shift = (p * 4) as u32;
        let extra = (mant << shift) & ((1 << 60) - 1);
        mant >>= 60 - shift;
        if extra | (mant & 1) > 1 << 59 {
            mant += 1;
        }
        mant <<= 60 - shift;
        if mant & (1 << 61) != 0 {
            mant >>= 1;
            exp += 1;
        }
    }
    let mut out = String::from(if neg { "-0x" } else { "0x" });
    out.push(if (mant >> 60) & 1 == 1 { '1' } else { '0' });
    mant <<= 4;
    let digits = match prec {
        None => usize::MAX,
        Some(p) => p,
    };
    if (prec.is_none() && mant != 0) || digits > 0 && prec.is_some() {
        out.push('.');
        let mut n = 0;
        while n < digits && (prec.is_some() || mant != 0) {
            let _ = write!(out, "{:x}", (mant >> 60) & 15);
            mant <<= 4;
            n += 1;
        }
    }
    let sign = if exp < 0 { '-' } else { '+' };
    let _ = write!(out, "p{sign}{:02}", exp.abs());
    out
}

/// `%b` of a finite float (strconv's `'b'` format): the mantissa in
/// decimal and the binary exponent, `4503599627370496p-52`.
fn binary_form(x: f64, bits: u8) -> String {
    let (neg, mant, exp, mbits) = float_parts(x, bits);
    let e = exp - mbits as i32;
    let sign = if e >= 0 { "+" } else { "" };
    format!("{}{mant}p{sign}{e}", if neg { "-" } else { "" })
}

fn special(x: f64) -> Option<String> {
    if x.is_nan() {
        Some("NaN".into())
    } else if x.is_infinite() {
        Some(if x > 0.0 { "+Inf" } else { "-Inf" }.into())
    } else {
        None
    }
}

/// `%.Ne`: `d.ddddde+XX` (at least two exponent digits).
fn exp_form(x: f64, prec: usize) -> String {
    let s = format!("{x:.prec$e}");
    let (mant, exp) = s.split_once('e').unwrap_or((&s, "0"));
    let e: i32 = exp.parse().unwrap_or(0);
    format!("{mant}e{}{:02}", if e < 0 { '-' } else { '+' }, e.abs())
}

/// `%.Ng`: `N` significant digits, trailing zeros removed, `%e` form when
/// the exponent is below -4 or at least `N`.
fn g_form(x: f64, p: usize) -> String {
    let s = format!("{x:.*e}", p - 1);
    let (mant, exp) = s.split_once('e').unwrap_or((&s, "0"));
    let e: i32 = exp.parse().unwrap_or(0);
    let mant = if mant.contains('.') {
        mant.trim_end_matches('0').trim_end_matches('.')
    } else {
        mant
    };
    if e < -4 || e >= p as i32 {
        return format!("{mant}e{}{:02}", if e < 0 { '-' } else { '+' }, e.abs());
    }
    let digits: String = mant.chars().filter(char::is_ascii_digit).collect();
    let sign = if x < 0.0 { "-" } else { "" };
    let n = digits.len() as i32;
    if e >= n - 1 {
        format!("{sign}{digits}{}", "0".repeat((e - (n - 1)) as usize))
    } else if e >= 0 {
        let (a, b) = digits.split_at((e + 1) as usize);
        format!("{sign}{a}.{b}")
    } else {
        format!("{sign}0.{}{digits}", "0".repeat((-e - 1) as usize))
    }
}
