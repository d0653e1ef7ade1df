//! `fmt` of slices, arrays and maps: `[e1 e2]`, `map[k1:v1 k2:v2]` with
//! the keys sorted as `fmt` sorts them; each element formatted with the
//! operand's verb and flags.

use std::sync::Arc;

use super::slice;
use super::types::TypeInfo;
use super::value::{Boxed, Value};

/// The text of a slice, array or map, each element (and key) by `one`.
pub fn each(v: &Value, one: &dyn Fn(&Value) -> String) -> String {
    match v {
        Value::Map(m) => {
            let mut es = m.entries();
            es.sort_by(|a, b| key_order(&a.0, &b.0, None));
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

/// The text of a slice, array or map whose type's parts are `parts`
/// (`TypeInfo::parts`): each element (and key) boxed with its own type
/// when `fmt` shows it by type (a `uint64` above `int64`'s range, a
/// `float32`, a struct's field names under `%+v`, at any depth), then
/// formatted by `one`.
pub fn each_typed(
    v: &Value,
    parts: &[Option<Arc<TypeInfo>>],
    one: &dyn Fn(&Value) -> String,
) -> String {
    let (key, elem) = match (v, parts) {
        (Value::Map(_), [k, e]) => (k.as_ref(), e.as_ref()),
        (_, [e]) => (e.as_ref(), e.as_ref()),
        _ => (None, None),
    };
    match v {
        Value::Map(m) => {
            let mut es = m.entries();
            es.sort_by(|a, b| key_order(&a.0, &b.0, key));
            let parts: Vec<String> = es
                .iter()
                .map(|(k, v)| format!("{}:{}", one(&typed(k, key)), one(&typed(v, elem))))
                .collect();
            format!("map[{}]", parts.join(" "))
        }
        _ => {
            let parts: Vec<String> = slice::elems(v)
                .iter()
                .map(|e| one(&typed(e, elem)))
                .collect();
            format!("[{}]", parts.join(" "))
        }
    }
}

/// `v` boxed with the part type `t` (a value already in an interface, or
/// a part shown by its value, as it is).
pub fn typed(v: &Value, t: Option<&Arc<TypeInfo>>) -> Value {
    match (v, t) {
        (Value::Iface(_) | Value::Nil, _) | (_, None) => v.clone(),
        (v, Some(t)) => Value::Iface(Arc::new(Boxed {
            ty: t.clone(),
            val: v.clone(),
            text: None,
            panic: None,
        })),
    }
}

/// `fmt`'s order of map keys (internal/fmtsort): numbers by value,
/// strings by bytes, false before true, nil first.
/// (`key` is the keys' type: unsigned keys compare as unsigned.)
fn key_order(a: &Value, b: &Value, key: Option<&Arc<TypeInfo>>) -> std::cmp::Ordering {
    use super::types::TypeKind;
    use crate::types::num::NumKind;
    let unsigned =
        matches!(key.map(|k| &k.kind), Some(TypeKind::Num(NumKind::Int(k))) if !k.signed());
    let a = a.concrete();
    let b = b.concrete();
    match (&a, &b) {
        (Value::Int(x), Value::Int(y)) if unsigned => (*x as u64).cmp(&(*y as u64)),
        (Value::Int(x), Value::Int(y)) => x.cmp(y),
        (Value::Float(x), Value::Float(y)) => x.total_cmp(y),
        (Value::Str(x), Value::Str(y)) => x.as_bytes().cmp(y.as_bytes()),
        (Value::Bool(x), Value::Bool(y)) => x.cmp(y),
        (Value::Nil, Value::Nil) => std::cmp::Ordering::Equal,
        (Value::Nil, _) => std::cmp::Ordering::Less,
        (_, Value::Nil) => std::cmp::Ordering::Greater,
        _ => std::cmp::Ordering::Equal,
    }
}
