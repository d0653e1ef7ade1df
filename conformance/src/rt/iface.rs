//! Interfaces, structs and pointers at run time: method lookup for calls
//! through interfaces, field access and stores through pointers, the
//! interface conversions of type assertions, and how the runtime prints
//! such values in a crash report.

use std::fmt;
use std::sync::Arc;

use super::errors::{self, ErrKind};
use super::types::{FieldInfo, RtType, Step, TypeInfo, TypeKind};
use super::value::{Boxed, FieldPtr, Value};
use super::Trap;
use crate::types::complex::C;
use crate::types::num::NumKind;

fn nil_deref() -> Trap {
    Trap::Fault(errors::nil_deref())
}

/// Field `i` of a struct value.
pub fn field(v: &Value, i: u32) -> Result<Value, Trap> {
    match v {
        Value::Struct(fs) => fs
            .get(i as usize)
            .cloned()
            .ok_or(Trap::Bug("no such field")),
        _ => Err(Trap::Bug("field of a non-struct")),
    }
}

/// `*p`.
pub fn load(p: &Value) -> Result<Value, Trap> {
    match p {
        Value::Ptr { obj, at } => Ok(obj.load(*at as usize)),
        Value::FieldPtr(fp) => {
            let mut v = fp.obj.load(fp.at as usize);
            for &i in fp.path.iter() {
                v = field(&v, i)?;
            }
            Ok(v)
        }
        Value::Nil => Err(nil_deref()),
        _ => Err(Trap::Bug("load through a non-pointer")),
    }
}

/// Stores `v` at `path` inside `root` (a struct value, copied on write).
pub fn set_path(root: &mut Value, path: &[u32], v: Value) -> Result<(), Trap> {
    let Some((&first, rest)) = path.split_first() else {
        *root = v;
        return Ok(());
    };
    match root {
        Value::Struct(fs) => match Arc::make_mut(fs).get_mut(first as usize) {
            Some(f) => set_path(f, rest, v),
            None => Err(Trap::Bug("no such field")),
        },
        _ => Err(Trap::Bug("field store into a non-struct")),
    }
}

/// `p.path = v` (an empty path: `*p = v`).
pub fn store(p: &Value, path: &[u32], v: Value) -> Result<(), Trap> {
    let (obj, at, pre): (_, _, &[u32]) = match p {
        Value::Ptr { obj, at } => (obj, *at, &[]),
        Value::FieldPtr(fp) => (&fp.obj, fp.at, &fp.path),
        Value::Nil => return Err(nil_deref()),
        _ => return Err(Trap::Bug("store through a non-pointer")),
    };
    let mut g = obj.lock();
    let Some(slot) = g.get_mut(at as usize) else {
        return Err(Trap::Bug("pointer past its object"));
    };
    let full: Vec<u32> = pre.iter().chain(path).copied().collect();
    set_path(slot, &full, v)
}

/// `&*p`: `p`, unless it is nil (the indirection's nil dereference).
pub fn non_nil(p: &Value) -> Result<Value, Trap> {
    match p {
        Value::Nil => Err(nil_deref()),
        p => Ok(p.clone()),
    }
}

/// `&p.path`: a pointer to a field of what `p` points to.
pub fn field_addr(p: &Value, path: &[u32]) -> Result<Value, Trap> {
    if path.is_empty() {
        return Ok(p.clone());
    }
    let (obj, at, pre): (_, _, &[u32]) = match p {
        Value::Ptr { obj, at } => (obj, *at, &[]),
        Value::FieldPtr(fp) => (&fp.obj, fp.at, &fp.path),
        Value::Nil => return Err(nil_deref()),
        _ => return Err(Trap::Bug("address through a non-pointer")),
    };
    Ok(Value::FieldPtr(Arc::new(FieldPtr {
        obj: obj.clone(),
        at,
        path: pre.iter().chain(path).copied().collect(),
    })))
}

/// The value reached from `v` by `steps` (fields and indirections).
fn walk(v: &Value, steps: &[Step]) -> Result<Value, Trap> {
    let mut cur = v.clone();
    for s in steps {
        cur = match s {
            Step::Field(i) => field(&cur, *i)?,
            Step::Deref => load(&cur)?,
        };
    }
    Ok(cur)
}

