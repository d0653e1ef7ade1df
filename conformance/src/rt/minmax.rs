//! The built-in functions `min`, `max` (Go 1.21) on values of one ordered
//! type, and `clear` on maps and slices.

use super::value::Value;
use crate::ir::OrdKind;

/// Whether `b` is less than `a` in the order of `kind` (for the floats,
/// `-0` counts as less than `+0`, as Go's `min` and `max` order them).
fn less(kind: OrdKind, b: &Value, a: &Value) -> bool {
    match (kind, b, a) {
        (OrdKind::Signed, Value::Int(x), Value::Int(y)) => x < y,
        (OrdKind::Unsigned, Value::Int(x), Value::Int(y)) => (*x as u64) < (*y as u64),
        (OrdKind::Float, Value::Float(x), Value::Float(y)) => {
            x < y || (*x == 0.0 && *y == 0.0 && x.is_sign_negative() && !y.is_sign_negative())
        }
        (OrdKind::Str, Value::Str(x), Value::Str(y)) => x.as_bytes() < y.as_bytes(),
        _ => false,
    }
}

/// `min(a...)` (or `max` when `max`): the first least (greatest) argument;
/// a NaN among floats makes the result NaN.
pub fn min_max(max: bool, kind: OrdKind, args: &[Value]) -> Value {
    let mut best = match args.first() {
        Some(v) => v.clone(),
        None => return Value::Nil,
    };
    for v in &args[1..] {
        if let Value::Float(x) = &best {
            if x.is_nan() {
                return best;
            }
        }
        if let Value::Float(x) = v {
            if x.is_nan() {
                return v.clone();
            }
        }
        let better = if max {
            less(kind, &best, v)
        } else {
            less(kind, v, &best)
        };
        if better {
            best = v.clone();
        }
    }
    best
}

/// `clear(x)`: a map loses every entry; a slice's elements become `zero`.
pub fn clear(x: &Value, zero: &Value) -> Result<(), super::Trap> {
    match x {
        Value::Map(m) => m.clear(),
        Value::Slice { len, .. } => {
            for i in 0..*len {
                super::slice::set_index(x, &Value::Int(i64::from(i)), zero.clone())?;
            }
        }
        _ => {}
    }
    Ok(())
}
