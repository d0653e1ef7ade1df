//! Type declarations, methods, and the types of issue 9 as written:
//! struct, pointer and interface types, `runtime.Error`.

use std::cell::RefCell;
use std::rc::Rc;

use super::{err, Binding, Checker};
use crate::ast::{self, Decl, IfaceElem, Param, TypeExpr};
use crate::lexer::{PResult, Pos, SyntaxError};
use crate::types::named::{Field, IfaceMethod, MethodDecl, NamedType};
use crate::types::{FuncType, Type};

impl Checker {
    /// A new declared type `full`, its underlying type to be set.
    pub(super) fn new_named(&mut self, full: &str) -> Rc<NamedType> {
        self.ntypes += 1;
        Rc::new(NamedType {
            id: self.ntypes,
            full: full.into(),
            underlying: RefCell::new(Type::Nil),
            methods: RefCell::new(Vec::new()),
        })
    }

    /// Enters every package-level type name, then sets their underlying
    /// types (so declarations may refer to each other in any order).
    /// Constants that need no type of the package (`const N = 8`, used in
    /// `type Buf [N]byte`) are declared in between; the specs declared so
    /// are returned.
    pub(super) fn declare_types(
        &mut self,
        file: &ast::File,
    ) -> PResult<std::collections::HashSet<*const ast::ConstSpec>> {
        self.declare_generic_types(file)?;
        let mut named = Vec::new();
        for d in &file.decls {
            let Decl::Type(t) = d else { continue };
            if !t.tparams.is_empty() {
                continue;
            }
            if t.alias {
                return Err(SyntaxError::unsupported(t.pos, "type aliases"));
            }
            let (name, pos) = &t.name;
            let n = self.new_named(&format!("main.{name}"));
            self.declare_pkg_name(name, *pos, Binding::Type(Type::Named(n.clone())))?;
            named.push((n, &t.ty, *pos, name.clone()));
        }
        let early = self.early_consts(file);
        for (n, te, _, _) in &named {
            let u = self.type_expr(te)?;
            *n.underlying.borrow_mut() = u.underlying();
            self.note_constraint(n.id, te)?;
        }
        // A type that contains itself by value has no size (Go's error;
        // zero values and copies of it would never end).
        for (n, _, pos, name) in &named {
            if contains(&Type::Named(n.clone()), n.id, &mut Vec::new()) {
                return err(*pos, format!("invalid recursive type {name}"));
            }
        }
        Ok(early)
    }

    /// The constant specs (in source order) that check before the
    /// package's types have their underlying types: those are declared now;
    /// the others (and any error) wait for the declarations in source order.
    fn early_consts(
        &mut self,
        file: &ast::File,
    ) -> std::collections::HashSet<*const ast::ConstSpec> {
        let mut done = std::collections::HashSet::new();
        // Until no more can be declared: a constant may use one declared
        // after it.
        let mut progress = true;
        while progress {
            progress = false;
            for d in &file.decls {
                let Decl::Const(c) = d else { continue };
                if !done.contains(&(c as *const ast::ConstSpec)) && self.early_const(c) {
                    done.insert(c as *const ast::ConstSpec);
                    progress = true;
                }
            }
        }
        done
    }

    /// Declares the constants of `c` if it checks now.
    fn early_const(&mut self, c: &ast::ConstSpec) -> bool {
        {
            let Ok(defs) = self.const_spec(c) else {
                return false;
            };
            let fresh = defs
                .iter()
                .all(|(name, ..)| &**name == "_" || !self.scopes[0].0.contains_key(name));
            if !fresh {
                return false;
            }
            for (name, pos, value, ty) in defs {
                if &*name != "_"
                    && self
                        .declare_pkg_name(&name, pos, Binding::Const { value, ty })
                        .is_err()
                {
                    break;
                }
            }
            true
        }
    }

    /// A local `type` declaration.
    pub(crate) fn local_type(&mut self, t: &ast::TypeSpec) -> PResult<()> {
        if t.alias {
            return Err(SyntaxError::unsupported(t.pos, "type aliases"));
        }
        if !t.tparams.is_empty() {
            return self.declare_local_generic_type(t);
        }
        let (name, pos) = &t.name;
        let suffix = self.generics.local_suffix.clone().unwrap_or_default();
        let n = self.new_named(&format!("main.{name}{suffix}"));
        if let Some(scope) = self.scopes.last_mut() {
            if scope.0.contains_key(name) {
                return err(*pos, format!("{name} redeclared in this block"));
            }
            scope
                .0
                .insert(name.clone(), Binding::Type(Type::Named(n.clone())));
        }
        let u = self.type_expr(&t.ty)?;
        *n.underlying.borrow_mut() = u.underlying();
        self.note_constraint(n.id, &t.ty)?;
        Ok(())
    }

