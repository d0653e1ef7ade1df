//! Generic functions and types, by instantiation at check time (see
//! ARCHITECTURE.md, "Generics"): each distinct list of type arguments of a
//! generic function or type is checked (and later compiled) once, as an
//! ordinary function or declared type, with the type parameters' names
//! bound to the type arguments. The compiler and the machine never see a
//! type parameter. `infer.rs` infers type arguments from a call's
//! arguments, `constraint.rs` checks them against their constraints.

mod constraint;
mod infer;
mod prelude;

use std::collections::HashMap;
use std::rc::Rc;

use super::{err, Binding, Checker};
use crate::ast::{self, Expr as AExpr, ExprKind, TypeExpr};
use crate::ir::{Args, Call, Expr, FuncCode, Target};
use crate::lexer::{PResult, Pos};
use crate::types::{FuncType, Type};

pub(crate) use constraint::TypeSet;

/// More instances than this in one program are refused.
const MAX_INSTANCES: usize = 2000;

/// Type arguments nested deeper than this come from an instantiation
/// cycle (`F[T]` instantiating `F[[]T]`), which Go rejects.
const MAX_TARG_DEPTH: u32 = 24;

/// How deeply type constructors nest in `t` (instances count their
/// arguments), up to `MAX_TARG_DEPTH + 1`.
fn depth(t: &Type, of_named: &HashMap<u32, (usize, Vec<Type>)>) -> u32 {
    fn go(t: &Type, of: &HashMap<u32, (usize, Vec<Type>)>, d: u32) -> u32 {
        if d > MAX_TARG_DEPTH {
            return d;
        }
        match t {
            Type::Pointer(e) | Type::Slice(e) | Type::Array(_, e) | Type::Chan(_, e) => {
                go(e, of, d + 1)
            }
            Type::Map(k, v) => go(k, of, d + 1).max(go(v, of, d + 1)),
            Type::Func(ft) => ft
                .params
                .iter()
                .chain(&ft.results)
                .map(|x| go(x, of, d + 1))
                .max()
                .unwrap_or(d),
            Type::Named(n) => match of.get(&n.id) {
                Some((_, args)) => args.iter().map(|x| go(x, of, d + 1)).max().unwrap_or(d),
                None => d,
            },
            _ => d,
        }
    }
    go(t, of_named, 0)
}

/// A generic function or type of the program.
#[derive(Debug)]
pub(crate) struct Generic {
    /// Its name (`Map`, `Stack`).
    name: Rc<str>,
    /// Its type parameters.
    tparams: Vec<ast::TypeParam>,
    /// What is declared.
    kind: GenericKind,
    /// The instances so far, by type arguments.
    instances: Vec<(Vec<Type>, Instance)>,
}

#[derive(Debug)]
enum GenericKind {
    Func(Rc<ast::FuncDecl>),
    /// The type's spec and its methods.
    Type(Rc<ast::TypeSpec>, Vec<Rc<ast::FuncDecl>>),
}

#[derive(Debug, Clone)]
enum Instance {
    Func { idx: u32, ty: Rc<FuncType> },
    Type(Type),
}

/// A function body of an instance, checked after the program's own
/// functions (`Checker::instance_bodies`).
#[derive(Debug)]
pub(crate) struct PendingBody {
    decl: Rc<ast::FuncDecl>,
    /// The type parameters' names (of the function, or of the method's
    /// receiver) and their type arguments.
    binds: Vec<(Rc<str>, Type)>,
    idx: u32,
    name: Rc<str>,
}

/// The generic declarations and their instances.
#[derive(Debug, Default)]
pub(crate) struct Generics {
    decls: Vec<Generic>,
    pending: Vec<PendingBody>,
    /// Instantiated types (by `NamedType::id`): their generic type and
    /// type arguments (for inference through `Stack[T]`).
    of_named: HashMap<u32, (usize, Vec<Type>)>,
    count: usize,
    /// Declared constraint interfaces with type terms (by `NamedType::id`).
    pub(crate) constraints: HashMap<u32, TypeSet>,
    /// While package-level declarations are entered (methods not yet
    /// declared, so method sets are incomplete): the constraint checks of
    /// the instances made, done by [`Checker::late_constraint_checks`].
    pub(crate) later: Option<Vec<(usize, Vec<Type>, Pos)>>,
    /// The packages whose generic functions in Go are declared
    /// (`prelude.rs`).
    loaded: Vec<String>,
    /// In an instance's body: its type arguments as Go spells them
    /// (`[int]`), which local types declared there carry in their names.
    pub(crate) local_suffix: Option<Rc<str>>,
}

