//! The run-time types of the image: a [`TypeInfo`] per type whose values
//! are converted to interfaces, with its method set for dynamic calls; and
//! the compiled `Error` method of the runtime's own error values.

use crate::fastmap::FastMap;
use std::sync::Arc;

use super::image::Ctx;
use crate::code::{Loc, Op, Proto};
use crate::rt::fmt_shape::Shape;
use crate::rt::types::{FieldInfo, MethodEntry, TypeInfo, TypeKind};
use crate::rt::Value;
use crate::types::named::{Found, Step};
use crate::types::Type;

/// The interned run-time types.
#[derive(Default)]
pub(super) struct Types {
    list: Vec<Arc<TypeInfo>>,
    by_name: FastMap<String, u32>,
}

impl Types {
    /// The index of `t`'s run-time type (made the first time).
    pub(super) fn intern(&mut self, t: &Type) -> u32 {
        // Keyed by identity (a local type named like a package-level one is
        // another type), named as Go prints it.
        let key = format!("{t:?}");
        if let Some(&i) = self.by_name.get(&key) {
            return i;
        }
        let name = t.to_string();
        // (The leaf types a shape names are interned first.)
        let shape = match self.shape(t, 0) {
            Shape::Keep => None,
            s => Some(s),
        };
        let id = self.list.len() as u32;
        self.list.push(Arc::new(TypeInfo {
            id,
            name: Arc::from(name.as_str()),
            kind: kind(t),
            methods: method_set(t),
            comparable: t.comparable(),
            shape,
        }));
        self.by_name.insert(key, id);
        id
    }

    /// Where values of `t` hold numbers whose `Value` does not say how
    /// `fmt` writes them (`rt/fmt_shape.rs`): `float32`, `complex64` and
    /// 64-bit unsigned integers without methods, in slices, arrays, maps
    /// and struct fields (not behind pointers; 8 levels deep at most).
    fn shape(&mut self, t: &Type, depth: u32) -> Shape {
        if depth > 8 {
            return Shape::Keep;
        }
        let under = t.underlying();
        let inner = |s: &mut Self, e: &Type| s.shape(e, depth + 1);
        match &under {
            Type::Pointer(e) if depth == 0 => match inner(self, e) {
                Shape::Keep => Shape::Keep,
                s => Shape::Pointee(Box::new(s)),
            },
            Type::Slice(e) | Type::Array(_, e) => match inner(self, e) {
                Shape::Keep => Shape::Keep,
                s => Shape::Elems(Box::new(s)),
            },
            Type::Map(k, v) => match (inner(self, k), inner(self, v)) {
                (Shape::Keep, Shape::Keep) => Shape::Keep,
                (k, v) => Shape::Map(Box::new(k), Box::new(v)),
            },
            Type::Struct(fs) => {
                let shapes: Vec<Shape> = fs.iter().map(|f| inner(self, &f.ty)).collect();
                if shapes.iter().all(|s| matches!(s, Shape::Keep)) {
                    Shape::Keep
                } else {
                    Shape::Fields(shapes)
                }
            }
            _ if depth > 0 && needs_box(t) => {
                let id = self.intern(t);
                Shape::Leaf(self.get(id))
            }
            _ => Shape::Keep,
        }
    }

    /// The type at `i`.
    pub(super) fn get(&self, i: u32) -> Arc<TypeInfo> {
        self.list[i as usize].clone()
    }

    pub(super) fn into_vec(self) -> Vec<Arc<TypeInfo>> {
        self.list
    }
}

/// Whether a number of type `t` must be boxed for `fmt` to write it: its
/// `Value` reads as another type's (`float32`, `complex64`, a 64-bit
/// unsigned integer) and it has no methods (those `fmt` calls).
fn needs_box(t: &Type) -> bool {
    use crate::types::num::NumKind;
    use crate::types::table::IntKind;
    let lossy = match crate::checker::num_kind(t) {
        Some(NumKind::Float(32) | NumKind::Complex(64)) => true,
        Some(NumKind::Int(k)) => matches!(k, IntKind::Uint | IntKind::U64 | IntKind::Uintptr),
        _ => false,
    };
    lossy && method_set(t).is_empty()
}

