//! `fmt` of slices, arrays and maps: `[e1 e2]`, `map[k1:v1 k2:v2]` with
//! the keys sorted as `fmt` sorts them; each element formatted with the
//! operand's verb and flags.

use super::slice;
use super::value::Value;

thread_local! {
    /// How many slices, arrays and maps [`each`] is inside on this thread.
    static DEPTH: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
}

/// Whether the value being formatted is an operand itself, not an element
/// of one: `fmt` writes a pointer to a struct, array, slice or map as `&`
/// and the value only there, and an address below (`printValue`'s depth).
pub fn at_top() -> bool {
    DEPTH.with(|d| d.get() == 0)
}

/// The text of a slice, array or map, each element (and key) by `one`.
pub fn each(v: &Value, one: &dyn Fn(&Value) -> String) -> String {
    DEPTH.with(|d| d.set(d.get() + 1));
    let text = each_at_depth(v, one);
    DEPTH.with(|d| d.set(d.get() - 1));
    text
}

fn each_at_depth(v: &Value, one: &dyn Fn(&Value) -> String) -> String {
    match v {
        Value::Map(m) => {
            let mut es = m.entries();
            es.sort_by(|a, b| key_order(&a.0, &b.0));
            let parts: Vec<String> = es
                .iter()
                .map(|(k, v)| format!("{}:{}", one(k), one(v)))
                .collect();
            format!("map[{}]", parts.join(" "))
        }
        _ => {
            let parts: Vec<String> = slice::elems(v).iter().map(one).collect();
            format!("[{}]", parts.join(" "))
        }
    }
}

/// fmtsort's order of floats: a NaN first (NaNs among themselves equal,
/// which keeps the order total), `-0` equal to `+0`.
fn float_order(a: f64, b: f64) -> std::cmp::Ordering {
    use std::cmp::Ordering::*;
    if a.is_nan() && b.is_nan() {
        Equal
    } else if a.is_nan() {
        Less
    } else if b.is_nan() {
        Greater
    } else {
        a.partial_cmp(&b).unwrap_or(Equal)
    }
}

/// `fmt`'s order of map keys (internal/fmtsort): numbers by value
/// (complex ones by real, then imaginary part),
/// strings by bytes, false before true, nil first.
fn key_order(a: &Value, b: &Value) -> std::cmp::Ordering {
    if let (Some(x), Some(y)) = (super::fmt_shape::unsigned(a), super::fmt_shape::unsigned(b)) {
        return x.cmp(&y);
    }
    let a = super::fmt_shape::unboxed(a);
    let b = super::fmt_shape::unboxed(b);
    match (&a, &b) {
        (Value::Int(x), Value::Int(y)) => x.cmp(y),
        (Value::Float(x), Value::Float(y)) => float_order(*x, *y),
        // Complex numbers by real part, then imaginary part.
        (Value::Complex(a, b), Value::Complex(c, d)) => {
            float_order(*a, *c).then(float_order(*b, *d))
        }
        (Value::Str(x), Value::Str(y)) => x.as_bytes().cmp(y.as_bytes()),
        (Value::Bool(x), Value::Bool(y)) => x.cmp(y),
        (Value::Nil, Value::Nil) => std::cmp::Ordering::Equal,
        (Value::Nil, _) => std::cmp::Ordering::Less,
        (_, Value::Nil) => std::cmp::Ordering::Greater,
        _ => std::cmp::Ordering::Equal,
    }
}