/// How messages name a function: a package's generic function in Go
/// (`minigo_slices_Insert`) as `slices.Insert`.
pub(super) fn display_name(name: &str) -> String {
    match name.strip_prefix("minigo_").and_then(|r| r.split_once('_')) {
        Some((pkg, f)) => format!("{pkg}.{f}"),
        None => name.to_string(),
    }
}

/// Go's spelling of a type argument list: `[int,string]`.
fn args_text(targs: &[Type]) -> String {
    let a: Vec<String> = targs.iter().map(|t| t.to_string()).collect();
    format!("[{}]", a.join(","))
}

/// The receiver's base type name and its type parameter names, for a
/// method written on a generic type (`(s *Stack[T])`).
fn generic_receiver(r: &ast::Param) -> Option<(&Rc<str>, &[TypeExpr])> {
    let t = match &r.ty {
        TypeExpr::Pointer(t, _) => &**t,
        t => t,
    };
    match t {
        TypeExpr::Generic(g, args, _) => match &**g {
            TypeExpr::Name(n, _) => Some((n, args)),
            _ => None,
        },
        _ => None,
    }
}

/// Where the base name of `G[...]` is.
fn generic_base_pos(t: &TypeExpr) -> Pos {
    match t {
        TypeExpr::Generic(g, _, _) => g.pos(),
        t => t.pos(),
    }
}

impl Checker {
    /// Enters the program's generic types (before any type is resolved)
    /// with their methods; the methods are taken out of `decls`' way by
    /// [`Checker::is_generic_method`].
    pub(super) fn declare_generic_types(&mut self, file: &ast::File) -> PResult<()> {
        for d in &file.decls {
            let ast::Decl::Type(t) = d else { continue };
            if t.tparams.is_empty() {
                continue;
            }
            if t.alias {
                return Err(crate::lexer::SyntaxError::unsupported(
                    t.pos,
                    "generic type aliases",
                ));
            }
            let gid = self.generics.decls.len();
            self.generics.decls.push(Generic {
                name: t.name.0.clone(),
                tparams: t.tparams.clone(),
                kind: GenericKind::Type(Rc::new(t.clone()), Vec::new()),
                instances: Vec::new(),
            });
            self.declare_pkg_name(&t.name.0, t.name.1, Binding::Generic(gid))?;
        }
        for d in &file.decls {
            let ast::Decl::Func(f) = d else { continue };
            let Some((base, args)) = f.recv.as_ref().and_then(generic_receiver) else {
                continue;
            };
            let Some(Binding::Generic(gid)) = self.scopes[0].0.get(base).cloned() else {
                let pos = match f.recv.as_ref().map(|r| &r.ty) {
                    Some(TypeExpr::Pointer(t, _)) => generic_base_pos(t),
                    Some(t) => generic_base_pos(t),
                    None => f.pos,
                };
                return err(pos, format!("{base} is not a generic type"));
            };
            let g = &mut self.generics.decls[gid];
            if args.len() != g.tparams.len() {
                return err(
                    f.pos,
                    format!(
                        "receiver declares {} type parameters, but receiver base type declares {}",
                        args.len(),
                        g.tparams.len()
                    ),
                );
            }
            for a in args {
                if !matches!(a, TypeExpr::Name(..)) {
                    return err(a.pos(), "receiver type parameter must be an identifier");
                }
            }
            if let Some(p) = f.tparams.first() {
                return Err(crate::lexer::SyntaxError::unsupported(
                    p.name.1,
                    "generic methods (type parameters on methods)",
                ));
            }
            if let GenericKind::Type(_, ms) = &mut g.kind {
                if f.name.as_ref() != "_" && ms.iter().any(|m| m.name == f.name) {
                    return err(
                        f.pos,
                        format!("method {}.{} already declared", g.name, f.name),
                    );
                }
                ms.push(Rc::new(f.clone()));
            }
        }
        Ok(())
    }

