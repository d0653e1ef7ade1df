//! Exact untyped floating-point constants.
//!
//! Go evaluates untyped constant expressions exactly (`0.1 + 0.2 == 0.3`
//! holds) and rounds only when a constant gets a type. minigo keeps an
//! untyped float constant as a rational of big integers (`num-rational`'s
//! `BigRational`, as Go's `go/constant` uses `big.Rat`) and rounds it to
//! `float64`/`float32` at that point.
//!
//! ```
//! use minigo::types::exact::{parse, to_f64};
//! let (a, b, c) = (parse("0.1").unwrap(), parse("0.2").unwrap(), parse("0.3").unwrap());
//! assert_eq!(&a + &b, c);
//! assert_eq!(to_f64(&c), Some(0.3));
//! assert_eq!(to_f64(&parse("1e400").unwrap()), None);
//! ```

use num_bigint::BigInt;
use num_rational::BigRational;
use num_traits::{One, Signed, ToPrimitive, Zero};

/// An exact rational constant.
pub type Rat = BigRational;

/// The largest decimal or binary exponent a literal may have here (Go's
/// gc refuses far smaller values than the rational can hold; this bound
/// keeps the big integers small).
const MAX_EXP: u32 = 10_000;

/// The exact value of a floating-point literal's text (decimal `1.5e3`
/// or hexadecimal `0x1.8p1`, `_` separators allowed); `None` when it is
/// malformed.
pub fn parse(text: &str) -> Option<Rat> {
    let clean: String = text.chars().filter(|&c| c != '_').collect();
    let lower = clean.to_ascii_lowercase();
    if let Some(h) = lower.strip_prefix("0x") {
        let (mant, exp) = h.split_once('p')?;
        let exp: i64 = exp.parse().ok()?;
        let (int, frac) = mant.split_once('.').unwrap_or((mant, ""));
        if int.is_empty() && frac.is_empty() {
            return None;
        }
        let digits = BigInt::parse_bytes(format!("{int}{frac}").as_bytes(), 16)?;
        let shift = exp.checked_sub(4 * frac.len() as i64)?;
        return scale(digits, 2, shift);
    }
    let (mant, exp) = match lower.split_once('e') {
        Some((m, e)) => (m, e.parse::<i64>().ok()?),
        None => (lower.as_str(), 0),
    };
    let (int, frac) = mant.split_once('.').unwrap_or((mant, ""));
    if int.is_empty() && frac.is_empty() {
        return None;
    }
    if !int.bytes().chain(frac.bytes()).all(|b| b.is_ascii_digit()) {
        return None;
    }
    let digits = BigInt::parse_bytes(format!("0{int}{frac}").as_bytes(), 10)?;
    scale(digits, 10, exp.checked_sub(frac.len() as i64)?)
}

/// The exact value of an imaginary literal's text (`2i`, `1.5e3i`,
/// `0x1p-2i`, `0b101i`; `0123i` is decimal for backward compatibility, as
/// Go defines it), without the `i` factor; `None` when it is malformed.
pub fn parse_imag(text: &str) -> Option<Rat> {
    let body = text.strip_suffix('i')?;
    if body.is_empty() || body.starts_with('_') || body.ends_with('_') || body.contains("__") {
        return None;
    }
    let clean: String = body.chars().filter(|&c| c != '_').collect();
    let lower = clean.to_ascii_lowercase();
    let radix =
        |digits: &str, r: u32| BigInt::parse_bytes(digits.as_bytes(), r).map(Rat::from_integer);
    if let Some(h) = lower.strip_prefix("0x") {
        if !h.contains(['p', '.']) {
            return radix(h, 16);
        }
    } else if let Some(b) = lower.strip_prefix("0b") {
        return radix(b, 2);
    } else if let Some(o) = lower.strip_prefix("0o") {
        return radix(o, 8);
    } else if lower.bytes().all(|b| b.is_ascii_digit()) {
        return radix(&lower, 10);
    }
    parse(&lower)
}

/// `n * base^exp`, exactly.
fn scale(n: BigInt, base: u32, exp: i64) -> Option<Rat> {
    if exp.unsigned_abs() > u64::from(MAX_EXP) {
        return None;
    }
    let p = num_traits::pow(BigInt::from(base), exp.unsigned_abs() as usize);
    Some(if exp >= 0 {
        Rat::from_integer(n * p)
    } else {
        Rat::new(n, p)
    })
}