    /// The receiver's base type, and whether it is a pointer.
    fn receiver(&mut self, r: &Param) -> PResult<(Rc<NamedType>, bool)> {
        let (te, ptr) = match &r.ty {
            TypeExpr::Pointer(t, _) => (&**t, true),
            t => (t, false),
        };
        let t = self.type_expr(te)?;
        match t {
            Type::Named(n) if !t.is_interface() && !matches!(t.underlying(), Type::Pointer(_)) => {
                Ok((n, ptr))
            }
            t => err(te.pos(), format!("invalid receiver type {t}")),
        }
    }

    /// Declares a method; returns the index of its function.
    pub(super) fn declare_method(&mut self, f: &ast::FuncDecl) -> PResult<u32> {
        let Some(r) = &f.recv else {
            return err(f.pos, "internal error: not a method");
        };
        if let Some(p) = f.tparams.first() {
            return Err(SyntaxError::unsupported(
                p.name.1,
                "generic methods (type parameters on methods)",
            ));
        }
        let (named, ptr_recv) = self.receiver(r)?;
        let sig = Rc::new(self.signature(&f.sig)?);
        let mut full = (*sig).clone();
        let recv_ty = if ptr_recv {
            Type::Pointer(Rc::new(Type::Named(named.clone())))
        } else {
            Type::Named(named.clone())
        };
        full.params.insert(0, recv_ty);
        let idx = self.func_types.len() as u32;
        self.func_types.push(Rc::new(full));
        if &*f.name == "_" {
            return Ok(idx);
        }
        let dup = named.methods.borrow().iter().any(|m| m.name == f.name);
        let field = matches!(named.underlying.borrow().clone(), Type::Struct(fs) if fs.iter().any(|x| x.name == f.name));
        if dup || field {
            let what = if dup { "method" } else { "field and method" };
            let short = named.full.trim_start_matches("main.");
            return err(f.pos, format!("{what} {short}.{} already declared", f.name));
        }
        named.methods.borrow_mut().push(MethodDecl {
            name: f.name.clone(),
            sig,
            ptr_recv,
            func: idx,
        });
        Ok(idx)
    }

    /// `main.T.M` or `main.(*T).M`.
    pub(super) fn method_name(&self, r: &Param, name: &str) -> Rc<str> {
        let base = |t: &TypeExpr| match t {
            TypeExpr::Name(n, _) => n.to_string(),
            _ => "?".to_string(),
        };
        match &r.ty {
            TypeExpr::Pointer(t, _) => format!("main.(*{}).{name}", base(t)).into(),
            t => format!("main.{}.{name}", base(t)).into(),
        }
    }

    /// `struct { ... }`.
    pub(crate) fn struct_type(&mut self, fields: &[ast::Field]) -> PResult<Type> {
        let mut out: Vec<Field> = Vec::new();
        for f in fields {
            let ty = self.type_expr(&f.ty)?;
            let mut names: Vec<(Rc<str>, Pos, bool)> = f
                .names
                .iter()
                .map(|(n, p)| (n.clone(), *p, false))
                .collect();
            if names.is_empty() {
                names.push((embedded_name(&f.ty), f.pos, true));
            }
            for (name, pos, embedded) in names {
                if &*name != "_" && out.iter().any(|x| x.name == name) {
                    return err(pos, format!("{name} redeclared"));
                }
                out.push(Field {
                    name,
                    ty: ty.clone(),
                    embedded,
                    tag: f.tag.clone(),
                });
            }
        }
        Ok(Type::Struct(out.into()))
    }