/// The receiver reached from `v` by `path`; its address when `ptr_recv`
/// (the holder is then reached through a pointer, which the method set
/// made sure of: the last indirection is not taken, its fields' address
/// is).
pub fn receiver(v: &Value, path: &[Step], ptr_recv: bool) -> Result<Value, Trap> {
    if !ptr_recv {
        return walk(v, path);
    }
    let Some(d) = path.iter().rposition(|s| *s == Step::Deref) else {
        return walk(v, path);
    };
    let ptr = walk(v, &path[..d])?;
    let fields: Vec<u32> = path[d + 1..]
        .iter()
        .filter_map(|s| match s {
            Step::Field(i) => Some(*i),
            Step::Deref => None,
        })
        .collect();
    field_addr(&ptr, &fields)
}

/// The dynamic type's method `name` and the receiver to call it with, for
/// a call through an interface; a nil interface is the nil dereference.
pub fn method_of(v: &Value, name: &str) -> Result<(u32, Value), Trap> {
    match v {
        Value::Iface(b) => {
            let m =
                b.ty.method(name)
                    .ok_or(Trap::Bug("method not in the method set"))?;
            let recv = receiver(&b.val, &m.path, m.ptr_recv)?;
            if m.via_iface {
                // A method promoted from an embedded interface: that
                // interface value's own method.
                return method_of(&recv, name);
            }
            Ok((m.func, recv))
        }
        Value::Nil => Err(nil_deref()),
        _ => Err(Trap::Bug("method call on a value without methods")),
    }
}

/// A method whose receiver is reached through a pointer in the interface
/// value, called by way of a [`super::value::Wrap`]: its path, whether it
/// takes the holder's address, and gc's `panicwrap` text for a nil `*T`.
pub type Deferred = (Vec<Step>, bool, Option<Arc<str>>);

/// Like [`method_of`], for a call (or method value) through an interface:
/// a method whose receiver is reached through a pointer is not followed
/// now — the value in the interface comes back as the receiver, with what
/// following it takes when the call runs ([`wrap_receiver`]).
pub fn method_ref(v: &Value, name: &str) -> Result<(u32, Value, Option<Deferred>), Trap> {
    let Value::Iface(b) = v else {
        return method_of(v, name).map(|(f, r)| (f, r, None));
    };
    let m =
        b.ty.method(name)
            .ok_or(Trap::Bug("method not in the method set"))?;
    if m.via_iface {
        return method_of(v, name).map(|(f, r)| (f, r, None));
    }
    if !m.path.contains(&Step::Deref) {
        return Ok((m.func, receiver(&b.val, &m.path, m.ptr_recv)?, None));
    }
    // gc's wrapper `(*T).M` around `T.M` says which method a nil `*T`
    // called; a promoted method's wrapper just dereferences.
    let nil_text =
        (m.path == [Step::Deref] && !m.ptr_recv).then(|| panicwrap_text(&b.ty.name, name));
    Ok((
        m.func,
        b.val.clone(),
        Some((m.path.clone(), m.ptr_recv, nil_text)),
    ))
}

/// `runtime.panicwrap`'s text for the method `m` of the pointer type
/// named `ptr` (`*main.T`): `value method main.T.M called using nil *T
/// pointer` (a generic type's arguments print as `[...]`).
fn panicwrap_text(ptr: &str, m: &str) -> Arc<str> {
    let full = ptr.trim_start_matches('*');
    let full = match full.find('[') {
        Some(i) => format!("{}[...]", &full[..i]),
        None => full.to_string(),
    };
    let (pkg, typ) = full.split_once('.').unwrap_or(("main", &full));
    Arc::from(format!(
        "value method {pkg}.{typ}.{m} called using nil *{typ} pointer"
    ))
}

/// The receiver a [`super::value::Wrap`] calls its method with, from the
/// value in the interface: gc's `panicwrap` for a nil `*T`, else the nil
/// dereference of the path, else the receiver.
pub fn wrap_receiver(w: &super::value::Wrap, raw: &Value) -> Result<Value, Trap> {
    if let (Some(text), Value::Nil) = (&w.nil_text, raw) {
        return Err(Trap::Panic(errors::error(errors::ErrKind::Plain, &**text)));
    }
    receiver(raw, &w.path, w.ptr_recv)
}

