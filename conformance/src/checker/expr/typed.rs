//! Issue 9's expressions on structs, pointers, methods and interfaces:
//! selectors (fields, promoted fields and methods), method calls, method
//! values and expressions, `&`, `*`, struct literals, `new`, conversions
//! to declared types.

use std::rc::Rc;

use super::{show, unparen};
use crate::ast::{Element, Expr as AExpr, ExprKind, UnOp};
use crate::checker::{err, universe_type, zero, Binding, Checker};
use crate::ir::{Args, Call, Expr, Rhs, Stmt, Target, TypedExpr, Var};
use crate::lexer::{PResult, Pos};
use crate::types::named::{Field, Found, Selection, Step};
use crate::types::{FuncType, Type};

/// Where an addressable operand lives: a variable, or what a pointer
/// points to; then field indices.
pub(crate) enum Root {
    /// A variable.
    Var(Var),
    /// The pointee of a pointer value.
    Ptr(Expr),
}

/// An addressable place: its root, the fields from there, its type.
pub(crate) struct Place {
    pub root: Root,
    pub path: Vec<u32>,
    pub ty: Type,
}

fn typed(t: TypedExpr) -> Expr {
    Expr::Typed(Box::new(t))
}

/// The value at a place.
fn load(p: Place) -> Expr {
    let mut e = match p.root {
        Root::Var(v) => Expr::Load(v),
        Root::Ptr(x) => typed(TypedExpr::Deref(x)),
    };
    for &i in &p.path {
        e = typed(TypedExpr::Field(e, i));
    }
    e
}

/// The address of a place.
fn addr(p: Place) -> Expr {
    let base = match p.root {
        Root::Var(v) => typed(TypedExpr::AddrVar(v)),
        Root::Ptr(x) => x,
    };
    if p.path.is_empty() {
        base
    } else {
        typed(TypedExpr::FieldAddr(base, p.path))
    }
}

/// A copy of an expression that is evaluated again (places read their root
/// twice only for `x op= y`, where Go evaluates it once: the callers make
/// roots variables, loads or constants first, so the second evaluation has
/// no effect). A whole copy, whatever the expression: an expression this
/// cannot copy does not exist (it once became `nil` silently).
pub(crate) fn clone_expr(e: &Expr) -> Expr {
    e.clone()
}

impl Checker {
    /// Whether `e` names a type (as `as_type` would resolve it).
    pub(crate) fn is_type_expr(&self, e: &AExpr) -> bool {
        let mut head = unparen(e);
        while let ExprKind::Unary(UnOp::Deref, x) = &head.kind {
            head = unparen(x);
        }
        match &head.kind {
            ExprKind::Ident(n) => match self.lookup(n) {
                Some(Binding::Type(_)) => true,
                Some(_) => false,
                None => universe_type(n).is_some(),
            },
            ExprKind::Type(_) => true,
            // An instance of a generic type (`Stack[int]`).
            ExprKind::Index(x, _) => match &unparen(x).kind {
                ExprKind::Ident(n) => match self.lookup(n) {
                    Some(Binding::Generic(gid)) => self.is_generic_type(*gid),
                    _ => false,
                },
                _ => false,
            },
            // A type of a package's Go prelude (`sort.IntSlice`).
            ExprKind::Selector(x, n, _) => match &unparen(x).kind {
                ExprKind::Ident(p) => {
                    // (Most programs load no prelude: no name to format.)
                    !self.pkg_types.is_empty()
                        && self.lookup(p).is_none()
                        && self.imports.contains_key(p)
                        && self.pkg_types.contains_key(&format!("{p}.{n}"))
                }
                _ => false,
            },
            _ => false,
        }
    }

    /// The type an expression denotes, if it is a type (not a value).
    pub(crate) fn as_type(&mut self, e: &AExpr) -> PResult<Option<Type>> {
        match (self.is_type_expr(e), e.as_type()) {
            (true, Some(te)) => Ok(Some(self.type_expr(&te)?)),
            _ => Ok(None),
        }
    }

    /// The addressable place `e` denotes, if it is one.
    pub(crate) fn place(&mut self, e: &AExpr) -> PResult<Option<Place>> {
        match &unparen(e).kind {
            ExprKind::Ident(n) => match self.lookup(n).cloned() {
                Some(b @ (Binding::Local { .. } | Binding::Global { .. })) => {
                    self.mark_used(&b);
                    Ok(self.var_ref(&b).map(|(v, ty)| Place {
                        root: Root::Var(v),
                        path: Vec::new(),
                        ty,
                    }))
                }
                _ => Ok(None),
            },
            ExprKind::Unary(UnOp::Deref, p) => {
                let (pe, pt) = self.value(p)?;
                match pt.underlying() {
                    Type::Pointer(elem) => Ok(Some(Place {
                        root: Root::Ptr(pe),
                        path: Vec::new(),
                        ty: (*elem).clone(),
                    })),
                    _ => err(
                        e.pos,
                        format!("invalid operation: cannot indirect {}", show(p)),
                    ),
                }
            }
            ExprKind::Selector(x, name, _) => self.field_place(x, name, e.pos),
            ExprKind::Index(x, ix) if ix.len() == 1 => self.elem_place_of(x, &ix[0]),
            _ => Ok(None),
        }
    }

