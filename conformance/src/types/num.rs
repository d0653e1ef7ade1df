//! Go's arithmetic on integers of every size and on floats, as pure
//! functions: the checker folds constants with them, the run time computes
//! with them. An integer of any kind is held in an `i64`: a signed kind
//! sign-extended, an unsigned kind zero-extended (`uint64` as its bits).

use super::table::IntKind;

/// A numeric kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum NumKind {
    /// An integer kind.
    Int(IntKind),
    /// `float32` (32) or `float64` (64).
    Float(u8),
    /// `complex64` (64) or `complex128` (128).
    Complex(u8),
}

/// A binary operator on numbers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NumOp {
    /// `+`
    Add,
    /// `-`
    Sub,
    /// `*`
    Mul,
    /// `/`
    Div,
    /// `%`
    Rem,
    /// `&`
    And,
    /// `|`
    Or,
    /// `^`
    Xor,
    /// `&^`
    AndNot,
    /// `<<`
    Shl,
    /// `>>`
    Shr,
}

/// Why an integer operation has no result.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NumErr {
    /// `x / 0`, `x % 0`.
    DivideByZero,
    /// A negative shift count.
    NegativeShift,
}

/// `v` wrapped to kind `k` (two's complement truncation, then sign or
/// zero extension).
pub fn wrap(k: IntKind, v: i64) -> i64 {
    match (k.bits(), k.signed()) {
        (64, _) => v,
        (b, true) => (v << (64 - b)) >> (64 - b),
        (b, false) => ((v as u64) & ((1u64 << b) - 1)) as i64,
    }
}

/// `a op b` on integers of kind `k` (`b` of a shift is the count, of any
/// integer kind, already checked non-negative by the caller or here).
pub fn int_op(op: NumOp, k: IntKind, a: i64, b: i64) -> Result<i64, NumErr> {
    let unsigned = !k.signed();
    let r = match op {
        NumOp::Add => a.wrapping_add(b),
        NumOp::Sub => a.wrapping_sub(b),
        NumOp::Mul => a.wrapping_mul(b),
        NumOp::Div | NumOp::Rem if b == 0 => return Err(NumErr::DivideByZero),
        NumOp::Div if unsigned => ((a as u64) / (b as u64)) as i64,
        NumOp::Rem if unsigned => ((a as u64) % (b as u64)) as i64,
        NumOp::Div => a.wrapping_div(b),
        NumOp::Rem => a.wrapping_rem(b),
        NumOp::And => a & b,
        NumOp::Or => a | b,
        NumOp::Xor => a ^ b,
        NumOp::AndNot => a & !b,
        NumOp::Shl | NumOp::Shr if b < 0 => return Err(NumErr::NegativeShift),
        NumOp::Shl => {
            if b >= 64 {
                0
            } else {
                a << b
            }
        }
        NumOp::Shr if unsigned => {
            if b >= 64 {
                0
            } else {
                ((a as u64) >> b) as i64
            }
        }
        NumOp::Shr => a >> b.min(63),
    };
    Ok(wrap(k, r))
}

/// `a op b` on floats of `bits` bits (`float32` rounds every result).
pub fn float_op(op: NumOp, bits: u8, a: f64, b: f64) -> f64 {
    let r = match op {
        NumOp::Add => a + b,
        NumOp::Sub => a - b,
        NumOp::Mul => a * b,
        NumOp::Div => a / b,
        _ => f64::NAN,
    };
    round(bits, r)
}

/// `x` rounded to a float of `bits` bits.
pub fn round(bits: u8, x: f64) -> f64 {
    if bits == 32 {
        x as f32 as f64
    } else {
        x
    }
}

/// `a < b` (`Less`...) on integers of kind `k`.
pub fn int_cmp(k: IntKind, a: i64, b: i64) -> std::cmp::Ordering {
    if k.signed() {
        a.cmp(&b)
    } else {
        (a as u64).cmp(&(b as u64))
    }
}

/// An integer of kind `from` as a float of `bits` bits.
pub fn int_to_float(from: IntKind, v: i64, bits: u8) -> f64 {
    let x = if from.signed() {
        v as f64
    } else {
        v as u64 as f64
    };
    round(bits, x)
}

/// A float converted to integer kind `to` (truncated toward zero; Go leaves
/// values out of range implementation-defined: gc's amd64 result).
pub fn float_to_int(x: f64, to: IntKind) -> i64 {
    let v = if to.signed() || x < 0.0 {
        if x.is_nan() || x >= 9.3e18 || x <= -9.3e18 {
            i64::MIN
        } else {
            x as i64
        }
    } else {
        x as u64 as i64
    };
    wrap(to, v)
}