/// Whether the dynamic value `v` has every method of an interface, each
/// with the interface's signature; else the first missing one's name.
fn has_methods(v: &Value, methods: &[(Arc<str>, Arc<str>)]) -> Option<Arc<str>> {
    for (n, sig) in methods {
        let ok = match v {
            Value::Iface(b) => b.ty.method(n).is_some_and(|m| m.sig == *sig),
            Value::Err(e) => {
                (&**n == "Error" && &**sig == "func() string")
                    || (&**n == "RuntimeError" && &**sig == "func()" && e.kind.is_runtime())
            }
            _ => false,
        };
        if !ok {
            return Some(n.clone());
        }
    }
    None
}

/// Checks `v.(to)` for the types of this module (`None`: not one of them);
/// `Err` is the text of the `*runtime.TypeAssertionError`.
pub fn assert(v: &Value, to: &RtType, src: &str) -> Option<Result<(), String>> {
    match to {
        RtType::Concrete(t) => Some(match v {
            Value::Iface(b) if b.ty.id == t.id => Ok(()),
            // The runtime's own error values, as a type of a Go prelude
            // names them (`*runtime.PanicNilError`).
            Value::Err(e) if e.kind.type_name() == &*t.name => Ok(()),
            Value::Nil => Err(errors::assert_concrete_text(src, "nil", &t.name)),
            v => Err(errors::assert_concrete_text(src, &v.type_name(), &t.name)),
        }),
        RtType::Iface(name, methods) => Some(match (v, has_methods(v, methods)) {
            (Value::Nil, _) => Err(errors::assert_nil_text(name)),
            (_, None) => Ok(()),
            (v, Some(m)) => Err(errors::assert_missing_text(&v.type_name(), name, &m)),
        }),
        _ => None,
    }
}

/// The concrete value inside an interface (a boxed one unboxed).
pub fn unbox(v: Value) -> Value {
    match v {
        Value::Iface(b) => b.val.clone(),
        v => v,
    }
}

/// Go's `==` on struct, pointer and interface values of this module
/// (`None`: not one of them); `Err(type)` for an uncomparable type.
pub fn equal(a: &Value, b: &Value) -> Option<Result<bool, String>> {
    Some(match (a, b) {
        (Value::Iface(x), Value::Iface(y)) => {
            if x.ty.id != y.ty.id {
                Ok(false)
            } else if !x.ty.comparable {
                Err(x.ty.name.to_string())
            } else if matches!(x.ty.kind, TypeKind::PointerToArray) {
                // The arrays' storage, as `==` of the static type.
                let id = |v: &Value| super::slice::convert(v, crate::ir::Conv::ArrayPtrIdentity);
                match (id(&x.val), id(&y.val)) {
                    (Ok(p), Ok(q)) => super::ops::equal_values(&p, &q),
                    _ => super::ops::equal_values(&x.val, &y.val),
                }
            } else {
                super::ops::equal_values(&x.val, &y.val)
            }
        }
        (Value::Iface(_), _) | (_, Value::Iface(_)) => Ok(false),
        (Value::Float(x), Value::Float(y)) => Ok(x == y),
        (Value::Complex(a, b), Value::Complex(c, d)) => Ok(a == c && b == d),
        // Field by field, in order, stopping at the first difference: an
        // uncomparable dynamic value panics only if it is reached (gc's
        // generated comparisons keep the fields that can panic in order).
        (Value::Struct(x), Value::Struct(y)) => all_equal(x.iter().zip(y.iter())),
        // Arrays (the checker lets no slice reach `==`).
        (Value::Slice { .. }, Value::Slice { .. }) => {
            let (x, y) = (super::slice::elems(a), super::slice::elems(b));
            if x.len() != y.len() {
                return Some(Ok(false));
            }
            all_equal(x.iter().zip(y.iter()))
        }
        (Value::Ptr { obj: o1, at: a1 }, Value::Ptr { obj: o2, at: a2 }) => {
            Ok(Arc::ptr_eq(o1, o2) && a1 == a2)
        }
        (Value::FieldPtr(x), Value::FieldPtr(y)) => {
            Ok(Arc::ptr_eq(&x.obj, &y.obj) && x.at == y.at && x.path == y.path)
        }
        (Value::Ptr { .. } | Value::FieldPtr(_), _)
        | (_, Value::Ptr { .. } | Value::FieldPtr(_)) => Ok(false),
        _ => return None,
    })
}