    /// `x[i]` of a slice or an array as a place: what `&x[i]` points to.
    fn elem_place_of(&mut self, x: &AExpr, i: &AExpr) -> PResult<Option<Place>> {
        let (xe, xt) = self.value(x)?;
        let (xe, xt) = deref_array(xe, xt);
        let elem = match xt.underlying() {
            Type::Slice(e) | Type::Array(_, e) => e.scalar(),
            _ => return Ok(None),
        };
        let (ie, it) = self.value(i)?;
        let ie = crate::checker::composite::builtins::int_operand(ie, it, i, "index")?;
        Ok(Some(Place {
            root: Root::Ptr(typed(TypedExpr::ElemAddr(xe, ie))),
            path: Vec::new(),
            ty: elem,
        }))
    }

    /// `x.name` as a place, when it is a field of an addressable struct
    /// or reached through a pointer.
    fn field_place(&mut self, x: &AExpr, name: &str, pos: Pos) -> PResult<Option<Place>> {
        if self.is_package(x) {
            return Ok(None);
        }
        let base = self.place(x)?;
        let (xt, mut cur_expr) = match &base {
            Some(p) => (p.ty.clone(), None),
            None => {
                let (e, t) = self.value(x)?;
                (t, Some(e))
            }
        };
        let Ok(sel) = xt.lookup(name) else {
            return Ok(None);
        };
        let Found::Field(fty) = &sel.found else {
            return Ok(None);
        };
        let mut place = base;
        for s in &sel.path {
            match (s, &mut place) {
                (Step::Field(i), Some(p)) => p.path.push(*i),
                (Step::Field(_), None) => return Ok(None),
                (Step::Deref, p) => {
                    let ptr = match p.take() {
                        Some(pl) => load(pl),
                        None => cur_expr
                            .take()
                            .unwrap_or(Expr::Const(crate::value::Value::Nil)),
                    };
                    *p = Some(Place {
                        root: Root::Ptr(ptr),
                        path: Vec::new(),
                        ty: Type::Nil,
                    });
                }
            }
        }
        let _ = pos;
        Ok(place.map(|mut p| {
            p.ty = fty.clone();
            p
        }))
    }

    fn is_package(&self, x: &AExpr) -> bool {
        matches!(&unparen(x).kind, ExprKind::Ident(p) if self.lookup(p).is_none() && self.imports.contains_key(p))
    }

    /// Walks `sel.path` from the value `e`: fields and indirections.
    fn walk(e: Expr, path: &[Step]) -> Expr {
        path.iter().fold(e, |e, s| match s {
            Step::Field(i) => typed(TypedExpr::Field(e, *i)),
            Step::Deref => typed(TypedExpr::Deref(e)),
        })
    }

    /// `x.name` used as a value: a field, or a method value. `None` if `x`
    /// has no such field or method (the caller reports it).
    pub(crate) fn typed_selector(
        &mut self,
        x: &AExpr,
        name: &str,
        pos: Pos,
    ) -> PResult<Option<(Expr, Type)>> {
        if let Some(t) = self.as_type(x)? {
            return self.method_expr(&t, name, pos).map(Some);
        }
        if let Some(p) = self.field_place(x, name, pos)? {
            let ty = p.ty.clone();
            return Ok(Some((load(p), ty)));
        }
        let (xe, xt) = self.value(x)?;
        let Ok(sel) = xt.lookup(name) else {
            return Ok(None);
        };
        match sel.found.clone() {
            Found::Field(t) => Ok(Some((Self::walk(xe, &sel.path), t))),
            Found::Method(_, m) => {
                let recv = self.receiver_expr(x, xe, &sel, m.ptr_recv, pos)?;
                let recv = through_pointer(recv, &sel, pos);
                let t = Type::Func(m.sig.clone());
                let f = Expr::Func(m.func);
                Ok(Some((typed(TypedExpr::Bound(f, recv, m.sig)), t)))
            }
            Found::IfaceMethod(t, i) => {
                let ms = t.iface_methods().unwrap_or_default();
                let Some(m) = ms.get(i) else { return Ok(None) };
                let recv = Self::walk(xe, &sel.path);
                let e = typed(TypedExpr::IfaceBound(recv, m.name.clone(), m.sig.clone()));
                Ok(Some((e, Type::Func(m.sig.clone()))))
            }
        }
    }

    /// The receiver of a method found by `sel` on `x` (whose value is `xe`).
    fn receiver_expr(
        &mut self,
        x: &AExpr,
        xe: Expr,
        sel: &Selection,
        ptr_recv: bool,
        pos: Pos,
    ) -> PResult<Expr> {
        if !ptr_recv {
            // A value receiver is a copy (of the arrays it holds).
            let walked = Self::walk(xe, &sel.path);
            return Ok(match &sel.found {
                Found::Method(n, _) => {
                    crate::checker::composite::fresh(walked, &Type::Named(n.clone()))
                }
                _ => walked,
            });
        }
        // A pointer receiver: the address of the value reached.
        let last_deref = sel.path.iter().rposition(|s| *s == Step::Deref);
        let fields = |steps: &[Step]| -> Vec<u32> {
            steps
                .iter()
                .filter_map(|s| match s {
                    Step::Field(i) => Some(*i),
                    Step::Deref => None,
                })
                .collect()
        };
        match last_deref {
            Some(_) => Ok(ptr_receiver(xe, &sel.path)),
            None => match self.place(x)? {
                Some(mut p) => {
                    p.path.extend(fields(&sel.path));
                    Ok(addr(p))
                }
                None => err(pos, format!("cannot call pointer method on {}", show(x))),
            },
        }
    }

