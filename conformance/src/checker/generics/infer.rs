//! Type inference for calls of generic functions: Go's function argument
//! type inference (unification of each parameter's type as written with
//! its argument's type, inexact: a named argument type matches a type
//! literal through its underlying type), then untyped constant arguments
//! by their default types (the "largest" kind among those of one type
//! parameter), then constraint type inference (a parameter whose
//! constraint has a single term, `S ~[]E`, unified with that term).

use std::rc::Rc;

use super::{Binding, Checker, GenericKind};
use crate::ast::{self, Expr as AExpr, ExprKind, IfaceElem, TypeExpr};
use crate::ir::Expr;
use crate::lexer::{PResult, Pos};
use crate::types::Type;

/// Whether a checked argument is an untyped constant (the subset's
/// constants of basic types are untyped until converted).
pub(super) fn untyped(x: &Expr, t: &Type) -> bool {
    matches!(x, Expr::Const(_)) && matches!(t, Type::Int | Type::Float(64) | Type::Str | Type::Bool)
}

/// Unification state: the type parameters' names and what they are bound to.
struct Unifier<'a> {
    names: &'a [Rc<str>],
    bound: Vec<Option<Type>>,
}

impl Unifier<'_> {
    fn param(&self, te: &TypeExpr) -> Option<usize> {
        match te {
            TypeExpr::Name(n, _) => self.names.iter().position(|x| x == n),
            _ => None,
        }
    }
}

impl Checker {
    /// The type arguments of a call of generic function `gid` (signature
    /// `sig`), the first `explicit` given; `args` are the arguments' types
    /// and whether each is an untyped constant.
    pub(super) fn infer(
        &mut self,
        gid: usize,
        sig: &ast::Signature,
        explicit: Vec<Type>,
        args: &[(Type, bool)],
        spread: bool,
        fpos: Pos,
    ) -> PResult<Vec<Type>> {
        let g = &self.generics.decls[gid];
        let names: Vec<Rc<str>> = g.tparams.iter().map(|p| p.name.0.clone()).collect();
        let cons: Vec<TypeExpr> = g.tparams.iter().map(|p| p.constraint.clone()).collect();
        let gname = super::display_name(&g.name);
        let mut u = Unifier {
            names: &names,
            bound: vec![None; names.len()],
        };
        for (i, t) in explicit.into_iter().enumerate() {
            u.bound[i] = Some(t);
        }
        if u.bound.iter().any(Option::is_none) {
            let params = param_exprs(sig, args.len(), spread);
            for (te, (t, untyped)) in params.iter().zip(args) {
                if !untyped {
                    self.unify(&mut u, te, t);
                }
            }
            // Untyped constants: the default type of the largest kind.
            for (i, slot) in u.bound.clone().iter().enumerate() {
                if slot.is_some() {
                    continue;
                }
                let mut best: Option<Type> = None;
                for (te, (t, untyped)) in params.iter().zip(args) {
                    if *untyped && u.param(te) == Some(i) {
                        best = Some(match (&best, t) {
                            (Some(Type::Float(64)), _) | (_, Type::Float(64)) => Type::Float(64),
                            _ => t.clone(),
                        });
                    }
                }
                if best.is_some() {
                    u.bound[i] = best;
                }
            }
            self.core_type_inference(&mut u, &cons);
        }
        let mut out = Vec::new();
        for (i, b) in u.bound.into_iter().enumerate() {
            match b {
                Some(t) => out.push(t),
                None => {
                    return super::err(
                        fpos,
                        format!("in call to {gname}, cannot infer {}", names[i]),
                    )
                }
            }
        }
        Ok(out)
    }