fn field_names(t: &Type) -> Option<Vec<FieldInfo>> {
    match t.underlying() {
        Type::Struct(fs) => Some(
            fs.iter()
                .map(|f| FieldInfo {
                    name: Arc::from(&*f.name),
                    sub: field_names(&f.ty),
                })
                .collect(),
        ),
        _ => None,
    }
}

fn kind(t: &Type) -> TypeKind {
    if let Some(names) = field_names(t) {
        return TypeKind::Struct(names);
    }
    if let Some(k) = crate::checker::num_kind(t) {
        return TypeKind::Num(k);
    }
    match t.underlying() {
        Type::Pointer(e) if matches!(e.underlying(), Type::Array(..)) => TypeKind::PointerToArray,
        Type::Pointer(e) if matches!(e.underlying(), Type::Slice(_) | Type::Map(..)) => {
            TypeKind::PointerToElems
        }
        Type::Pointer(e) => TypeKind::Pointer(field_names(&e)),
        _ => TypeKind::Other,
    }
}

/// The names of the methods declared on `t` and on the types embedded in
/// it, at any depth.
fn candidate_names(t: &Type, depth: u32, out: &mut Vec<Arc<str>>) {
    if depth > 8 {
        return;
    }
    let t = match t {
        Type::Pointer(e) => (**e).clone(),
        t => t.clone(),
    };
    if let Type::Named(n) = &t {
        for m in n.methods.borrow().iter() {
            out.push(Arc::from(&*m.name));
        }
    }
    if let Type::Struct(fs) = t.underlying() {
        for f in fs.iter().filter(|f| f.embedded) {
            candidate_names(&f.ty, depth + 1, out);
        }
    }
    for m in t.iface_methods().unwrap_or_default() {
        out.push(Arc::from(&*m.name));
    }
}

/// `t`'s method set, sorted by name (a value's: value-receiver methods,
/// and those reached through embedded pointers; a pointer's: all).
fn method_set(t: &Type) -> Vec<MethodEntry> {
    if t.is_interface() {
        return Vec::new();
    }
    let mut names = Vec::new();
    candidate_names(t, 0, &mut names);
    names.sort();
    names.dedup();
    let mut out = Vec::new();
    for n in names {
        let Some((sel, true)) = t.method(&n) else {
            continue;
        };
        let sig: Arc<str> = crate::types::named::method_sig(&sel)
            .map_or_else(|| Arc::from(""), |s| Arc::from(s.to_string()));
        if let Found::IfaceMethod(..) = &sel.found {
            out.push(MethodEntry {
                name: n.clone(),
                func: 0,
                path: sel.path.clone(),
                ptr_recv: false,
                via_iface: true,
                sig,
            });
            continue;
        }
        if let Found::Method(_, m) = &sel.found {
            let mut path = sel.path.clone();
            // A value-receiver method reached through a pointer is called
            // with the pointee.
            if !m.ptr_recv && matches!(t, Type::Pointer(_)) && path.first() != Some(&Step::Deref) {
                path.insert(0, Step::Deref);
            }
            out.push(MethodEntry {
                name: n,
                func: m.func,
                path,
                ptr_recv: m.ptr_recv,
                via_iface: false,
                sig,
            });
        }
    }
    out
}

/// The `Error` method of the runtime's own error values (and of
/// `errors.New`'s): its receiver's text.
pub(super) fn error_method(cx: &mut Ctx) -> Proto {
    let sig = cx.sig_name(&crate::types::FuncType {
        params: Vec::new(),
        results: vec![Type::Str],
        variadic: false,
    });
    Proto {
        index: 0,
        name: Arc::from("runtime.errorString.Error"),
        sig,
        open: false,
        wrapper: false,
        captures: Vec::new(),
        ops: vec![Op::ErrorText { dst: 1, x: 0 }, Op::Return],
        consts: vec![Value::str("")],
        builtins: Vec::new(),
        asserts: Vec::new(),
        lits: Vec::new(),
        nregs: 2,
        defers: 0,
        ncells: 0,
        cell_of: vec![None, None],
        params: vec![Loc::Reg(0)],
        results: vec![(Loc::Reg(1), 0)],
        paths: Vec::new(),
        names: Vec::new(),
        lines: Vec::new(),
    }
}