    /// `T.M` / `(*T).M`: the method as a function of the receiver.
    fn method_expr(&mut self, t: &Type, name: &str, pos: Pos) -> PResult<(Expr, Type)> {
        let Some((sel, ok)) = t.method(name) else {
            return err(
                pos,
                format!("{t}.{name} undefined (type {t} has no method {name})"),
            );
        };
        if let Found::IfaceMethod(it, i) = &sel.found {
            // `I.M`: a function of an `I` value calling its method; `T.M`
            // with `M` of an interface embedded in `T`: the same on the
            // embedded field.
            let Some(m) = it.iface_methods().unwrap_or_default().get(*i).cloned() else {
                return err(pos, format!("{t}.{name} undefined"));
            };
            let mut sig = (*m.sig).clone();
            sig.params.insert(0, t.clone());
            let sig = Rc::new(sig);
            let n = sig.params.len() as u32;
            let recv = Self::walk(Expr::Load(Var::Local(0)), &sel.path);
            let call = Expr::Call(Box::new(Call {
                line: 0,
                target: Target::Iface(recv, m.name.clone()),
                args: Args::List((1..n).map(|i| Expr::Load(Var::Local(i))).collect()),
            }));
            return Ok((
                Expr::Lit(self.wrapper_code(sig.clone(), call)),
                Type::Func(sig),
            ));
        }
        let Found::Method(_, m) = sel.found.clone() else {
            return err(pos, format!("{t}.{name} undefined"));
        };
        if !ok {
            return err(
                pos,
                format!(
                    "invalid method expression {t}.{name} (needs pointer receiver (*{t}).{name})"
                ),
            );
        }
        let mut sig = (*m.sig).clone();
        sig.params.insert(0, t.clone());
        let sig = Rc::new(sig);
        let direct = if m.ptr_recv {
            sel.path == [Step::Deref]
        } else {
            sel.path.is_empty()
        };
        if direct {
            return Ok((Expr::Func(m.func), Type::Func(sig)));
        }
        let code = self.method_wrapper(t, &sel, &m, sig.clone());
        Ok((Expr::Lit(code), Type::Func(sig)))
    }

    /// A function taking the receiver as its first parameter and calling
    /// the method on what `sel` reaches from it (gc's method wrappers).
    fn method_wrapper(
        &mut self,
        t: &Type,
        sel: &Selection,
        m: &crate::types::named::MethodDecl,
        sig: Rc<FuncType>,
    ) -> Rc<crate::ir::FuncCode> {
        let n = sig.params.len() as u32;
        let this = Expr::Load(Var::Local(0));
        if matches!(t, Type::Pointer(_)) && sel.path == [Step::Deref] && !m.ptr_recv {
            // `(*T).M` of a method of `T`: gc's wrapper, which panics with
            // `value method main.T.M called using nil *T pointer` — the
            // call through the method set of `*T` does the same.
            let boxed = typed(TypedExpr::Box(this, t.clone()));
            let args = (1..n).map(|i| Expr::Load(Var::Local(i))).collect();
            let call = Expr::Call(Box::new(Call {
                line: 0,
                target: Target::Iface(boxed, m.name.clone()),
                args: Args::List(args),
            }));
            return self.wrapper_code(sig, call);
        }
        let recv = if m.ptr_recv {
            ptr_receiver(this, &sel.path)
        } else {
            Self::walk(this, &sel.path)
        };
        let mut args = vec![recv];
        args.extend((1..n).map(|i| Expr::Load(Var::Local(i))));
        let call = Expr::Call(Box::new(Call {
            line: 0,
            target: Target::Value(Expr::Func(m.func)),
            args: Args::List(args),
        }));
        self.wrapper_code(sig, call)
    }

    /// A function of signature `sig` (its parameters in its first locals)
    /// whose body is `call`, returning the call's results.
    pub(crate) fn wrapper_code(
        &mut self,
        sig: Rc<FuncType>,
        call: Expr,
    ) -> Rc<crate::ir::FuncCode> {
        let n = sig.params.len() as u32;
        let nres = sig.results.len() as u32;
        let results: Vec<(u32, crate::value::Value)> = sig
            .results
            .iter()
            .enumerate()
            .map(|(i, r)| (n + i as u32, zero(r)))
            .collect();
        let body = if nres == 0 {
            vec![Stmt::Expr(call)]
        } else {
            vec![Stmt::Return(Some(Rhs::Multi(call)), 0)]
        };
        self.lit_count += 1;
        Rc::new(crate::ir::FuncCode {
            name: format!("{}.minigo-wrap{}", self.cur_name, self.lit_count).into(),
            sig,
            nparams: n as usize,
            results,
            nslots: (n + nres) as usize,
            captures: Vec::new(),
            body,
            open: true,
            end_line: 0,
            wrapper: true,
        })
    }

