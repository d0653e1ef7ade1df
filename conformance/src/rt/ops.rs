//! Operators, comparisons, interface conversion and type assertions.

use std::sync::Arc;

use super::errors::{self, ErrKind};
use super::types::RtType;
use super::value::{FuncVal, Str, Value};
use super::Trap;
use crate::ir::{Arith, Cmp};

/// Integer and string arithmetic; division by zero panics.
pub fn arith(op: Arith, a: &Value, b: &Value) -> Result<Value, Trap> {
    match (op, a, b) {
        (Arith::Concat, Value::Str(x), Value::Str(y)) => {
            let mut s = Vec::with_capacity(x.len() + y.len());
            s.extend_from_slice(x.as_bytes());
            s.extend_from_slice(y.as_bytes());
            Ok(Value::Str(Str(Arc::from(s))))
        }
        (Arith::Div | Arith::Rem, Value::Int(_), Value::Int(0)) => {
            Err(Trap::Panic(errors::divide()))
        }
        (op, Value::Int(x), Value::Int(y)) => Ok(Value::Int(match op {
            Arith::Add => x.wrapping_add(*y),
            Arith::Sub => x.wrapping_sub(*y),
            Arith::Mul => x.wrapping_mul(*y),
            Arith::Div => x.wrapping_div(*y),
            Arith::Rem => x.wrapping_rem(*y),
            Arith::Concat => 0,
        })),
        _ => Err(Trap::Bug("arithmetic on mismatched values")),
    }
}

/// `a op b`.
pub fn compare(op: Cmp, a: &Value, b: &Value) -> Result<bool, Trap> {
    let ord = match (a, b) {
        (Value::Int(x), Value::Int(y)) => x.cmp(y),
        (Value::Str(x), Value::Str(y)) => x.as_bytes().cmp(y.as_bytes()),
        _ => {
            let eq = equal(a, b).map_err(|t| Trap::Panic(errors::uncomparable(&t)))?;
            return match op {
                Cmp::Eq => Ok(eq),
                Cmp::Ne => Ok(!eq),
                _ => Err(Trap::Bug("ordering of non-ordered values")),
            };
        }
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

/// Go's interface equality; `Err(type)` for uncomparable dynamic types.
fn equal(a: &Value, b: &Value) -> Result<bool, String> {
    equal_values(a, b)
}

/// Go's `==` on two values of one type (or interface values).
pub fn equal_values(a: &Value, b: &Value) -> Result<bool, String> {
    if let Some(r) = super::iface::equal(a, b) {
        return r;
    }
    Ok(match (&a.concrete(), &b.concrete()) {
        (Value::Nil, Value::Nil) => true,
        (Value::Int(x), Value::Int(y)) => x == y,
        (Value::Bool(x), Value::Bool(y)) => x == y,
        (Value::Str(x), Value::Str(y)) => x == y,
        (Value::Err(x), Value::Err(y)) => {
            x.kind == y.kind
                && match x.kind {
                    // runtime.errorString values compare by text; every
                    // *PanicNilError is the same (zero-size) pointer.
                    ErrKind::Divide | ErrKind::NilDeref | ErrKind::Uncomparable => x.text == y.text,
                    ErrKind::Bounds | ErrKind::Str | ErrKind::Plain => x.text == y.text,
                    ErrKind::PanicNil => true,
                    ErrKind::New | ErrKind::TypeAssert => Arc::ptr_eq(x, y),
                    ErrKind::Wrap | ErrKind::WrapMany | ErrKind::Join => Arc::ptr_eq(x, y),
                }
        }
        (Value::Func(x), Value::Func(y)) if x.sig() == y.sig() => return Err(x.sig().to_string()),
        (Value::Chan(x), Value::Chan(y)) => Arc::ptr_eq(x, y),
        // Arrays (slices never reach ==): element by element.
        (Value::Slice { .. }, Value::Slice { .. }) => {
            let (xs, ys) = (super::slice::elems(a), super::slice::elems(b));
            if xs.len() != ys.len() {
                return Ok(false);
            }
            for (x, y) in xs.iter().zip(&ys) {
                if !equal(x, y)? {
                    return Ok(false);
                }
            }
            true
        }
        _ => false,
    })
}

/// `x == nil` for an interface or a func.
pub fn is_nil(v: &Value) -> bool {
    matches!(v, Value::Nil | Value::Func(FuncVal::Nil(_)))
}

/// An integer or string converted to an interface at run time: a new
/// identity, as gc's `convT64`/`convTstring` allocate (small integers,
/// empty strings and constants' data are gc's static data: no new one).
pub fn to_iface(v: Value, is_literal: impl Fn(&Str) -> bool) -> Value {
    match v {
        Value::Int(n) if !(0..256).contains(&n) => Value::BoxedInt(Arc::new(n)),
        Value::Str(s) if !s.is_empty() && !is_literal(&s) => Value::Str(s.copied()),
        v => v,
    }
}

/// Checks `v.(to)` where `v` has static interface type `src`; `Err` is
/// the run-time error text.
pub fn assert(v: &Value, to: &RtType, src: &RtType) -> Result<(), String> {
    let src_name = match src {
        RtType::Error => "error".to_string(),
        RtType::Any => "interface {}".to_string(),
        s => s.to_string(),
    };
    if let Some(r) = super::iface::assert(v, to, &src_name) {
        return r;
    }
    let ok = match to {
        RtType::Int => matches!(v, Value::Int(_) | Value::BoxedInt(_)),
        RtType::Str => matches!(v, Value::Str(_)),
        RtType::Bool => matches!(v, Value::Bool(_)),
        RtType::Error => {
            matches!(v, Value::Err(_))
                || matches!(v, Value::Iface(b) if b.ty.method("Error").is_some())
        }
        RtType::Any => !v.is_nil(),
        RtType::Func(ft) => matches!(v, Value::Func(f) if f.sig() == ft.as_str()),
        RtType::Concrete(_) | RtType::Iface(..) => false,
    };
    if ok {
        return Ok(());
    }
    let to_name = to.to_string();
    if to.is_interface() {
        return Err(if v.is_nil() {
            errors::assert_nil_text(&to_name)
        } else {
            errors::assert_missing_text(&v.type_name(), &to_name, "Error")
        });
    }
    Err(errors::assert_concrete_text(
        &src_name,
        &v.type_name(),
        &to_name,
    ))
}