    /// A generic function named without type arguments where a value of
    /// func type `to` is wanted (an argument, an assignment): its type
    /// arguments inferred from `to` (`slices.SortFunc(s, cmp.Compare)`).
    /// `None` if `e` names no generic function or `to` is no func type.
    pub(crate) fn generic_value_for(
        &mut self,
        e: &AExpr,
        to: &Type,
        ctx: &str,
    ) -> PResult<Option<Expr>> {
        // Cheap tests first: this is on the path of every argument.
        match &crate::checker::expr::unparen(e).kind {
            ExprKind::Ident(_) if !self.generics.decls.is_empty() => {}
            ExprKind::Selector(..) => {}
            _ => return Ok(None),
        }
        let Some(gid) = self.generic_func_name(e)? else {
            return Ok(None);
        };
        if !matches!(to.underlying(), Type::Func(_)) {
            return Ok(None);
        }
        let g = &self.generics.decls[gid];
        let GenericKind::Func(decl) = &g.kind else {
            return Ok(None);
        };
        let sig = TypeExpr::Func(Box::new(decl.sig.clone()));
        let names: Vec<Rc<str>> = g.tparams.iter().map(|p| p.name.0.clone()).collect();
        let mut u = Unifier {
            names: &names,
            bound: vec![None; names.len()],
        };
        self.unify(&mut u, &sig, &to.underlying());
        let Some(targs) = u.bound.into_iter().collect::<Option<Vec<_>>>() else {
            return Ok(None);
        };
        let (idx, ty) = self.instantiate_func(gid, targs, e.pos)?;
        let x = crate::checker::expr::coerce(Expr::Func(idx), &Type::Func(ty), to, e, ctx)?;
        Ok(Some(x))
    }

    /// Constraint type inference: a bound parameter whose constraint is a
    /// single term (`~[]E`) binds the parameters of that term, repeated
    /// until nothing changes.
    fn core_type_inference(&mut self, u: &mut Unifier<'_>, cons: &[TypeExpr]) {
        for _ in 0..=u.names.len() {
            let before = u.bound.iter().filter(|b| b.is_some()).count();
            for (i, c) in cons.iter().enumerate() {
                let Some((tilde, term)) = self.core_term(c, 0) else {
                    continue;
                };
                match u.bound[i].clone() {
                    Some(t) => {
                        let t = if tilde { t.underlying() } else { t };
                        self.unify(u, &term, &t);
                    }
                    None if !tilde => {
                        // `[P []E]`, `[PT interface{ *T; M() }]`: P is the
                        // term once the parameters in it are known.
                        if let Some(t) = self.substitute(u, &term) {
                            u.bound[i] = Some(t);
                        }
                    }
                    None => {}
                }
            }
            if u.bound.iter().filter(|b| b.is_some()).count() == before {
                break;
            }
        }
    }

    /// The single type term of constraint `c` as written (`~[]E` of
    /// `interface{ ~[]E }`, `*T` of `interface{ *T; Set(string) }`, through
    /// a generic constraint `Setter[T]` with its arguments put in), if it
    /// has exactly one.
    fn core_term(&self, c: &TypeExpr, depth: u32) -> Option<(bool, TypeExpr)> {
        match c {
            TypeExpr::Interface(elems, _) => {
                let mut found = None;
                for e in elems {
                    let term = match e {
                        IfaceElem::Union(terms, _) => match terms.as_slice() {
                            [t] => (t.tilde, t.ty.clone()),
                            _ => return None,
                        },
                        IfaceElem::Embed(
                            t @ (TypeExpr::Pointer(..)
                            | TypeExpr::Slice(..)
                            | TypeExpr::Array(..)
                            | TypeExpr::Map(..)
                            | TypeExpr::Chan(..)
                            | TypeExpr::Func(..)),
                        ) => (false, t.clone()),
                        _ => continue,
                    };
                    if found.replace(term).is_some() {
                        return None;
                    }
                }
                found
            }
            TypeExpr::Generic(g, args, _) if depth < 8 => {
                let TypeExpr::Name(n, _) = &**g else {
                    return None;
                };
                let Some(Binding::Generic(gid)) = self.scopes[0].0.get(n) else {
                    return None;
                };
                let decl = &self.generics.decls[*gid];
                let GenericKind::Type(spec, _) = &decl.kind else {
                    return None;
                };
                let names: Vec<Rc<str>> = decl.tparams.iter().map(|p| p.name.0.clone()).collect();
                let body = subst(&spec.ty, &names, args);
                self.core_term(&body, depth + 1)
            }
            _ => None,
        }
    }