    /// `x.name(args)` when `x` has such a method; `None` otherwise.
    pub(crate) fn method_call(
        &mut self,
        x: &AExpr,
        name: &str,
        args: &[AExpr],
        (pos, dot): (Pos, Pos),
    ) -> PResult<Option<(Expr, Type)>> {
        if self.as_type(x)?.is_some() || self.is_package(x) {
            return Ok(None);
        }
        let (xe, xt) = self.value(x)?;
        let Ok(sel) = xt.lookup(name) else {
            return self.promoted_sync_call(x, &xt, name, args, pos);
        };
        let (target, recv, sig) = match sel.found.clone() {
            Found::Field(Type::Func(sig)) => {
                let f = Self::walk(xe, &sel.path);
                (Target::Value(f), None, sig)
            }
            Found::Field(_) => return Ok(None),
            Found::Method(_, m) => {
                let recv = self.receiver_expr(x, xe, &sel, m.ptr_recv, pos)?;
                let recv = through_pointer(recv, &sel, dot);
                (Target::Value(Expr::Func(m.func)), Some(recv), m.sig)
            }
            Found::IfaceMethod(t, i) => {
                let ms = t.iface_methods().unwrap_or_default();
                let Some(m) = ms.get(i) else { return Ok(None) };
                let recv = Self::walk(xe, &sel.path);
                (Target::Iface(recv, m.name.clone()), None, m.sig.clone())
            }
        };
        let fname = format!("{}.{name}", show(x));
        let checked = if sig.variadic {
            self.variadic_args(&sig.params, args, false, pos, &fname)?
        } else {
            self.args(&sig.params, args, pos, &fname)?
        };
        let (target, args) = match checked {
            Args::List(mut list) => {
                if let Some(r) = recv {
                    list.insert(0, r);
                }
                (target, Args::List(list))
            }
            // `x.M(g())`: the method value called with `g`'s results.
            Args::Spread(e) => (Target::Value(bound(target, recv, &sig)), Args::Spread(e)),
            Args::Unpack(..) => {
                return Err(crate::lexer::SyntaxError::unsupported(
                    pos,
                    "method calls with a multi-valued argument",
                ))
            }
        };
        let t = super::result_type(&sig);
        Ok(Some((
            Expr::Call(Box::new(Call {
                line: 0,
                target,
                args,
            })),
            t,
        )))
    }

    /// `&x`.
    pub(crate) fn addr_of(&mut self, x: &AExpr, pos: Pos) -> PResult<(Expr, Type)> {
        if let ExprKind::Composite { .. } = &unparen(x).kind {
            let (e, t) = self.value(x)?;
            return Ok((typed(TypedExpr::New(e)), Type::Pointer(Rc::new(t))));
        }
        let explicit_deref = matches!(&unparen(x).kind, ExprKind::Unary(UnOp::Deref, _));
        match self.place(x)? {
            Some(p) => {
                let t = Type::Pointer(Rc::new(p.ty.clone()));
                let a = addr(p);
                // `&*p` dereferences `p`: a nil one panics there.
                let a = if explicit_deref {
                    typed(TypedExpr::NonNil(a))
                } else {
                    a
                };
                Ok((a, t))
            }
            None => err(
                pos,
                format!("invalid operation: cannot take address of {}", show(x)),
            ),
        }
    }

    /// `*p`.
    pub(crate) fn deref(&mut self, p: &AExpr, pos: Pos) -> PResult<(Expr, Type)> {
        let (pe, pt) = self.value(p)?;
        match pt.underlying() {
            Type::Pointer(elem) => Ok((typed(TypedExpr::Deref(pe)), (*elem).clone())),
            _ => err(
                pos,
                format!(
                    "invalid operation: cannot indirect {} (value of type {})",
                    show(p),
                    pt.describe()
                ),
            ),
        }
    }

    /// `new(T)`.
    /// `at`: the `new` name (where gc reports `new(expr)` before go1.26).
    pub(crate) fn new_call(&mut self, args: &[AExpr], pos: Pos, at: Pos) -> PResult<(Expr, Type)> {
        let [x] = args else {
            return err(pos, "wrong number of arguments to new (want 1)");
        };
        let t = match self.as_type(x)? {
            Some(t) => t,
            // `new(pkg.T)`.
            None => match (&unparen(x).kind, x.as_type()) {
                (ExprKind::Selector(p, _, _), Some(te)) if self.is_package(p) => {
                    self.type_expr(&te)?
                }
                // Go 1.26's `new(expr)`: a new variable holding the value.
                _ => return self.new_of_value(x, at),
            },
        };
        // Each `new` has its own variable: an array's zero is copied.
        let z = crate::checker::composite::fresh(Expr::Const(zero(&t)), &t);
        Ok((typed(TypedExpr::New(z)), Type::Pointer(Rc::new(t))))
    }

    /// `new(x)` of a value (Go 1.26): a pointer to a new variable of
    /// `x`'s type (an untyped constant's default type) holding a copy of
    /// its value.
    fn new_of_value(&mut self, x: &AExpr, at: Pos) -> PResult<(Expr, Type)> {
        let (xe, xt) = self.expr(x)?;
        let (xe, xt) = super::single(x, xe, xt)?;
        if xt == Type::Nil {
            return err(x.pos, "use of untyped nil in argument to new");
        }
        let xe = super::settle(xe, &xt, x, "argument to new")?;
        self.require_lang(at, 26, || format!("new({})", super::show(x)))?;
        let xe = crate::checker::composite::fresh(xe, &xt);
        Ok((typed(TypedExpr::New(xe)), Type::Pointer(Rc::new(xt))))
    }