    /// Whether `f` is a method of a generic type (declared per instance).
    pub(super) fn is_generic_method(&self, f: &ast::FuncDecl) -> bool {
        f.recv.as_ref().and_then(generic_receiver).is_some()
    }

    /// Enters a generic function.
    pub(super) fn declare_generic_func(&mut self, f: &ast::FuncDecl) -> PResult<()> {
        if &*f.name == "main" || &*f.name == "init" {
            return err(
                f.tparams.first().map_or(f.pos, |p| p.name.1),
                format!("func {} must have no type parameters", f.name),
            );
        }
        let gid = self.generics.decls.len();
        self.generics.decls.push(Generic {
            name: f.name.clone(),
            tparams: f.tparams.clone(),
            kind: GenericKind::Func(Rc::new(f.clone())),
            instances: Vec::new(),
        });
        if &*f.name != "_" {
            self.declare_pkg_name(&f.name, f.pos, Binding::Generic(gid))?;
        }
        Ok(())
    }

    /// Runs `f` in the scope of a generic declaration: the package scope
    /// and the type parameters bound to their arguments (not the scopes of
    /// the function being checked where the instance is used).
    fn in_generic_scope<R>(
        &mut self,
        binds: &[(Rc<str>, Type)],
        f: impl FnOnce(&mut Self) -> PResult<R>,
    ) -> PResult<R> {
        let saved = self.scopes.split_off(1);
        let mut scope = HashMap::new();
        for (n, t) in binds {
            if &**n != "_" {
                scope.insert(n.clone(), Binding::Type(t.clone()));
            }
        }
        self.scopes.push((scope, usize::MAX));
        let r = f(self);
        self.scopes.truncate(1);
        self.scopes.extend(saved);
        r
    }

    fn binds(&self, gid: usize, targs: &[Type]) -> Vec<(Rc<str>, Type)> {
        let g = &self.generics.decls[gid];
        g.tparams
            .iter()
            .map(|p| p.name.0.clone())
            .zip(targs.iter().cloned())
            .collect()
    }

    fn cached(&self, gid: usize, targs: &[Type]) -> Option<Instance> {
        self.generics.decls[gid]
            .instances
            .iter()
            .find(|(a, _)| a.as_slice() == targs)
            .map(|(_, i)| i.clone())
    }

    fn count_instance(&mut self, targs: &[Type], pos: Pos) -> PResult<()> {
        if targs
            .iter()
            .any(|t| depth(t, &self.generics.of_named) > MAX_TARG_DEPTH)
        {
            return err(pos, "instantiation cycle");
        }
        self.generics.count += 1;
        if self.generics.count > MAX_INSTANCES {
            return Err(crate::lexer::SyntaxError::unsupported(
                pos,
                &format!("programs with more than {MAX_INSTANCES} generic instances"),
            ));
        }
        Ok(())
    }

    /// Checks the number of type arguments and their constraints.
    fn check_targs(&mut self, gid: usize, targs: &[Type], pos: Pos) -> PResult<()> {
        let g = &self.generics.decls[gid];
        let (name, want) = (g.name.clone(), g.tparams.len());
        if targs.len() != want {
            let what = if targs.len() < want {
                "not enough"
            } else {
                "too many"
            };
            let kind = match g.kind {
                GenericKind::Func(_) => "",
                GenericKind::Type(..) => "type ",
            };
            return err(
                pos,
                format!(
                    "{what} type arguments for {kind}{name}: have {}, want {want}",
                    targs.len()
                ),
            );
        }
        if let Some(later) = &mut self.generics.later {
            later.push((gid, targs.to_vec(), pos));
            return Ok(());
        }
        let binds = self.binds(gid, targs);
        let cons: Vec<TypeExpr> = self.generics.decls[gid]
            .tparams
            .iter()
            .map(|p| p.constraint.clone())
            .collect();
        self.in_generic_scope(&binds, |c| {
            for (t, con) in targs.iter().zip(&cons) {
                c.satisfies(t, con, pos)?;
            }
            Ok(())
        })
    }

    /// The constraint checks of the instances made while the package's
    /// declarations were entered, now that every method is declared.
    pub(super) fn late_constraint_checks(&mut self) -> PResult<()> {
        for (gid, targs, pos) in self.generics.later.take().unwrap_or_default() {
            self.check_targs(gid, &targs, pos)?;
        }
        Ok(())
    }