/// The exact value of a finite `f64`.
pub fn from_f64(x: f64) -> Rat {
    Rat::from_float(x).unwrap_or_else(Rat::zero)
}

/// An integer, exactly.
pub fn from_int(n: i128) -> Rat {
    Rat::from_integer(BigInt::from(n))
}

/// `r` rounded to the nearest `f64`; `None` when it overflows.
pub fn to_f64(r: &Rat) -> Option<f64> {
    let f = r.to_f64()?;
    f.is_finite().then_some(f)
}

/// `r` rounded to `float32` (kept in an `f64`); `None` when it overflows.
pub fn to_f32(r: &Rat) -> Option<f64> {
    // Round once, from the exact value, to float32's precision.
    let f = r.to_f32()?;
    f.is_finite().then_some(f64::from(f))
}

/// `r` as an integer when it is whole.
pub fn to_int(r: &Rat) -> Option<i128> {
    if r.is_integer() {
        r.to_integer().to_i128()
    } else {
        None
    }
}

/// Whether `r` is whole.
pub fn is_whole(r: &Rat) -> bool {
    r.is_integer()
}

/// `r` as Go prints an untyped float constant in messages (`%.6g`:
/// `1.5`, `1e+400`, `0.333333`).
pub fn show(r: &Rat) -> String {
    if r.is_zero() {
        return "0".into();
    }
    let neg = r.is_negative();
    let a = r.abs();
    // The decimal exponent e with 10^e <= a < 10^(e+1).
    let mut e: i64 = a.numer().to_string().len() as i64 - a.denom().to_string().len() as i64;
    let pow = |k: i64| -> Rat {
        let p = Rat::from_integer(num_traits::pow(BigInt::from(10), k.unsigned_abs() as usize));
        if k >= 0 {
            p
        } else {
            Rat::one() / p
        }
    };
    while a < pow(e) {
        e -= 1;
    }
    while a >= pow(e + 1) {
        e += 1;
    }
    // Six significant digits, rounded half to even as big.Float does.
    let m = &a / pow(e - 5);
    let mut digits = m.round().to_integer();
    if digits.to_string().len() > 6 {
        digits /= 10;
        e += 1;
    }
    let s = digits.to_string();
    let s = s.trim_end_matches('0');
    let body = if (-4..6).contains(&e) {
        if e >= 0 {
            let e = e as usize;
            if s.len() > e + 1 {
                format!("{}.{}", &s[..=e], &s[e + 1..])
            } else {
                format!("{s}{}", "0".repeat(e + 1 - s.len()))
            }
        } else {
            format!("0.{}{s}", "0".repeat((-e - 1) as usize))
        }
    } else {
        let frac = if s.len() > 1 {
            format!("{}.{}", &s[..1], &s[1..])
        } else {
            s.to_string()
        };
        let sign = if e < 0 { '-' } else { '+' };
        format!("{frac}e{sign}{:02}", e.abs())
    };
    if neg {
        format!("-{body}")
    } else {
        body
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn literals_are_exact() {
        let third = parse("1.0").unwrap() / parse("3").unwrap();
        assert_eq!(third * from_int(3), from_int(1));
        assert_eq!(parse("0x1.8p1"), Some(from_int(3)));
        assert_eq!(parse("1_000.5"), Some(Rat::new(2001.into(), 2.into())));
        assert_eq!(parse("1e"), None);
    }

    #[test]
    fn rounding_and_printing() {
        assert_eq!(to_f64(&parse("0.1").unwrap()), Some(0.1));
        assert_eq!(to_f32(&parse("0.1").unwrap()), Some(f64::from(0.1f32)));
        assert_eq!(to_f32(&parse("1e39").unwrap()), None);
        assert_eq!(show(&parse("1e400").unwrap()), "1e+400");
        assert_eq!(show(&parse("1.5").unwrap()), "1.5");
        assert_eq!(show(&(from_int(1) / from_int(3))), "0.333333");
        assert_eq!(show(&-parse("0.00001").unwrap()), "-1e-05");
        assert_eq!(show(&parse("123456789").unwrap()), "1.23457e+08");
    }
}