    /// The type `te` denotes with the bound parameters substituted, if
    /// every parameter in it is bound.
    fn substitute(&mut self, u: &Unifier<'_>, te: &TypeExpr) -> Option<Type> {
        let mut binds = Vec::new();
        let mut unbound = Vec::new();
        for (n, b) in u.names.iter().zip(&u.bound) {
            match b {
                Some(t) => binds.push((n.clone(), t.clone())),
                None => unbound.push(n.clone()),
            }
        }
        // An unbound parameter becomes a name nothing declares, so the
        // term does not resolve.
        let none = vec![TypeExpr::Name(" unbound".into(), te.pos()); unbound.len()];
        let te = subst(te, &unbound, &none);
        self.in_generic_scope(&binds, |c| c.type_expr(&te)).ok()
    }

    /// Unifies the parameter type `te` (as written) with the argument type
    /// `t`, binding unbound parameters; a mismatch binds nothing (the
    /// argument's conversion then reports it).
    fn unify(&mut self, u: &mut Unifier<'_>, te: &TypeExpr, t: &Type) {
        if let Some(i) = u.param(te) {
            if u.bound[i].is_none() && *t != Type::Nil {
                u.bound[i] = Some(t.clone());
            }
            return;
        }
        if let Some(f) = iter_func(te) {
            return self.unify(u, &f, t);
        }
        // A type literal matches a named type through its underlying type.
        let ut = if matches!(te, TypeExpr::Generic(..)) {
            t.clone()
        } else {
            t.underlying()
        };
        match (te, &ut) {
            (TypeExpr::Pointer(e, _), Type::Pointer(x))
            | (TypeExpr::Slice(e, _), Type::Slice(x))
            | (TypeExpr::Array(_, e, _), Type::Array(_, x))
            | (TypeExpr::Chan(_, e, _), Type::Chan(_, x)) => self.unify(u, e, &x.scalar()),
            (TypeExpr::Map(k, v, _), Type::Map(kt, vt)) => {
                self.unify(u, k, kt);
                self.unify(u, v, vt);
            }
            (TypeExpr::Func(sig), Type::Func(ft)) => {
                let ps = param_exprs(sig, ft.params.len(), false);
                let mut pts = ft.params.clone();
                if sig.variadic.is_some() && ft.variadic {
                    if let Some(Type::Slice(e)) = pts.pop() {
                        pts.push((*e).clone());
                    }
                }
                if ps.len() == pts.len() && sig.results.len() == ft.results.len() {
                    for (p, pt) in ps.iter().zip(&pts) {
                        self.unify(u, p, pt);
                    }
                    for (r, rt) in sig.results.iter().zip(&ft.results) {
                        self.unify(u, &r.ty, rt);
                    }
                }
            }
            (TypeExpr::Generic(g, targs, _), Type::Named(n)) => {
                let TypeExpr::Name(gname, _) = &**g else {
                    return;
                };
                let Some(Binding::Generic(gid)) = self.scopes[0].0.get(gname).cloned() else {
                    return;
                };
                let Some((ngid, nargs)) = self.generics.of_named.get(&n.id).cloned() else {
                    return;
                };
                if ngid == gid && !matches!(self.generics.decls[gid].kind, GenericKind::Func(_)) {
                    for (a, x) in targs.iter().zip(&nargs) {
                        self.unify(u, a, x);
                    }
                }
            }
            _ => {}
        }
    }
}