    /// The instance of generic type `gid` for `targs`.
    pub(crate) fn instantiate_type(
        &mut self,
        gid: usize,
        targs: Vec<Type>,
        pos: Pos,
    ) -> PResult<Type> {
        if let Some(Instance::Type(t)) = self.cached(gid, &targs) {
            return Ok(t);
        }
        let GenericKind::Type(spec, methods) = &self.generics.decls[gid].kind else {
            return err(pos, "internal error: not a generic type");
        };
        let (spec, methods) = (spec.clone(), methods.clone());
        self.check_targs(gid, &targs, pos)?;
        self.count_instance(&targs, pos)?;
        let full = format!("main.{}{}", spec.name.0, args_text(&targs));
        let n = self.new_named(&full);
        let t = Type::Named(n.clone());
        self.generics.decls[gid]
            .instances
            .push((targs.clone(), Instance::Type(t.clone())));
        self.generics.of_named.insert(n.id, (gid, targs.clone()));
        let binds = self.binds(gid, &targs);
        let u = self.in_generic_scope(&binds, |c| c.type_expr(&spec.ty))?;
        if matches!(spec.ty, TypeExpr::Name(ref m, _) if binds.iter().any(|(b, _)| b == m)) {
            return err(
                spec.ty.pos(),
                "cannot use a type parameter as RHS in type declaration",
            );
        }
        *n.underlying.borrow_mut() = u.underlying();
        self.in_generic_scope(&binds, |c| c.note_constraint(n.id, &spec.ty))?;
        if super::typedecl::contains(&t, n.id, &mut Vec::new()) {
            return err(
                spec.name.1,
                format!("invalid recursive type {}", spec.name.0),
            );
        }
        for m in methods {
            self.instance_method(&n, &m, &targs)?;
        }
        Ok(t)
    }

    /// Declares method `m` of instance `n` and queues its body.
    fn instance_method(
        &mut self,
        n: &Rc<crate::types::named::NamedType>,
        m: &Rc<ast::FuncDecl>,
        targs: &[Type],
    ) -> PResult<()> {
        let Some(r) = &m.recv else {
            return err(m.pos, "internal error: not a method");
        };
        let Some((_, names)) = generic_receiver(r) else {
            return err(m.pos, "internal error: not a generic receiver");
        };
        let binds: Vec<(Rc<str>, Type)> = names
            .iter()
            .map(|a| match a {
                TypeExpr::Name(s, _) => s.clone(),
                _ => "_".into(),
            })
            .zip(targs.iter().cloned())
            .collect();
        let ptr_recv = matches!(r.ty, TypeExpr::Pointer(..));
        let sig = Rc::new(self.in_generic_scope(&binds, |c| c.signature(&m.sig))?);
        let recv_ty = if ptr_recv {
            Type::Pointer(Rc::new(Type::Named(n.clone())))
        } else {
            Type::Named(n.clone())
        };
        let mut full = (*sig).clone();
        full.params.insert(0, recv_ty);
        let idx = self.func_types.len() as u32;
        self.func_types.push(Rc::new(full));
        let base = &n.full;
        let name: Rc<str> = if ptr_recv {
            format!("main.(*{}).{}", &base[5..], m.name).into()
        } else {
            format!("{base}.{}", m.name).into()
        };
        self.generics.pending.push(PendingBody {
            decl: m.clone(),
            binds,
            idx,
            name,
        });
        if &*m.name == "_" {
            return Ok(());
        }
        let field = matches!(n.underlying.borrow().clone(), Type::Struct(fs) if fs.iter().any(|x| x.name == m.name));
        if field {
            let short = n.full.trim_start_matches("main.");
            return err(
                m.pos,
                format!("field and method {short}.{} already declared", m.name),
            );
        }
        n.methods
            .borrow_mut()
            .push(crate::types::named::MethodDecl {
                name: m.name.clone(),
                sig,
                ptr_recv,
                func: idx,
            });
        Ok(())
    }