    /// A struct literal `T{...}`; `None` if `T` is not a struct type.
    pub(crate) fn struct_lit(
        &mut self,
        t: &Type,
        elems: &[Element],
        pos: Pos,
    ) -> PResult<Option<(Expr, Type)>> {
        let Type::Struct(fields) = t.underlying() else {
            return Ok(None);
        };
        if let Some(elems) = promoted_keys(&fields, elems, (self.lang_at(pos), t))? {
            return self.struct_lit(t, &elems, pos);
        }
        let mut vals: Vec<Option<Expr>> = fields.iter().map(|_| None).collect();
        // Go evaluates the elements in source order, whatever their fields.
        let mut order: Vec<u32> = Vec::new();
        let keyed = elems.first().is_some_and(|e| e.key.is_some());
        if !keyed && !elems.is_empty() && elems.len() != fields.len() {
            let what = if elems.len() < fields.len() {
                "few"
            } else {
                "many"
            };
            return err(
                pos,
                format!("too {what} values in struct literal of type {t}"),
            );
        }
        for (i, el) in elems.iter().enumerate() {
            let fi = match (&el.key, keyed) {
                (Some(k), true) => match &k.kind {
                    ExprKind::Ident(n) => match fields.iter().position(|f| &f.name == n) {
                        Some(fi) => fi,
                        None => {
                            return err(
                                k.pos,
                                format!("unknown field {n} in struct literal of type {t}"),
                            )
                        }
                    },
                    _ => {
                        return err(
                            k.pos,
                            format!("invalid field name {} in struct literal", show(k)),
                        )
                    }
                },
                (None, false) => i,
                _ => {
                    return err(
                        el.value.pos,
                        "mixture of field:value and value elements in struct literal",
                    )
                }
            };
            if vals[fi].is_some() {
                return err(
                    el.value.pos,
                    format!("duplicate field name {} in struct literal", fields[fi].name),
                );
            }
            let fty = fields[fi].ty.clone();
            let v = self.elem_value(&el.value, &fty)?;
            vals[fi] = Some(v);
            order.push(fi as u32);
        }
        let mut vals: Vec<Option<Expr>> = vals;
        let mut out: Vec<(u32, Expr)> = order
            .iter()
            .filter_map(|&i| Some((i, vals[i as usize].take()?)))
            .collect();
        for (i, f) in fields.iter().enumerate() {
            if !order.contains(&(i as u32)) {
                out.push((i as u32, Expr::Const(zero(&f.ty))));
            }
        }
        let vals = out;
        Ok(Some((typed(TypedExpr::StructLit(vals)), t.clone())))
    }

    /// An element of a composite literal of type `t` (its type may be
    /// elided when it is a struct or a pointer to one).
    fn elem_value(&mut self, e: &AExpr, t: &Type) -> PResult<Expr> {
        if let ExprKind::Composite {
            ty: None, elems, ..
        } = &e.kind
        {
            let (inner, ptr) = match t {
                Type::Pointer(x) => ((**x).clone(), true),
                t => (t.clone(), false),
            };
            if let Some((v, _)) = self.struct_lit(&inner, elems, e.pos)? {
                return Ok(if ptr { typed(TypedExpr::New(v)) } else { v });
            }
        }
        self.value_as(e, t, "struct literal")
    }

    /// `T(x)` for a declared, struct or pointer type `T`.
    pub(crate) fn typed_conversion(
        &mut self,
        t: &Type,
        x: &AExpr,
        pos: Pos,
    ) -> PResult<(Expr, Type)> {
        let (xe, xt) = self.value(x)?;
        if xt.assignable_to(t) {
            let e = super::coerce(xe, &xt, t, x, "conversion")?;
            return Ok((e, t.clone()));
        }
        // Identical underlying types, struct tags ignored.
        if xt.same_underlying_ignoring_tags(t) && !xt.is_interface() {
            return Ok((xe, t.clone()));
        }
        // Pointers whose base types have identical underlying types.
        if let (Type::Pointer(a), Type::Pointer(b)) = (xt.underlying(), t.underlying()) {
            if a.same_underlying_ignoring_tags(&b) {
                return Ok((xe, t.clone()));
            }
        }
        // Strings and byte or rune slices, declared types of them too.
        if let Some(how) = string_slice_conv(&xt.underlying(), &t.underlying()) {
            let e = Expr::Comp(Box::new(crate::ir::CompExpr::Convert { x: xe, how }));
            return Ok((e, t.clone()));
        }
        // An integer to a declared string type (or a type parameter's).
        if t.underlying() == Type::Str && matches!(xt.underlying(), Type::Int | Type::IntK(_)) {
            let e = crate::checker::composite::builtins::code_point_string(xe);
            return Ok((e, t.clone()));
        }
        if let Some(r) = super::call::slice_to_array(t, (xe, &xt), x) {
            return r.map(|e| (e, t.clone()));
        }
        let _ = pos;
        err(
            x.pos,
            format!(
                "cannot convert {} (value of type {}) to type {t}",
                show(x),
                xt.describe()
            ),
        )
    }
}

