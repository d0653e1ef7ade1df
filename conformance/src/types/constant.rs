//! Constant values, checked as Go checks them at compile time.
//!
//! Integers are exact in `i128` (Go's untyped integer constants are
//! arbitrary-precision; gc keeps at least 256 bits, so an intermediate
//! result beyond `i128`, such as `1 << 100`, is reported as an overflow here
//! where Go would accept it — a documented limit). Floats are `f64`
//! (Go's untyped float constants are exact rationals; `f64` rounds
//! intermediate results, which programs around defer do not observe).
//!
//! ```
//! use minigo::types::constant::{binary, representable, Const};
//! use minigo::types::table::{IntKind, TypeTable};
//! use minigo::ast::BinOp;
//! let t = TypeTable::new();
//! let c = binary(BinOp::Shl, &Const::Int(1), &Const::Int(62)).unwrap();
//! assert!(representable(&t, &c, t.int(IntKind::Int)).is_ok());
//! assert!(representable(&t, &Const::Int(256), t.int(IntKind::U8)).is_err());
//! ```

use std::rc::Rc;

use super::table::{Ty, TyKind, TypeTable};
use crate::ast::BinOp;

/// A constant value.
#[derive(Debug, Clone, PartialEq)]
pub enum Const {
    /// A boolean.
    Bool(bool),
    /// An integer (also a rune).
    Int(i128),
    /// A floating-point number.
    Float(f64),
    /// A string.
    Str(Rc<str>),
}

/// Why a constant operation or conversion fails, worded as Go's message
/// tail (`overflows`, `truncated`, `division by zero`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ConstError {
    /// The value does not fit the type (`cannot use 256 ... (overflows)`).
    Overflows,
    /// A float with a fraction where an integer is needed (`truncated`).
    Truncated,
    /// `x / 0`
    DivByZero,
    /// The operator is not defined on these constants.
    BadOperands,
    /// An intermediate result beyond minigo's `i128`.
    TooLarge,
}

impl Const {
    /// The value as a float (integers convert exactly when they can).
    pub fn as_f64(&self) -> Option<f64> {
        match self {
            Const::Int(i) => Some(*i as f64),
            Const::Float(f) => Some(*f),
            _ => None,
        }
    }
}

/// `a op b` on two constants. Integers stay integers (`/` truncates, as
/// for untyped integer constants); an integer with a float is a float.
pub fn binary(op: BinOp, a: &Const, b: &Const) -> Result<Const, ConstError> {
    use Const::*;
    match (a, b) {
        (Int(x), Int(y)) => int_op(op, *x, *y),
        (Int(_) | Float(_), Int(_) | Float(_)) => {
            let (x, y) = (a.as_f64().unwrap_or(0.0), b.as_f64().unwrap_or(0.0));
            float_op(op, x, y)
        }
        (Str(x), Str(y)) => match op {
            BinOp::Add => Ok(Str(format!("{x}{y}").into())),
            _ => compare(op, x.cmp(y)),
        },
        (Bool(x), Bool(y)) => match op {
            BinOp::AndAnd => Ok(Bool(*x && *y)),
            BinOp::OrOr => Ok(Bool(*x || *y)),
            BinOp::Eq => Ok(Bool(x == y)),
            BinOp::Ne => Ok(Bool(x != y)),
            _ => Err(ConstError::BadOperands),
        },
        _ => Err(ConstError::BadOperands),
    }
}

fn compare(op: BinOp, o: std::cmp::Ordering) -> Result<Const, ConstError> {
    use std::cmp::Ordering::*;
    let r = match op {
        BinOp::Eq => o == Equal,
        BinOp::Ne => o != Equal,
        BinOp::Lt => o == Less,
        BinOp::Le => o != Greater,
        BinOp::Gt => o == Greater,
        BinOp::Ge => o != Less,
        _ => return Err(ConstError::BadOperands),
    };
    Ok(Const::Bool(r))
}

fn int_op(op: BinOp, x: i128, y: i128) -> Result<Const, ConstError> {
    let big = ConstError::TooLarge;
    let v = match op {
        BinOp::Add => x.checked_add(y).ok_or(big)?,
        BinOp::Sub => x.checked_sub(y).ok_or(big)?,
        BinOp::Mul => x.checked_mul(y).ok_or(big)?,
        BinOp::Div | BinOp::Rem if y == 0 => return Err(ConstError::DivByZero),
        BinOp::Div => x / y,
        BinOp::Rem => x % y,
        BinOp::And => x & y,
        BinOp::Or => x | y,
        BinOp::Xor => x ^ y,
        BinOp::AndNot => x & !y,
        BinOp::Shl | BinOp::Shr if y < 0 => return Err(ConstError::BadOperands),
        BinOp::Shl => {
            let s = u32::try_from(y).map_err(|_| ConstError::TooLarge)?;
            if s >= 127 || (x != 0 && x.unsigned_abs().leading_zeros() <= s + 1) {
                if x == 0 {
                    0
                } else {
                    return Err(big);
                }
            } else {
                x << s
            }
        }
        BinOp::Shr => x >> y.min(127),
        _ => return compare(op, x.cmp(&y)),
    };
    Ok(Const::Int(v))
}

fn float_op(op: BinOp, x: f64, y: f64) -> Result<Const, ConstError> {
    let v = match op {
        BinOp::Add => x + y,
        BinOp::Sub => x - y,
        BinOp::Mul => x * y,
        BinOp::Div if y == 0.0 => return Err(ConstError::DivByZero),
        BinOp::Div => x / y,
        _ => {
            return match x.partial_cmp(&y) {
                Some(o) => compare(op, o),
                None => Err(ConstError::BadOperands),
            }
        }
    };
    if v.is_finite() {
        Ok(Const::Float(v))
    } else {
        Err(ConstError::Overflows)
    }
}

/// The constant `c` as a value of type `t`, if it is representable
/// (Go's rule: integers within the kind's range, floats that are whole
/// for integer types, floats within range, rounded, for `float32`).
pub fn representable(table: &TypeTable, c: &Const, t: Ty) -> Result<Const, ConstError> {
    match (c, table.kind(table.underlying(t))) {
        (Const::Int(i), TyKind::Int(k)) => {
            let (lo, hi) = k.range();
            if (lo..=hi).contains(i) {
                Ok(c.clone())
            } else {
                Err(ConstError::Overflows)
            }
        }
        (Const::Float(f), TyKind::Int(_)) => {
            if f.fract() != 0.0 {
                return Err(ConstError::Truncated);
            }
            representable(table, &Const::Int(*f as i128), t)
        }
        (Const::Int(_) | Const::Float(_), TyKind::Float(bits)) => {
            let f = c.as_f64().unwrap_or(0.0);
            let r = if *bits == 32 { f64::from(f as f32) } else { f };
            if r.is_finite() {
                Ok(Const::Float(r))
            } else {
                Err(ConstError::Overflows)
            }
        }
        (Const::Bool(_), TyKind::Bool) | (Const::Str(_), TyKind::String) => Ok(c.clone()),
        (_, TyKind::Interface(ms)) if ms.is_empty() => Ok(c.clone()),
        _ => Err(ConstError::BadOperands),
    }
}
