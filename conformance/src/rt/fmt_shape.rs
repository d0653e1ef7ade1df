//! `fmt` of composite values that hold numbers whose [`Value`] does not
//! say how to write them: a `float32` or `complex64` (held in `f64`s,
//! written with `float32`'s shortest digits) and a 64-bit unsigned integer
//! (held as its bits). A boxed number knows its type; an element of a
//! slice, array or map, or a field of a struct, does not. A type whose
//! values hold such numbers has a [`Shape`], and `fmt` formats a view of
//! the value in which each of them is boxed with its type.

use std::sync::Arc;

use super::types::{TypeInfo, TypeKind};
use super::value::{Boxed, Obj, Value};

/// Where a type's values hold numbers to box for `fmt`.
#[derive(Debug)]
pub enum Shape {
    /// Nothing to box here.
    Keep,
    /// A number of this type: boxed with it.
    Leaf(Arc<TypeInfo>),
    /// The elements of a slice or an array.
    Elems(Box<Shape>),
    /// A map's keys and values.
    Map(Box<Shape>, Box<Shape>),
    /// A struct's fields, in order.
    Fields(Vec<Shape>),
    /// What a pointer points to (`fmt` writes `&{...}` for a pointer to a
    /// struct at the top).
    Pointee(Box<Shape>),
}

/// `v` with its numbers boxed for `fmt`, when it is a boxed value whose
/// type has a [`Shape`]; `None` otherwise (the common case: no copy).
pub fn typed_view(v: &Value) -> Option<Value> {
    let Value::Iface(b) = v else { return None };
    let shape = b.ty.shape.as_ref()?;
    if matches!(shape, Shape::Pointee(_)) {
        return None;
    }
    if b.text.is_some() || b.panic.is_some() {
        return None;
    }
    Some(Value::Iface(Arc::new(Boxed {
        ty: b.ty.clone(),
        val: retag(&b.val, shape),
        text: None,
        panic: None,
    })))
}

/// The value a pointer of type `ty` points to, `v`, with its numbers boxed
/// for `fmt`.
pub fn pointee_view(ty: &TypeInfo, v: Value) -> Value {
    match &ty.shape {
        Some(Shape::Pointee(s)) => retag(&v, s),
        _ => v,
    }
}

/// A copy of `v` with the numbers `shape` names boxed.
fn retag(v: &Value, shape: &Shape) -> Value {
    match (shape, v) {
        (Shape::Leaf(ty), Value::Int(_) | Value::Float(_) | Value::Complex(..)) => {
            Value::Iface(Arc::new(Boxed {
                ty: ty.clone(),
                val: v.clone(),
                text: None,
                panic: None,
            }))
        }
        (Shape::Elems(s), Value::Slice { len, .. }) if *len > 0 => {
            let es: Vec<Value> = super::slice::elems(v).iter().map(|e| retag(e, s)).collect();
            let n = es.len() as u32;
            Value::Slice {
                obj: Arc::new(Obj::new(es.into_boxed_slice())),
                off: 0,
                len: n,
                cap: n,
            }
        }
        (Shape::Map(ks, vs), Value::Map(m)) if !m.is_empty() => {
            let out = super::map::new_map();
            for (k, e) in m.entries() {
                // (Keys of a map are hashable: this cannot fail.)
                let _ = super::map::set(&out, retag(&k, ks), retag(&e, vs));
            }
            out
        }
        (Shape::Fields(fs), Value::Struct(vals)) => Value::Struct(Arc::new(
            vals.iter()
                .zip(fs.iter().chain(std::iter::repeat(&Shape::Keep)))
                .map(|(x, s)| retag(x, s))
                .collect(),
        )),
        _ => v.clone(),
    }
}

/// A boxed unsigned integer's value (for ordering map keys).
pub fn unsigned(v: &Value) -> Option<u64> {
    match v {
        Value::Iface(b) => match (&b.ty.kind, &b.val) {
            (TypeKind::Num(crate::types::num::NumKind::Int(k)), Value::Int(n)) if !k.signed() => {
                Some(*n as u64)
            }
            _ => None,
        },
        _ => None,
    }
}

/// A value with an interface box taken off (for ordering map keys).
pub fn unboxed(v: &Value) -> Value {
    match v {
        Value::Iface(b) if matches!(b.ty.kind, TypeKind::Num(_)) && b.ty.methods.is_empty() => {
            b.val.concrete()
        }
        v => v.concrete(),
    }
}