/// Go 1.27's promoted fields as keys of a struct literal (`Outer{X: 1}`
/// with `X` a field of an embedded `Inner`): the elements with the keys
/// of each embedded field gathered into one elided literal of it,
/// `Outer{Inner: {X: 1}}`, at the place of its first key (applied again
/// for a field promoted from deeper down). `None` when every key is a
/// field of the struct itself. Through an embedded pointer, or with the
/// embedded field given too, it is Go's compile error.
/// Before go1.27 (the file's language, with the literal's type) such a
/// key is gc's version error.
fn promoted_keys(
    fields: &[Field],
    elems: &[Element],
    (lang, lit): (crate::buildtag::FileLang, &Type),
) -> PResult<Option<Vec<Element>>> {
    let key_name = |e: &Element| match e.key.as_ref().map(|k| &k.kind) {
        Some(ExprKind::Ident(n)) => Some(n.clone()),
        _ => None,
    };
    let direct = |n: &str| fields.iter().any(|f| &*f.name == n);
    if !elems
        .iter()
        .any(|e| key_name(e).is_some_and(|n| !direct(&n)))
    {
        return Ok(None);
    }
    let mut out: Vec<Element> = Vec::new();
    // Per embedded field: the index in `out` of its gathered literal.
    let mut gathered: Vec<(usize, usize)> = Vec::new();
    for el in elems {
        let Some(n) = key_name(el).filter(|n| !direct(n)) else {
            out.push(el.clone());
            continue;
        };
        let Some(k) = el.key.as_ref() else {
            continue;
        };
        let Some((fi, through_ptr)) = embedding_of(fields, &n) else {
            // Not a field at any depth: the caller's error.
            return Ok(None);
        };
        if !lang.allows(27) {
            let path = field_path(fields, &n).join(".");
            return err(
                k.pos,
                format!(
                    "use of promoted field {path} in struct literal of type {} requires go1.27 or later {}",
                    // types2 names the package's own types unqualified.
                    lit.to_string().replace("main.", ""),
                    lang.why()
                ),
            );
        }
        if through_ptr {
            return err(
                k.pos,
                format!("invalid implicit pointer indirection to reach {n}"),
            );
        }
        let outer = &fields[fi].name;
        if elems
            .iter()
            .any(|e| key_name(e).is_some_and(|m| m == *outer))
        {
            return err(
                k.pos,
                format!("cannot specify promoted field {n} and enclosing embedded field {outer}"),
            );
        }
        let at = match gathered.iter().find(|(f, _)| *f == fi) {
            Some(&(_, at)) => at,
            None => {
                out.push(Element {
                    key: Some(AExpr {
                        kind: ExprKind::Ident(outer.clone()),
                        pos: k.pos,
                    }),
                    value: AExpr {
                        kind: ExprKind::Composite {
                            ty: None,
                            elems: Vec::new(),
                            end: k.pos,
                        },
                        pos: k.pos,
                    },
                });
                gathered.push((fi, out.len() - 1));
                out.len() - 1
            }
        };
        if let ExprKind::Composite { elems: inner, .. } = &mut out[at].value.kind {
            inner.push(el.clone());
        }
    }
    Ok(Some(out))
}

/// The embedded field of `fields` through which a field `n` is promoted
/// (the shallowest), and whether reaching it goes through a pointer.
/// The names from the struct to its promoted field `n` at the
/// shallowest depth (types2's `fieldPath`: `Inner.X`), through pointers.
fn field_path(fields: &[Field], n: &str) -> Vec<Rc<str>> {
    fn walk(fs: &[Field], n: &str, left: usize) -> Option<Vec<Rc<str>>> {
        if let Some(f) = fs.iter().find(|f| &*f.name == n) {
            return Some(vec![f.name.clone()]);
        }
        if left == 0 {
            return None;
        }
        fs.iter()
            .filter(|f| f.embedded)
            .filter_map(|f| {
                let t = match f.ty.underlying() {
                    Type::Pointer(x) => (*x).clone(),
                    t => t,
                };
                let Type::Struct(inner) = t.underlying() else {
                    return None;
                };
                let mut p = walk(&inner, n, left - 1)?;
                p.insert(0, f.name.clone());
                Some(p)
            })
            .min_by_key(Vec::len)
    }
    walk(fields, n, 8).unwrap_or_else(|| vec![n.into()])
}

fn embedding_of(fields: &[Field], n: &str) -> Option<(usize, bool)> {
    fn depth(t: &Type, n: &str, left: usize) -> Option<(usize, bool)> {
        let (t, ptr) = match t.underlying() {
            Type::Pointer(x) => ((*x).clone(), true),
            t => (t, false),
        };
        let Type::Struct(fs) = t.underlying() else {
            return None;
        };
        if fs.iter().any(|f| &*f.name == n) {
            return Some((1, ptr));
        }
        if left == 0 {
            return None;
        }
        fs.iter()
            .filter(|f| f.embedded)
            .filter_map(|f| depth(&f.ty, n, left - 1))
            .min_by_key(|(d, _)| *d)
            .map(|(d, p)| (d + 1, p || ptr))
    }
    fields
        .iter()
        .enumerate()
        .filter(|(_, f)| f.embedded)
        .filter_map(|(i, f)| depth(&f.ty, n, 8).map(|(d, p)| (d, i, p)))
        .min_by_key(|(d, _, _)| *d)
        .map(|(_, i, p)| (i, p))
}

/// The address of what `path` reaches from `xe`, when it goes through a
/// pointer: the walk up to the last indirection, then the fields' address.
fn ptr_receiver(xe: Expr, path: &[Step]) -> Expr {
    let Some(d) = path.iter().rposition(|s| *s == Step::Deref) else {
        return xe;
    };
    let ptr = Checker::walk(xe, &path[..d]);
    let rest: Vec<u32> = path[d + 1..]
        .iter()
        .filter_map(|s| match s {
            Step::Field(i) => Some(*i),
            Step::Deref => None,
        })
        .collect();
    if rest.is_empty() {
        ptr
    } else {
        typed(TypedExpr::FieldAddr(ptr, rest))
    }
}