    /// `interface { ... }` with methods (embedded interfaces flattened).
    pub(crate) fn iface_type(&mut self, elems: &[IfaceElem]) -> PResult<Type> {
        let mut ms: Vec<IfaceMethod> = Vec::new();
        for e in elems {
            match e {
                IfaceElem::Method((name, pos), sig) => {
                    if ms.iter().any(|m| &m.name == name) {
                        return err(*pos, format!("duplicate method {name}"));
                    }
                    let sig = Rc::new(self.signature(sig)?);
                    ms.push(IfaceMethod {
                        name: name.clone(),
                        sig,
                    });
                }
                // Type terms restrict a constraint's type set
                // (`generics/constraint.rs`), not its methods.
                IfaceElem::Union(..) => {}
                IfaceElem::Embed(TypeExpr::Name(n, _))
                    if &**n == "comparable" && self.lookup(n).is_none() => {}
                IfaceElem::Embed(t) => {
                    let was = std::mem::replace(&mut self.in_constraint, true);
                    let et = self.type_expr(t);
                    self.in_constraint = was;
                    let et = match et {
                        Ok(Type::Named(n)) if self.generics.constraints.contains_key(&n.id) => {
                            continue
                        }
                        et => et?,
                    };
                    // A non-interface type is a type term: the interface is
                    // a constraint (`generics/constraint.rs`).
                    let Some(more) = et.iface_methods() else {
                        continue;
                    };
                    for m in more {
                        if !ms.iter().any(|x| x.name == m.name) {
                            ms.push(m);
                        }
                    }
                }
            }
        }
        if ms.is_empty() {
            return Ok(Type::Any);
        }
        ms.sort_by(|a, b| a.name.cmp(&b.name));
        Ok(Type::Iface(ms.into()))
    }

    /// `fmt.Stringer`: `interface { String() string }`.
    pub(crate) fn fmt_stringer(&mut self) -> Type {
        if let Some(t) = &self.fmt_stringer {
            return t.clone();
        }
        let n = self.new_named("fmt.Stringer");
        let sig = Rc::new(FuncType {
            params: Vec::new(),
            results: vec![Type::Str],
            variadic: false,
        });
        *n.underlying.borrow_mut() = Type::Iface(Rc::from(vec![IfaceMethod {
            name: "String".into(),
            sig,
        }]));
        let t = Type::Named(n);
        self.fmt_stringer = Some(t.clone());
        t
    }

    /// `runtime.Error`: `error` plus `RuntimeError()`.
    pub(crate) fn runtime_error(&mut self) -> Type {
        if let Some(t) = &self.runtime_error {
            return t.clone();
        }
        let n = self.new_named("runtime.Error");
        let none = Rc::new(FuncType {
            params: Vec::new(),
            results: Vec::new(),
            variadic: false,
        });
        let error = Rc::new(FuncType {
            params: Vec::new(),
            results: vec![Type::Str],
            variadic: false,
        });
        *n.underlying.borrow_mut() = Type::Iface(Rc::from(vec![
            IfaceMethod {
                name: "Error".into(),
                sig: error,
            },
            IfaceMethod {
                name: "RuntimeError".into(),
                sig: none,
            },
        ]));
        let t = Type::Named(n);
        self.runtime_error = Some(t.clone());
        t
    }
}

/// An embedded field's name: its type's name without package or `*`.
fn embedded_name(t: &TypeExpr) -> Rc<str> {
    match t {
        TypeExpr::Name(n, _) | TypeExpr::Qualified(_, n, _) => n.clone(),
        TypeExpr::Pointer(t, _) | TypeExpr::Generic(t, _, _) => embedded_name(t),
        _ => "?".into(),
    }
}

/// Whether a value of type `t` contains a value of the declared type `id`
/// (through struct fields and array elements, not through pointers,
/// slices, maps, channels, funcs or interfaces).
pub(super) fn contains(t: &Type, id: u32, seen: &mut Vec<u32>) -> bool {
    match t {
        Type::Named(n) => {
            if seen.contains(&n.id) {
                return n.id == id;
            }
            seen.push(n.id);
            let u = n.underlying.borrow().clone();
            let r = contains_fields(&u, id, seen);
            seen.pop();
            r
        }
        t => contains_fields(t, id, seen),
    }
}

fn contains_fields(t: &Type, id: u32, seen: &mut Vec<u32>) -> bool {
    match t {
        Type::Struct(fs) => fs.iter().any(|f| is_or_contains(&f.ty, id, seen)),
        Type::Array(_, e) => is_or_contains(e, id, seen),
        _ => false,
    }
}

fn is_or_contains(t: &Type, id: u32, seen: &mut Vec<u32>) -> bool {
    matches!(t, Type::Named(n) if n.id == id) || contains(t, id, seen)
}