    /// The instance of generic function `gid` for `targs`: its function
    /// index and type.
    pub(crate) fn instantiate_func(
        &mut self,
        gid: usize,
        targs: Vec<Type>,
        pos: Pos,
    ) -> PResult<(u32, Rc<FuncType>)> {
        if let Some(Instance::Func { idx, ty }) = self.cached(gid, &targs) {
            return Ok((idx, ty));
        }
        let GenericKind::Func(decl) = &self.generics.decls[gid].kind else {
            return err(pos, "internal error: not a generic function");
        };
        let decl = decl.clone();
        self.check_targs(gid, &targs, pos)?;
        self.count_instance(&targs, pos)?;
        let binds = self.binds(gid, &targs);
        let ty = Rc::new(self.in_generic_scope(&binds, |c| c.signature(&decl.sig))?);
        let idx = self.func_types.len() as u32;
        self.func_types.push(ty.clone());
        self.generics.decls[gid].instances.push((
            targs.clone(),
            Instance::Func {
                idx,
                ty: ty.clone(),
            },
        ));
        self.generics.pending.push(PendingBody {
            decl: decl.clone(),
            binds,
            idx,
            name: format!("main.{}{}", decl.name, args_text(&targs)).into(),
        });
        Ok((idx, ty))
    }

    /// Checks the bodies of the instances made so far, and of those they
    /// make, in order; each is `(function index, code)`.
    pub(super) fn instance_bodies(&mut self) -> PResult<Vec<(u32, Rc<FuncCode>)>> {
        let mut out = Vec::new();
        let mut next = 0;
        while next < self.generics.pending.len() {
            let p = &self.generics.pending[next];
            let (decl, binds, idx, name) = (p.decl.clone(), p.binds.clone(), p.idx, p.name.clone());
            next += 1;
            let targs: Vec<Type> = binds.iter().map(|(_, t)| t.clone()).collect();
            self.generics.local_suffix = Some(args_text(&targs).into());
            let code = self.in_generic_scope(&binds, |c| {
                c.cur_name = name.clone();
                c.lit_count = 0;
                let first_local = c.locals.len();
                let Some(body) = &decl.body else {
                    return err(decl.pos, format!("missing function body for {}", decl.name));
                };
                let mut sig = decl.sig.clone();
                if let Some(r) = &decl.recv {
                    sig.params.insert(0, r.clone());
                }
                let code = c.function(&sig, body, name.clone())?;
                c.check_unused(first_local)?;
                Ok(code)
            });
            self.generics.local_suffix = None;
            out.push((idx, code?));
        }
        Ok(out)
    }

    /// A type written `G[args]`: an instance of the program's generic type
    /// `G`, if `G` is one.
    pub(crate) fn generic_type_expr(
        &mut self,
        g: &TypeExpr,
        args: &[TypeExpr],
        pos: Pos,
    ) -> Option<PResult<Type>> {
        let TypeExpr::Name(n, npos) = g else {
            return None;
        };
        match self.lookup(n).cloned() {
            Some(Binding::Generic(gid)) => Some((|| {
                if matches!(self.generics.decls[gid].kind, GenericKind::Func(_)) {
                    return err(*npos, format!("{n} is not a type"));
                }
                let mut targs = Vec::new();
                for a in args {
                    targs.push(self.type_expr(a)?);
                }
                if targs.len() != self.generics.decls[gid].tparams.len() {
                    return self.check_targs(gid, &targs, *npos).map(|_| Type::Nil);
                }
                self.instantiate_type(gid, targs, pos)
            })()),
            Some(_) => Some(err(*npos, format!("{n} is not a generic type"))),
            None => None,
        }
    }

    /// The error for a generic name used without instantiation.
    pub(crate) fn uninstantiated<T>(&self, gid: usize, pos: Pos) -> PResult<T> {
        let g = &self.generics.decls[gid];
        let what = match g.kind {
            GenericKind::Func(_) => g.name.to_string(),
            GenericKind::Type(..) => {
                let ps: Vec<String> = g
                    .tparams
                    .iter()
                    .map(|p| {
                        format!(
                            "{} {}",
                            p.name.0,
                            constraint::constraint_name(&p.constraint)
                        )
                    })
                    .collect();
                format!("{}[{}]", g.name, ps.join(", "))
            }
        };
        let kind = match g.kind {
            GenericKind::Func(_) => "function",
            GenericKind::Type(..) => "type",
        };
        err(
            pos,
            format!("cannot use generic {kind} {what} without instantiation"),
        )
    }

