//! Generic functions and types, by instantiation at check time (see
//! ARCHITECTURE.md, "Generics"): each distinct list of type arguments of a
//! generic function or type is checked (and later compiled) once, as an
//! ordinary function or declared type, with the type parameters' names
//! bound to the type arguments. The compiler and the machine never see a
//! type parameter. `instance.rs` makes instances, `call.rs` checks uses and
//! calls, `infer.rs` infers type arguments from a call's arguments,
//! `constraint.rs` checks them against their constraints, `methods.rs`
//! lowers Go 1.27's generic methods, `prelude.rs` holds the generic
//! functions of `cmp`, `slices` and `maps` written in Go.

mod call;
mod constraint;
mod infer;
mod instance;
mod methods;
mod prelude;

use std::collections::HashMap;
use std::rc::Rc;

use super::{err, Binding, Checker};
use crate::ast::{self, TypeExpr};
use crate::lexer::{PResult, Pos};
use crate::types::{FuncType, Type};

pub(crate) use constraint::TypeSet;

/// The level of the scope binding a generic declaration's type
/// parameters (no function context's).
const GENERIC_SCOPE: usize = usize::MAX;

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
    /// For a type declared inside a function: the scopes where it was
    /// declared (its body's types and constants resolve there).
    local: Option<Rc<LocalDecl>>,
}