/// `x` of the concrete type `t` converted to an interface.
pub(crate) fn to_iface(x: Expr, t: &Type) -> Expr {
    match t {
        t if boxed_type(t) => typed(TypedExpr::Box(x, t.clone())),
        Type::Int | Type::Str if !matches!(x, Expr::Const(_)) => Expr::ToIface(Box::new(x)),
        _ => x,
    }
}

/// Go indexes a pointer to an array as the array: `p[i]` is `(*p)[i]`.
pub(crate) fn deref_array(x: Expr, t: Type) -> (Expr, Type) {
    match t.underlying() {
        Type::Pointer(e) if matches!(e.underlying(), Type::Array(..)) => {
            (typed(TypedExpr::Deref(x)), (*e).clone())
        }
        _ => (x, t),
    }
}

/// Whether values of `t` carry their type in an interface (all but the
/// subset's `int`, `string`, `bool`, funcs and the runtime's errors, whose
/// values tell their type themselves).
pub(crate) fn boxed_type(t: &Type) -> bool {
    !t.is_interface()
        && matches!(
            t,
            Type::Named(_)
                | Type::Struct(_)
                | Type::Pointer(_)
                | Type::IntK(_)
                | Type::Float(_)
                | Type::Complex(_)
                | Type::Slice(_)
                | Type::Array(..)
                | Type::Map(..)
                | Type::Chan(..)
                | Type::Sync(_)
        )
}

/// An operand of `fmt`'s print functions, marked for its `Error`/`String`
/// calls: the value's own, or, for a slice or array of values that have
/// such methods (or of interfaces), each element's.
pub(crate) fn show_expr(e: Expr) -> Expr {
    let Expr::Typed(t) = e else {
        return typed(TypedExpr::Show(e));
    };
    match *t {
        TypedExpr::Box(x, ty) => match ty.underlying() {
            Type::Slice(el) | Type::Array(_, el) if shows(&el) => {
                typed(TypedExpr::ShowElems(x, (*el).clone(), ty))
            }
            Type::Struct(_) | Type::Map(..) if deep_shows(&ty) => {
                typed(TypedExpr::ShowFields(x, ty))
            }
            _ => typed(TypedExpr::Show(typed(TypedExpr::Box(x, ty)))),
        },
        t => typed(TypedExpr::Show(Expr::Typed(Box::new(t)))),
    }
}

/// Whether `fmt` calls a method inside a value of type `t` without
/// methods of its own: on an exported field of a struct or on a map's
/// value, at any depth (Go's `printValue` calls them on what it can
/// `Interface()`: not on unexported fields).
pub(crate) fn deep_shows(t: &Type) -> bool {
    fn go(t: &Type, depth: u32) -> bool {
        let inner = |t: &Type| shows(t) || go(t, depth + 1);
        depth < 8
            && !shows(t)
            && match t.underlying() {
                Type::Struct(fs) => fs.iter().any(|f| exported(&f.name) && inner(&f.ty)),
                Type::Map(_, v) => inner(&v),
                _ => false,
            }
    }
    go(t, 0)
}

/// Whether a field name is exported.
pub(crate) fn exported(name: &str) -> bool {
    name.chars().next().is_some_and(char::is_uppercase)
}

/// Whether `fmt` may call a method on values of `t`.
pub(crate) fn shows(t: &Type) -> bool {
    t.is_interface() && *t != Type::Any
        || t.method("Error").is_some_and(|(_, ok)| ok)
        || t.method("String").is_some_and(|(_, ok)| ok)
}

impl Checker {
    /// A deferred (or `go`) `fmt` call whose operands call their
    /// `Error`/`String` methods: the operands are evaluated now, as the
    /// call's arguments, but the methods run when the call does, so the
    /// call becomes one of a function literal taking the operands:
    /// `defer fmt.Println(p)` is `defer func(a any) { fmt.Println(a) }(p)`
    /// with the methods called inside.
    pub(crate) fn late_show(&mut self, call: Call) -> Call {
        let Target::Builtin(b) = &call.target else {
            return call;
        };
        let Args::List(es) = &call.args else {
            return call;
        };
        if !es.iter().any(is_shown) {
            return call;
        }
        let b = b.clone();
        let Args::List(es) = call.args else {
            return Call {
                line: 0,
                target: Target::Builtin(b),
                args: Args::Spread(Expr::Const(crate::value::Value::Nil)),
            };
        };
        let n = es.len() as u32;
        let mut outer = Vec::new();
        let mut inner = Vec::new();
        for (i, e) in es.into_iter().enumerate() {
            let (raw, wrap) = unshow(e);
            outer.push(raw);
            let param = Expr::Load(Var::Local(i as u32));
            inner.push(match wrap {
                Some(w) => w(param),
                None => param,
            });
        }
        let sig = Rc::new(FuncType {
            params: vec![Type::Any; n as usize],
            results: Vec::new(),
            variadic: false,
        });
        let body = vec![Stmt::Expr(Expr::Call(Box::new(Call {
            line: 0,
            target: Target::Builtin(b),
            args: Args::List(inner),
        })))];
        self.lit_count += 1;
        let code = Rc::new(crate::ir::FuncCode {
            name: format!("{}.minigo-show{}", self.cur_name, self.lit_count).into(),
            sig,
            nparams: n as usize,
            results: Vec::new(),
            nslots: n as usize,
            captures: Vec::new(),
            body,
            open: true,
            end_line: 0,
            wrapper: false,
        });
        Call {
            line: 0,
            target: Target::Value(Expr::Lit(code)),
            args: Args::List(outer),
        }
    }
}