/// The parameter types as written, one per argument (a variadic
/// parameter's element type repeated for the extra arguments, unless the
/// call spreads a slice with `...`).
fn param_exprs(sig: &ast::Signature, nargs: usize, spread: bool) -> Vec<TypeExpr> {
    let mut out: Vec<TypeExpr> = sig.params.iter().map(|p| p.ty.clone()).collect();
    if sig.variadic.is_none() {
        return out;
    }
    if let Some(last) = out.pop() {
        if spread {
            let pos = last.pos();
            out.push(TypeExpr::Slice(Box::new(last), pos));
        } else {
            while out.len() < nargs {
                out.push(last.clone());
            }
        }
    }
    out
}

/// `iter.Seq[V]` and `iter.Seq2[K, V]` as the func types they stand for
/// (`func(yield func(V) bool)`), to unify with a func argument.
fn iter_func(te: &TypeExpr) -> Option<TypeExpr> {
    let TypeExpr::Generic(g, args, pos) = te else {
        return None;
    };
    let TypeExpr::Qualified(p, n, _) = &**g else {
        return None;
    };
    if &**p != "iter" || !matches!((&**n, args.len()), ("Seq", 1) | ("Seq2", 2)) {
        return None;
    }
    let param = |ty: TypeExpr| ast::Param { name: None, ty };
    let sig = |params: Vec<ast::Param>, results: Vec<ast::Param>| {
        TypeExpr::Func(Box::new(ast::Signature {
            params,
            results,
            pos: *pos,
            variadic: None,
        }))
    };
    let yield_ = sig(
        args.iter().cloned().map(param).collect(),
        vec![param(TypeExpr::Name("bool".into(), *pos))],
    );
    Some(sig(vec![param(yield_)], Vec::new()))
}

/// `te` with each name of `names` replaced by the type expression at the
/// same index of `args` (a generic declaration's body instantiated as
/// written).
fn subst(te: &TypeExpr, names: &[Rc<str>], args: &[TypeExpr]) -> TypeExpr {
    let s = |t: &TypeExpr| Box::new(subst(t, names, args));
    let sig = |g: &ast::Signature| {
        let mut g = g.clone();
        for p in g.params.iter_mut().chain(g.results.iter_mut()) {
            p.ty = subst(&p.ty, names, args);
        }
        g
    };
    match te {
        TypeExpr::Name(n, _) => match names.iter().position(|x| x == n) {
            Some(i) if i < args.len() => args[i].clone(),
            _ => te.clone(),
        },
        TypeExpr::Pointer(t, p) => TypeExpr::Pointer(s(t), *p),
        TypeExpr::Slice(t, p) => TypeExpr::Slice(s(t), *p),
        TypeExpr::Array(n, t, p) => TypeExpr::Array(n.clone(), s(t), *p),
        TypeExpr::Map(k, v, p) => TypeExpr::Map(s(k), s(v), *p),
        TypeExpr::Chan(d, t, p) => TypeExpr::Chan(*d, s(t), *p),
        TypeExpr::Func(g) => TypeExpr::Func(Box::new(sig(g))),
        TypeExpr::Generic(g, a, p) => TypeExpr::Generic(
            g.clone(),
            a.iter().map(|t| subst(t, names, args)).collect(),
            *p,
        ),
        TypeExpr::Interface(elems, p) => TypeExpr::Interface(
            elems
                .iter()
                .map(|e| match e {
                    IfaceElem::Method(n, g) => IfaceElem::Method(n.clone(), sig(g)),
                    IfaceElem::Embed(t) => IfaceElem::Embed(subst(t, names, args)),
                    IfaceElem::Union(terms, p) => IfaceElem::Union(
                        terms
                            .iter()
                            .map(|t| ast::Term {
                                tilde: t.tilde,
                                ty: subst(&t.ty, names, args),
                            })
                            .collect(),
                        *p,
                    ),
                })
                .collect(),
            *p,
        ),
        TypeExpr::Struct(..) | TypeExpr::Qualified(..) => te.clone(),
    }
}