/// Whether every pair is equal, comparing in order and stopping at the
/// first unequal pair; `Err(type)` at the first uncomparable one reached.
fn all_equal<'a>(pairs: impl Iterator<Item = (&'a Value, &'a Value)>) -> Result<bool, String> {
    for (p, q) in pairs {
        if !super::ops::equal_values(p, q)? {
            return Ok(false);
        }
    }
    Ok(true)
}

/// How the runtime prints a boxed panic value (`printpanicval`): the text
/// of its `Error`/`String` method if the machine called it, else a
/// declared basic type as `main.T(v)`, else `(T) ADDRESS`.
pub fn print_panic_value(f: &mut fmt::Formatter<'_>, b: &Boxed) -> fmt::Result {
    if let Some(t) = &b.text {
        return f.write_str(&t.text());
    }
    let name = &b.ty.name;
    // A predeclared type's value prints as itself, a declared one's as
    // `main.T(v)`.
    let declared = name.contains('.');
    let num = |f: &mut fmt::Formatter<'_>, s: String| {
        if declared {
            write!(f, "{name}({s})")
        } else {
            f.write_str(&s)
        }
    };
    match (&b.val, &b.ty.kind) {
        (Value::Int(n), TypeKind::Num(k)) => num(f, super::num::fmt_int(*n, *k)),
        (Value::Float(x), TypeKind::Num(_)) => num(f, runtime_float(*x)),
        // A complex number brings its own parentheses: `main.Z(1+2i)`.
        (Value::Complex(re, im), TypeKind::Num(NumKind::Complex(bits))) => {
            let c = super::complex::fmt_complex(C(*re, *im), *bits);
            if declared {
                write!(f, "{name}{c}")
            } else {
                f.write_str(&c)
            }
        }
        (Value::Int(n), TypeKind::Other) => write!(f, "{name}({n})"),
        (Value::Bool(x), TypeKind::Other) => write!(f, "{name}({x})"),
        (Value::Str(s), TypeKind::Other) => write!(f, "{name}(\"{}\")", s.text()),
        _ => write!(f, "({name}) 0xc000012000"),
    }
}

/// A value boxed with its dynamic type.
pub fn boxed(ty: &Arc<TypeInfo>, val: Value) -> Value {
    match val {
        // Already an interface value (a conversion between interfaces).
        v @ (Value::Iface(_) | Value::Err(_)) => v,
        val => Value::Iface(Arc::new(Boxed {
            ty: ty.clone(),
            val,
            text: None,
            panic: None,
        })),
    }
}

impl PartialEq for TypeInfo {
    fn eq(&self, o: &Self) -> bool {
        self.id == o.id
    }
}
impl Eq for TypeInfo {}

/// `%v` (`%+v` with `plus`) of a struct, pointer or boxed value, as `fmt`
/// prints it: `{1 2}`, `&{1 2}` for a pointer to a struct at the top, an
/// address below it, the method's text for an error or a Stringer.
pub fn fmt_composite(v: &Value, plus: bool, top: bool) -> String {
    match v {
        Value::Iface(b) => {
            if let Some(t) = &b.text {
                return t.text().into_owned();
            }
            if let Some(p) = caught(b, 'v') {
                return p;
            }
            match (&b.ty.kind, &b.val) {
                (TypeKind::Struct(names), Value::Struct(fs)) => fmt_struct(fs, plus, Some(names)),
                (TypeKind::Pointer(Some(names)), p @ (Value::Ptr { .. } | Value::FieldPtr(_)))
                    if top && super::fmt_composite::at_top() =>
                {
                    match load(p).map(|s| super::fmt_shape::pointee_view(&b.ty, s)) {
                        Ok(Value::Struct(fs)) => format!("&{}", fmt_struct(&fs, plus, Some(names))),
                        _ => ADDR.to_string(),
                    }
                }
                (k, p @ (Value::Ptr { .. } | Value::FieldPtr(_)))
                    if k.points_to_elems() && top && super::fmt_composite::at_top() =>
                {
                    match load(p).map(|s| super::fmt_shape::pointee_view(&b.ty, s)) {
                        Ok(to) => format!("&{}", super::format::fmt_v(&to)),
                        _ => ADDR.to_string(),
                    }
                }
                (_, Value::Nil) => "<nil>".into(),
                (TypeKind::Num(k), Value::Int(n)) => super::num::fmt_int(*n, *k),
                (TypeKind::Num(NumKind::Float(b)), Value::Float(x)) => {
                    super::num::fmt_float(*x, *b)
                }
                (TypeKind::Num(NumKind::Complex(b)), Value::Complex(re, im)) => {
                    super::complex::fmt_complex(C(*re, *im), *b)
                }
                (_, v) => super::format::fmt_v(v),
            }
        }
        Value::Struct(fs) => fmt_struct(fs, plus, None),
        Value::Ptr { .. } | Value::FieldPtr(_) => ADDR.to_string(),
        v => v.to_string(),
    }
}