/// Where a generic type declared inside a function was declared.
#[derive(Debug)]
pub(crate) struct LocalDecl {
    /// The function's scopes (all but the package's), its own name bound.
    scopes: Vec<(crate::fastmap::FastMap<Rc<str>, Binding>, usize)>,
    /// In an instance of a generic function: that instance's type
    /// arguments as Go spells them (`[int]`), which gc puts first in the
    /// local type's instances' names (`main.acc[int;string]`).
    suffix: Option<Rc<str>>,
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

/// A constraint check left for later: the generic declaration, its type
/// arguments, and where each was written.
type LateCheck = (usize, Vec<Type>, Vec<Pos>);

/// A generic method's receiver base type name and method name.
type MethodKey = (Rc<str>, Rc<str>);

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
    pub(crate) later: Option<Vec<LateCheck>>,
    /// Generic methods, by receiver base type name and method name: their
    /// hidden functions and whether the receiver is a pointer
    /// (`methods.rs`).
    methods: HashMap<MethodKey, (Rc<str>, bool)>,
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

/// `r` with each blank type parameter of its receiver type (`func (a
/// asserter[_]) f()`) renamed `_#k`: a name no program can write, bound
/// to its type argument as the others are, so that the receiver's type
/// resolves in the method's scope.
fn unblank_receiver(r: &ast::Param) -> ast::Param {
    let mut r = r.clone();
    let t = match &mut r.ty {
        TypeExpr::Pointer(t, _) => &mut **t,
        t => t,
    };
    if let TypeExpr::Generic(_, args, _) = t {
        for (k, a) in args.iter_mut().enumerate() {
            if let TypeExpr::Name(n, _) = a {
                if &**n == "_" {
                    *n = format!("_#{k}").into();
                }
            }
        }
    }
    r
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
                local: None,
            });
            self.declare_pkg_name(&t.name.0, t.name.1, Binding::Generic(gid))?;
        }
        for d in &file.decls {
            if let ast::Decl::Func(f) = d {
                self.generic_method(f)?;
            }
        }
        Ok(())
    }

    /// Adds `f` to its generic type's methods if its receiver is `G[...]`.
    fn generic_method(&mut self, f: &ast::FuncDecl) -> PResult<()> {
        if f.recv.is_some() && !f.tparams.is_empty() {
            return self.declare_generic_method(f);
        }
        let Some((base, args)) = f.recv.as_ref().and_then(generic_receiver) else {
            return Ok(());
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
        if let GenericKind::Type(_, ms) = &mut g.kind {
            if f.name.as_ref() != "_" && ms.iter().any(|m| m.name == f.name) {
                return err(
                    f.pos,
                    format!("method {}.{} already declared", g.name, f.name),
                );
            }
            ms.push(Rc::new(f.clone()));
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
            local: None,
        });
        if &*f.name != "_" {
            self.declare_pkg_name(&f.name, f.pos, Binding::Generic(gid))?;
        }
        Ok(())
    }

    /// Whether `te` names a type parameter of the generic declaration
    /// being checked (bound to its type argument by `in_generic_scope`).
    /// Go checks a generic body once, with the type parameter as a type
    /// of its own whose underlying type is its constraint interface: some
    /// rules (`x.(T)` is never impossible) need to know it was one.
    pub(crate) fn names_type_param(&self, te: &TypeExpr) -> bool {
        let TypeExpr::Name(n, _) = te else {
            return false;
        };
        let mut scopes = self.scopes.iter().enumerate().rev();
        let found = scopes.find(|(_, (m, _))| m.contains_key(&**n));
        matches!(found, Some((i, (_, level))) if i > 0 && *level == GENERIC_SCOPE)
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
        let mut scope = crate::fastmap::FastMap::default();
        for (n, t) in binds {
            if &**n != "_" {
                scope.insert(n.clone(), Binding::Type(t.clone()));
            }
        }
        self.scopes.push((scope, GENERIC_SCOPE));
        let r = f(self);
        self.scopes.truncate(1);
        self.scopes.extend(saved);
        r
    }

    /// [`Checker::in_generic_scope`] for declaration `gid`: a type
    /// declared inside a function also sees that function's scopes as
    /// they were at its declaration (between the package's and the type
    /// parameters').
    fn in_decl_scope<R>(
        &mut self,
        gid: usize,
        binds: &[(Rc<str>, Type)],
        f: impl FnOnce(&mut Self) -> PResult<R>,
    ) -> PResult<R> {
        let Some(local) = self.generics.decls[gid].local.clone() else {
            return self.in_generic_scope(binds, f);
        };
        let saved = self.scopes.split_off(1);
        self.scopes.extend(local.scopes.iter().cloned());
        let r = self.in_generic_scope_here(binds, f);
        self.scopes.truncate(1);
        self.scopes.extend(saved);
        r
    }

    /// The type parameters' scope pushed on the current scopes.
    fn in_generic_scope_here<R>(
        &mut self,
        binds: &[(Rc<str>, Type)],
        f: impl FnOnce(&mut Self) -> PResult<R>,
    ) -> PResult<R> {
        let depth = self.scopes.len();
        let mut scope = crate::fastmap::FastMap::default();
        for (n, t) in binds {
            if &**n != "_" {
                scope.insert(n.clone(), Binding::Type(t.clone()));
            }
        }
        self.scopes.push((scope, GENERIC_SCOPE));
        let r = f(self);
        self.scopes.truncate(depth);
        r
    }

    /// Enters a generic type declared inside a function (Go 1.27 allows
    /// them; they have no methods, which a function cannot declare).
    pub(crate) fn declare_local_generic_type(&mut self, t: &ast::TypeSpec) -> PResult<()> {
        let (name, pos) = &t.name;
        if let Some(scope) = self.scopes.last() {
            if scope.0.contains_key(name) {
                return err(*pos, format!("{name} redeclared in this block"));
            }
        }
        let gid = self.generics.decls.len();
        if let Some(scope) = self.scopes.last_mut() {
            scope.0.insert(name.clone(), Binding::Generic(gid));
        }
        let local = LocalDecl {
            scopes: self.scopes[1..].to_vec(),
            suffix: self.generics.local_suffix.clone(),
        };
        self.generics.decls.push(Generic {
            name: name.clone(),
            tparams: t.tparams.clone(),
            kind: GenericKind::Type(Rc::new(t.clone()), Vec::new()),
            instances: Vec::new(),
            local: Some(Rc::new(local)),
        });
        Ok(())
    }

    /// gc's name of an instance of generic type `gid`: `main.Pair[int,string]`,
    /// and for one declared in an instance of a generic function, that
    /// instance's type arguments first: `main.acc[int;string]`.
    fn instance_name(&self, gid: usize, targs: &[Type]) -> String {
        let g = &self.generics.decls[gid];
        let own = args_text(targs);
        match g.local.as_ref().and_then(|l| l.suffix.as_ref()) {
            Some(outer) => format!(
                "main.{}{};{}",
                g.name,
                outer.trim_end_matches(']'),
                own.trim_start_matches('[')
            ),
            None => format!("main.{}{own}", g.name),
        }
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
        self.check_targs_at(gid, targs, &vec![pos; targs.len().max(1)])
    }

    /// [`Checker::check_targs`] with each type argument's unsatisfied
    /// constraint reported at its own position (`at[i]`; a written type
    /// argument, as gc reports it), the count at `at[0]`.
    fn check_targs_at(&mut self, gid: usize, targs: &[Type], at: &[Pos]) -> PResult<()> {
        let pos = at.first().copied().unwrap_or_default();
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
            later.push((gid, targs.to_vec(), at.to_vec()));
            return Ok(());
        }
        let binds = self.binds(gid, targs);
        let cons: Vec<TypeExpr> = self.generics.decls[gid]
            .tparams
            .iter()
            .map(|p| p.constraint.clone())
            .collect();
        self.in_decl_scope(gid, &binds, |c| {
            for (i, (t, con)) in targs.iter().zip(&cons).enumerate() {
                c.satisfies(t, con, at.get(i).copied().unwrap_or(pos))?;
            }
            Ok(())
        })
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
                let at: Vec<Pos> = args.iter().map(TypeExpr::pos).collect();
                self.instantiate_type(gid, targs, pos, &at)
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
}