    /// Whether a generic declaration that was never instantiated (so its
    /// body was never checked) names package `pkg`: Go counts such a use
    /// of an import. (A textual test of the syntax tree: an identifier or
    /// a qualified type `pkg`.)
    pub(super) fn named_in_unchecked_generic(&self, pkg: &str) -> bool {
        let ident = format!("Ident({pkg:?})");
        let qualified = format!("Qualified({pkg:?},");
        self.generics.decls.iter().any(|g| {
            if !g.instances.is_empty() {
                return false;
            }
            let text = match &g.kind {
                GenericKind::Func(f) => format!("{f:?}"),
                GenericKind::Type(t, ms) => format!("{t:?}{ms:?}"),
            };
            text.contains(&ident) || text.contains(&qualified)
        })
    }

    /// Whether generic declaration `gid` is a type.
    pub(crate) fn is_generic_type(&self, gid: usize) -> bool {
        matches!(self.generics.decls[gid].kind, GenericKind::Type(..))
    }

    /// The generic function `e` names (`F` or `F[int]`): its id and
    /// the explicit type arguments.
    fn generic_callee(&mut self, e: &AExpr) -> PResult<Option<(usize, Vec<Type>, Pos)>> {
        let e = super::expr::unparen(e);
        match &e.kind {
            ExprKind::Ident(_) => self.generic_parts(e, &[], e.pos),
            ExprKind::Index(x, ix) => self.generic_parts(x, ix, e.pos),
            _ => Ok(None),
        }
    }

    /// `x[ix]` where `x` names a generic function.
    fn generic_parts(
        &mut self,
        x: &AExpr,
        targs: &[AExpr],
        pos: Pos,
    ) -> PResult<Option<(usize, Vec<Type>, Pos)>> {
        let e = super::expr::unparen(x);
        let hidden;
        let name = match &e.kind {
            ExprKind::Ident(name) => name,
            // `cmp.Compare[int]`: a package's generic function in Go.
            ExprKind::Selector(p, n, _) => match &super::expr::unparen(p).kind {
                ExprKind::Ident(pkg)
                    if !targs.is_empty()
                        && self.lookup(pkg).is_none()
                        && self.imports.contains_key(pkg) =>
                {
                    let Some(h) = self.prelude_generic(pkg, n) else {
                        return Ok(None);
                    };
                    self.mark_import(pkg);
                    hidden = h?;
                    &hidden
                }
                _ => return Ok(None),
            },
            _ => return Ok(None),
        };
        let Some(Binding::Generic(gid)) = self.lookup(name).cloned() else {
            return Ok(None);
        };
        if !matches!(self.generics.decls[gid].kind, GenericKind::Func(_)) {
            return Ok(None);
        }
        let mut out = Vec::new();
        for a in targs {
            let Some(te) = a.as_type() else {
                return err(a.pos, format!("{} is not a type", super::expr::show(a)));
            };
            out.push(self.type_expr(&te)?);
        }
        let want = self.generics.decls[gid].tparams.len();
        if out.len() > want {
            return err(
                targs[want].pos,
                format!("got {} type arguments but want {want}", out.len()),
            );
        }
        Ok(Some((gid, out, pos)))
    }

    /// `F[int]` as a value (every type argument given).
    pub(crate) fn generic_value(
        &mut self,
        x: &AExpr,
        ix: &[AExpr],
        pos: Pos,
    ) -> PResult<Option<(Expr, Type)>> {
        let Some((gid, targs, pos)) = self.generic_parts(x, ix, pos)? else {
            return Ok(None);
        };
        if targs.len() < self.generics.decls[gid].tparams.len() {
            return self.uninstantiated(gid, pos);
        }
        let (idx, ty) = self.instantiate_func(gid, targs, pos)?;
        Ok(Some((Expr::Func(idx), Type::Func(ty))))
    }