/// The stand-in address `fmt` prints for a pointer (Go prints a real one).
const ADDR: &str = "0xc000010000";

fn fmt_struct(fs: &[Value], plus: bool, names: Option<&Vec<FieldInfo>>) -> String {
    let mut out = String::from("{");
    for (i, f) in fs.iter().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        let info = names.and_then(|n| n.get(i));
        if let (true, Some(n)) = (plus, info) {
            out.push_str(&n.name);
            out.push(':');
        }
        out.push_str(&match f {
            Value::Struct(sub) => fmt_struct(sub, plus, info.and_then(|n| n.sub.as_ref())),
            Value::Ptr { .. } | Value::FieldPtr(_) | Value::Iface(_) => {
                fmt_composite(f, plus, false)
            }
            f => super::format::fmt_v(f),
        });
    }
    out.push('}');
    out
}

/// The method `fmt` calls on a boxed value: `Error`, else `String`.
pub fn show_method(v: &Value) -> Option<&'static str> {
    match v {
        Value::Iface(b) if b.text.is_none() && b.panic.is_none() => {
            if b.ty.method("Error").is_some() {
                Some("Error")
            } else if b.ty.method("String").is_some() {
                Some("String")
            } else {
                None
            }
        }
        _ => None,
    }
}

/// The boxed value `v` with its method's text kept.
pub fn with_text(v: &Value, text: super::value::Str) -> Value {
    match v {
        Value::Iface(b) => Value::Iface(Arc::new(Boxed {
            ty: b.ty.clone(),
            val: b.val.clone(),
            text: Some(text),
            panic: None,
        })),
        v => v.clone(),
    }
}

/// `v` with the panic its `Error`/`String` method raised kept, as the
/// text `fmt` prints after `PANIC=`.
pub fn with_panic(v: &Value, r: &Value) -> Value {
    match v {
        Value::Iface(b) => {
            let m = show_method(v).unwrap_or("String");
            let text = format!("{m} method: {}", super::format::fmt_v(r));
            Value::Iface(Arc::new(Boxed {
                ty: b.ty.clone(),
                val: b.val.clone(),
                text: None,
                panic: Some(super::value::Str::from(text.as_str())),
            }))
        }
        v => v.clone(),
    }
}

/// A float as the runtime's `print` writes it (as `fmt`'s `%v`).
pub fn runtime_float(x: f64) -> String {
    super::num::fmt_float(x, 64)
}

/// `&x[i]` of a slice or an array: a pointer into its backing `Obj`.
pub fn elem_addr(x: &Value, i: &Value) -> Result<Value, Trap> {
    let Value::Int(i) = i else {
        return Err(Trap::Bug("index is not an integer"));
    };
    match x {
        Value::Slice { obj, off, len, .. } => {
            if *i < 0 || *i >= i64::from(*len) {
                return Err(Trap::Panic(errors::error(
                    ErrKind::Bounds,
                    format!("runtime error: index out of range [{i}] with length {len}"),
                )));
            }
            Ok(Value::Ptr {
                obj: obj.clone(),
                at: off + *i as u32,
            })
        }
        _ => Err(Trap::Bug("address of an element of a non-slice")),
    }
}

/// What `fmt` prints for `verb` in the place of a value whose method
/// panicked (Go's `catchPanic`): `<nil>` for a nil pointer receiver, else
/// `%!v(PANIC=String method: boom)`; `None` when it did not panic.
pub fn caught(b: &Boxed, verb: char) -> Option<String> {
    let p = b.panic.as_ref()?;
    if b.ty.kind.is_pointer() && matches!(b.val, Value::Nil) {
        return Some("<nil>".into());
    }
    Some(format!("%!{verb}(PANIC={})", p.text()))
}