fn is_shown(e: &Expr) -> bool {
    matches!(e, Expr::Typed(t) if matches!(**t, TypedExpr::Show(_) | TypedExpr::ShowElems(..) | TypedExpr::ShowFields(..)))
}

type Rewrap = Box<dyn FnOnce(Expr) -> Expr>;

/// An operand without its `Show` marking, and how to mark a parameter
/// holding it the same way.
fn unshow(e: Expr) -> (Expr, Option<Rewrap>) {
    let Expr::Typed(t) = e else { return (e, None) };
    match *t {
        TypedExpr::Show(x) => (x, Some(Box::new(|p| typed(TypedExpr::Show(p))))),
        TypedExpr::ShowElems(x, el, ty) => {
            // The parameter holds the boxed operand: unbox it to the
            // operand's type first.
            let boxed = typed(TypedExpr::Box(x, ty.clone()));
            let w: Rewrap = Box::new(move |p| {
                let v = Expr::Assert {
                    x: Box::new(p),
                    to: ty.clone(),
                    src: Type::Any,
                };
                typed(TypedExpr::ShowElems(v, el, ty))
            });
            (boxed, Some(w))
        }
        TypedExpr::ShowFields(x, ty) => {
            let boxed = typed(TypedExpr::Box(x, ty.clone()));
            let w: Rewrap = Box::new(move |p| {
                let v = Expr::Assert {
                    x: Box::new(p),
                    to: ty.clone(),
                    src: Type::Any,
                };
                typed(TypedExpr::ShowFields(v, ty))
            });
            (boxed, Some(w))
        }
        t => (Expr::Typed(Box::new(t)), None),
    }
}

impl Checker {
    /// `x op= y` and `x++` count as uses of `x` (gc's rule: only a plain
    /// assignment does not).
    pub(crate) fn mark_target_used(&mut self, l: &AExpr) {
        if let ExprKind::Ident(n) = &unparen(l).kind {
            if let Some(b) = self.lookup(n).cloned() {
                self.mark_used(&b);
            }
        }
    }
}

impl Checker {
    /// `x.Lock()` where `x`'s struct embeds a `sync` value (`sync.Mutex`,
    /// `*sync.RWMutex`, ...): the embedded field's method.
    fn promoted_sync_call(
        &mut self,
        x: &AExpr,
        xt: &Type,
        name: &str,
        args: &[AExpr],
        pos: Pos,
    ) -> PResult<Option<(Expr, Type)>> {
        let base = match xt.underlying() {
            Type::Pointer(e) => e.underlying(),
            t => t,
        };
        let Type::Struct(fields) = base else {
            return Ok(None);
        };
        let Some(f) = fields
            .iter()
            .find(|f| f.embedded && crate::checker::goroutines::sync_receiver(&f.ty).is_some())
        else {
            return Ok(None);
        };
        let field = AExpr {
            kind: ExprKind::Selector(Box::new(x.clone()), f.name.clone(), pos),
            pos: x.pos,
        };
        let (fe, ft) = self.value(&field)?;
        let Some(k) = crate::checker::goroutines::sync_receiver(&ft) else {
            return Ok(None);
        };
        self.sync_call(&field, fe, k, name, args, pos).map(Some)
    }
}

/// The conversion between a string and a byte or rune slice, from `from`
/// to `to` (underlying types), if it is one.
fn string_slice_conv(from: &Type, to: &Type) -> Option<crate::ir::Conv> {
    use crate::ir::Conv;
    use crate::types::table::IntKind;
    let elem = |t: &Type| match t {
        Type::Slice(e) if e.underlying() == Type::IntK(IntKind::U8) => Some(true),
        Type::Slice(e) if e.underlying() == Type::IntK(IntKind::I32) => Some(false),
        _ => None,
    };
    match (from, to) {
        (Type::Str, t) => Some(if elem(t)? {
            Conv::StrToBytes
        } else {
            Conv::StrToRunes
        }),
        (f, Type::Str) => Some(if elem(f)? {
            Conv::BytesToStr
        } else {
            Conv::RunesToStr
        }),
        _ => None,
    }
}

/// The method value of a method call's target (`Target::Value(M)` with
/// its receiver `recv`, or `Target::Iface`).
fn bound(target: Target, recv: Option<Expr>, sig: &Rc<FuncType>) -> Expr {
    match (target, recv) {
        (Target::Value(f), Some(r)) => typed(TypedExpr::Bound(f, r, sig.clone())),
        (Target::Iface(x, name), _) => typed(TypedExpr::IfaceBound(x, name, sig.clone())),
        (Target::Value(f), None) => f,
        (Target::Builtin(_) | Target::ErrorMethod(_), _) => Expr::Const(crate::value::Value::Nil),
    }
}

/// A method's receiver reached through a pointer (a value method of `*T`,
/// a method promoted through an embedded pointer or of a field of `*p`):
/// it can fault, and gc shows the caller failing at the selector's dot.
fn through_pointer(recv: Expr, sel: &Selection, dot: Pos) -> Expr {
    if sel.path.contains(&Step::Deref) {
        crate::checker::expr::at_line(recv, dot)
    } else {
        recv
    }
}
