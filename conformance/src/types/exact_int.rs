//! Exact untyped integer constants.
//!
//! Go evaluates untyped integer constant expressions exactly: `1 << 100 >>
//! 98` is 4, and `1.0 / (1 << 149)` is the smallest `float32` denormal. Go's
//! checker keeps such a constant as a big integer and refuses one whose
//! magnitude needs more than 512 bits (`constant multiplication overflow`,
//! named after the operation that made it). minigo keeps an integer
//! constant beyond `int64` as a `num-bigint` [`BigInt`] (the crate
//! [`super::exact`] already uses for float constants) and applies the same
//! bound with the same names.
//!
//! ```
//! use minigo::types::exact_int::{fold, IntErr};
//! use minigo::types::num::NumOp;
//! use num_bigint::BigInt;
//! let one = BigInt::from(1);
//! let big = fold(NumOp::Shl, &one, &BigInt::from(100)).unwrap();
//! assert_eq!(fold(NumOp::Shr, &big, &BigInt::from(98)), Ok(BigInt::from(4)));
//! let top = fold(NumOp::Shl, &one, &BigInt::from(511)).unwrap();
//! assert_eq!(fold(NumOp::Mul, &top, &BigInt::from(2)), Err(IntErr::Overflow("multiplication")));
//! ```

use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive, Zero};

use super::exact::Rat;
use super::num::NumOp;

/// The most bits an untyped integer constant's magnitude may have (Go's
/// `types2` precision).
pub const PRECISION: u64 = 512;

/// The largest constant shift count Go accepts (`1023 - 1 + 52`: enough to
/// write the smallest `float64` denormal as `1.0 / (1 << 1074)`).
pub const MAX_SHIFT: u64 = 1023 - 1 + 52;

/// Why an operation on integer constants has no result.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IntErr {
    /// `x / 0`, `x % 0`.
    DivByZero,
    /// The result needs more than [`PRECISION`] bits; the operation's name
    /// as Go words it (`addition`, `shift`; empty for `>>` and the rest,
    /// which Go reports as a plain `constant overflow`).
    Overflow(&'static str),
    /// A shift count outside `0..=MAX_SHIFT`.
    ShiftCount,
}

impl IntErr {
    /// Go's message for the error (without the position).
    pub fn message(self) -> String {
        match self {
            IntErr::DivByZero => "invalid operation: division by zero".into(),
            IntErr::Overflow("") => "constant overflow".into(),
            IntErr::Overflow(op) => format!("constant {op} overflow"),
            IntErr::ShiftCount => "invalid shift count".into(),
        }
    }
}

/// Go's name of an operation that can overflow, in its message.
fn op_name(op: NumOp) -> &'static str {
    match op {
        NumOp::Add => "addition",
        NumOp::Sub => "subtraction",
        NumOp::Mul => "multiplication",
        NumOp::Xor => "bitwise XOR",
        NumOp::Shl => "shift",
        _ => "",
    }
}

/// `a op b` on untyped integer constants, exactly, with Go's bound.
pub fn fold(op: NumOp, a: &BigInt, b: &BigInt) -> Result<BigInt, IntErr> {
    let r = match op {
        NumOp::Add => a + b,
        NumOp::Sub => a - b,
        NumOp::Mul => a * b,
        NumOp::Div | NumOp::Rem if b.is_zero() => return Err(IntErr::DivByZero),
        // Truncated division, the remainder with the dividend's sign: Go's.
        NumOp::Div => a / b,
        NumOp::Rem => a % b,
        // Two's complement bitwise operators, as Go defines them on
        // unbounded integers.
        NumOp::And => a & b,
        NumOp::Or => a | b,
        NumOp::Xor => a ^ b,
        NumOp::AndNot => a & !b,
        NumOp::Shl | NumOp::Shr => {
            let n = b
                .to_u64()
                .filter(|&n| n <= MAX_SHIFT)
                .ok_or(IntErr::ShiftCount)?;
            // `>>` of a negative number rounds toward minus infinity.
            if op == NumOp::Shl {
                a << n
            } else {
                a >> n
            }
        }
    };
    bounded(r, op_name(op))
}

/// `-a` or `^a` (the bitwise complement: `-a - 1`), with Go's bound.
pub fn unary(neg: bool, a: &BigInt) -> Result<BigInt, IntErr> {
    if neg {
        bounded(-a, "")
    } else {
        bounded(!a, "bitwise complement")
    }
}

/// `r` when its magnitude fits [`PRECISION`] bits.
pub fn bounded(r: BigInt, op: &'static str) -> Result<BigInt, IntErr> {
    if r.bits() > PRECISION {
        Err(IntErr::Overflow(op))
    } else {
        Ok(r)
    }
}

/// `r` as an integer when it is whole.
pub fn from_rat(r: &Rat) -> Option<BigInt> {
    r.is_integer().then(|| r.to_integer())
}

/// The exact value of `n`, as a rational.
pub fn to_rat(n: &BigInt) -> Rat {
    Rat::from_integer(n.clone())
}

/// `n`'s low 64 bits in two's complement (how an `int64` holds it).
pub fn low_i64(n: &BigInt) -> i64 {
    let low = n.iter_u64_digits().next().unwrap_or(0);
    if n.is_negative() {
        low.wrapping_neg() as i64
    } else {
        low as i64
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn b(n: i128) -> BigInt {
        BigInt::from(n)
    }

    #[test]
    fn gos_integer_rules() {
        assert_eq!(fold(NumOp::Div, &b(-7), &b(2)), Ok(b(-3)));
        assert_eq!(fold(NumOp::Rem, &b(-7), &b(2)), Ok(b(-1)));
        assert_eq!(fold(NumOp::Shr, &b(-7), &b(1)), Ok(b(-4)));
        assert_eq!(fold(NumOp::AndNot, &b(-1), &b(5)), Ok(b(-6)));
        assert_eq!(fold(NumOp::And, &b(-8), &b(13)), Ok(b(8)));
        assert_eq!(unary(false, &b(5)), Ok(b(-6)));
        assert_eq!(fold(NumOp::Rem, &b(1), &b(0)), Err(IntErr::DivByZero));
        assert_eq!(fold(NumOp::Shl, &b(1), &b(1075)), Err(IntErr::ShiftCount));
        assert_eq!(fold(NumOp::Shl, &b(1), &b(-1)), Err(IntErr::ShiftCount));
    }

    #[test]
    fn the_bound_is_512_bits() {
        let top = fold(NumOp::Shl, &b(1), &b(511)).unwrap();
        let max = fold(NumOp::Sub, &(&top * 2), &b(1)).unwrap();
        assert_eq!(
            fold(NumOp::Sub, &-max.clone(), &b(1)),
            Err(IntErr::Overflow("subtraction"))
        );
        assert_eq!(
            fold(NumOp::Add, &max, &b(1)),
            Err(IntErr::Overflow("addition"))
        );
        assert_eq!(
            fold(NumOp::Shl, &b(1), &b(512)),
            Err(IntErr::Overflow("shift"))
        );
        assert_eq!(
            unary(false, &max),
            Err(IntErr::Overflow("bitwise complement"))
        );
    }

    #[test]
    fn low_bits() {
        assert_eq!(low_i64(&b(-1)), -1);
        assert_eq!(low_i64(&b(1 << 64)), 0);
        assert_eq!(low_i64(&b((1 << 64) - 1)), -1);
        assert_eq!(low_i64(&b(-(1 << 63))), i64::MIN);
    }
}
