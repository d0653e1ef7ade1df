//! The run-time types of the image: a [`TypeInfo`] per type whose values
//! are converted to interfaces, with its method set for dynamic calls; and
//! the compiled `Error` method of the runtime's own error values.

use crate::fastmap::FastMap;
use std::sync::Arc;

use super::image::Ctx;
use crate::code::{Loc, Op, Proto};
use crate::rt::types::{FieldInfo, MethodEntry, TypeInfo, TypeKind};
use crate::rt::Value;
use crate::types::named::{Found, Step};
use crate::types::Type;

/// The interned run-time types.
#[derive(Default)]
pub(super) struct Types {
    list: Vec<Arc<TypeInfo>>,
    by_name: FastMap<String, u32>,
    /// The types whose parts are being made (a type met again among its
    /// own parts contains itself).
    making: Vec<String>,
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
        // The parts first (a type that contains itself gets no part there).
        self.making.push(key.clone());
        let parts = part_types(t).iter().map(|p| self.part(p)).collect();
        self.making.pop();
        let name = t.to_string();
        let id = self.list.len() as u32;
        self.list.push(Arc::new(TypeInfo {
            id,
            name: Arc::from(name.as_str()),
            kind: kind(t),
            methods: method_set(t),
            comparable: t.comparable(),
            parts,
        }));
        self.by_name.insert(key, id);
        id
    }

    /// The run-time type of a part `fmt` formats by its type.
    fn part(&mut self, p: &Type) -> Option<Arc<TypeInfo>> {
        let shown_by_type = matches!(
            p.underlying(),
            Type::Slice(_)
                | Type::Array(..)
                | Type::Map(..)
                | Type::Struct(_)
                | Type::IntK(_)
                | Type::Float(_)
        );
        if !shown_by_type || self.making.contains(&format!("{p:?}")) {
            return None;
        }
        let i = self.intern(p);
        Some(self.get(i))
    }

    /// The type at `i`.
    pub(super) fn get(&self, i: u32) -> Arc<TypeInfo> {
        self.list[i as usize].clone()
    }

    pub(super) fn into_vec(self) -> Vec<Arc<TypeInfo>> {
        self.list
    }
}

/// The types of `t`'s parts, in [`TypeInfo::parts`]'s order.
fn part_types(t: &Type) -> Vec<Type> {
    match t.underlying() {
        Type::Slice(e) | Type::Array(_, e) => vec![(*e).clone()],
        Type::Map(k, v) => vec![(*k).clone(), (*v).clone()],
        Type::Struct(fs) => fs.iter().map(|f| f.ty.clone()).collect(),
        // A pointer to a struct: `&{...}` at the top shows the struct.
        Type::Pointer(e) if matches!(e.underlying(), Type::Struct(_)) => vec![(*e).clone()],
        _ => Vec::new(),
    }
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