    /// A call of a generic function, its type arguments inferred from the
    /// arguments where not given; `None` if `f` is not one.
    pub(crate) fn generic_call(
        &mut self,
        f: &AExpr,
        args: &[AExpr],
        spread: Option<Pos>,
        pos: Pos,
    ) -> PResult<Option<(Expr, Type)>> {
        let Some((gid, explicit, fpos)) = self.generic_callee(f)? else {
            return Ok(None);
        };
        let GenericKind::Func(decl) = &self.generics.decls[gid].kind else {
            return Ok(None);
        };
        let decl = decl.clone();
        let fname = display_name(&super::expr::show(f));
        // The arguments are checked once, before the parameter types are
        // known, then converted to them (as `value_as` does for others).
        let mut checked = Vec::new();
        for a in args {
            checked.push(self.expr(a)?);
        }
        let tuple = match checked.as_slice() {
            [(_, Type::Tuple(ts))] if ts.len() >= 2 => Some(ts.to_vec()),
            _ => None,
        };
        let arg_types: Vec<(Type, bool)> = match &tuple {
            Some(ts) => ts.iter().map(|t| (t.clone(), false)).collect(),
            None => {
                let mut v = Vec::new();
                for (a, (x, t)) in args.iter().zip(&checked) {
                    super::expr::single(a, Expr::Const(crate::ir::Const::Nil), t.clone())?;
                    v.push((t.clone(), infer::untyped(x, t)));
                }
                v
            }
        };
        let targs = self.infer(gid, &decl.sig, explicit, &arg_types, spread.is_some(), fpos)?;
        let (idx, ty) = self.instantiate_func(gid, targs, fpos)?;
        let call_args = match tuple {
            Some(ts) => {
                if ts.len() != ty.params.len() || ty.variadic {
                    return err(
                        pos,
                        format!(
                            "wrong argument count in call to {fname}: have {}",
                            checked[0].1
                        ),
                    );
                }
                for (have, want) in ts.iter().zip(&ty.params) {
                    if !have.assignable_to(want) {
                        return err(
                            args[0].pos,
                            format!(
                                "cannot use {} (value of type {}) as {want} value in argument to {fname}",
                                super::expr::show(&args[0]),
                                checked[0].1
                            ),
                        );
                    }
                }
                Args::Spread(checked.remove(0).0)
            }
            None => self.checked_args(&ty, args, checked, spread, pos, &fname)?,
        };
        let call = Call {
            target: Target::Value(Expr::Func(idx)),
            args: call_args,
        };
        Ok(Some((
            Expr::Call(Box::new(call)),
            super::expr::result_type(&ty),
        )))
    }

    /// Converts checked arguments to the parameter types of `ty`.
    fn checked_args(
        &mut self,
        ty: &FuncType,
        args: &[AExpr],
        checked: Vec<(Expr, Type)>,
        spread: Option<Pos>,
        pos: Pos,
        fname: &str,
    ) -> PResult<Args> {
        let ctx = format!("argument to {fname}");
        let coerce = super::expr::coerce;
        let nfixed = ty.params.len() - usize::from(ty.variadic);
        if spread.is_some() && !ty.variadic {
            return err(
                spread.unwrap_or(pos),
                format!("have (...) arguments: cannot use ... in call to non-variadic {fname}"),
            );
        }
        let exact = !ty.variadic || spread.is_some();
        if args.len() < nfixed || (exact && args.len() < ty.params.len()) {
            return err(pos, format!("not enough arguments in call to {fname}"));
        }
        if exact && args.len() > ty.params.len() {
            return err(
                args[ty.params.len()].pos,
                format!("too many arguments in call to {fname}"),
            );
        }
        let mut out = Vec::new();
        let mut rest = Vec::new();
        for (k, (a, (x, t))) in args.iter().zip(checked).enumerate() {
            if k < nfixed || spread.is_some() {
                out.push(coerce(x, &t, &ty.params[k], a, &ctx)?);
                continue;
            }
            let Some(Type::Slice(elem)) = ty.params.last() else {
                return err(pos, "internal error: variadic parameter is not a slice");
            };
            let v = coerce(x, &t, elem, a, &ctx)?;
            rest.push((Expr::Const(crate::ir::Const::Int(rest.len() as i64)), v));
        }
        if ty.variadic && spread.is_none() {
            let Some(last @ Type::Slice(elem)) = ty.params.last() else {
                return err(pos, "internal error: variadic parameter is not a slice");
            };
            out.push(if rest.is_empty() {
                Expr::Const(super::zero(last))
            } else {
                Expr::Comp(Box::new(crate::ir::CompExpr::Lit {
                    on: crate::ir::On::Slice,
                    len: rest.len() as u32,
                    zero: super::zero(elem),
                    depth: super::composite::array_depth(elem),
                    elems: rest,
                }))
            });
        }
        Ok(Args::List(out))
    }
}
