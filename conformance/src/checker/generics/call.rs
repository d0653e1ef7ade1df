//! Uses of generic functions: `F[int]` as a value, and calls, with the
//! type arguments inferred (`infer.rs`) where not given.

use super::{display_name, err, Binding, Checker, GenericKind};
use crate::ast::{Expr as AExpr, ExprKind};
use crate::ir::{Args, Call, Expr, Target};
use crate::lexer::{PResult, Pos};
use crate::types::{FuncType, Type};

impl Checker {
    /// The generic function `e` names (`F` or `F[int]`): its id and
    /// the explicit type arguments.
    fn generic_callee(&mut self, e: &AExpr) -> PResult<Option<(usize, Vec<Type>, Pos)>> {
        let e = crate::checker::expr::unparen(e);
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
        let e = crate::checker::expr::unparen(x);
        let hidden;
        let name = match &e.kind {
            ExprKind::Ident(_) if self.generics.decls.is_empty() => return Ok(None),
            ExprKind::Ident(name) => name,
            // `cmp.Compare[int]`: a package's generic function in Go.
            ExprKind::Selector(p, n, _) => match &crate::checker::expr::unparen(p).kind {
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
                return err(
                    a.pos,
                    format!("{} is not a type", crate::checker::expr::show(a)),
                );
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

    /// The generic function `e` names without type arguments (`F`,
    /// `cmp.Compare`), if it names one.
    pub(crate) fn generic_func_name(&mut self, e: &AExpr) -> PResult<Option<usize>> {
        let e = crate::checker::expr::unparen(e);
        let name: std::rc::Rc<str> = match &e.kind {
            ExprKind::Ident(n) => n.clone(),
            ExprKind::Selector(p, n, _) => match &crate::checker::expr::unparen(p).kind {
                ExprKind::Ident(pkg)
                    if self.lookup(pkg).is_none() && self.imports.contains_key(pkg) =>
                {
                    match self.prelude_generic(pkg, n) {
                        Some(h) => {
                            self.mark_import(pkg);
                            h?
                        }
                        None => return Ok(None),
                    }
                }
                _ => return Ok(None),
            },
            _ => return Ok(None),
        };
        Ok(match self.lookup(&name) {
            Some(Binding::Generic(gid)) if !self.is_generic_type(*gid) => Some(*gid),
            _ => None,
        })
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
    /// arguments where not given; `None` if `f` is not one. `deferred`:
    /// the call is a defer statement's.
    pub(crate) fn generic_call(
        &mut self,
        f: &AExpr,
        args: &[AExpr],
        (spread, deferred): (Option<Pos>, bool),
        pos: Pos,
    ) -> PResult<Option<(Expr, Type)>> {
        let Some((gid, explicit, fpos)) = self.generic_callee(f)? else {
            return Ok(None);
        };
        let GenericKind::Func(decl) = &self.generics.decls[gid].kind else {
            return Ok(None);
        };
        let decl = decl.clone();
        let fname = display_name(&crate::checker::expr::show(f));
        // The arguments are checked once, before the parameter types are
        // known, then converted to them (as `value_as` does for others).
        let mut checked = Vec::new();
        for a in args {
            // A generic function passed uninstantiated takes its type
            // arguments from its parameter's type, once that is known
            // (`checked_args`); it adds nothing to the inference.
            if self.generic_func_name(a)?.is_some() {
                checked.push((Expr::Const(crate::ir::Const::Nil), Type::Nil));
                continue;
            }
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
                    crate::checker::expr::single(a, Expr::Const(crate::ir::Const::Nil), t.clone())?;
                    v.push((t.clone(), super::infer::untyped(x, t)));
                }
                v
            }
        };
        let targs = self.infer(gid, &decl.sig, explicit, &arg_types, spread.is_some(), fpos)?;
        let (idx, ty) = self.instantiate_func(gid, targs, fpos)?;
        let call_args = match tuple {
            Some(ts) if ty.variadic => {
                let (e, _) = checked.remove(0);
                let call =
                    self.results_to_variadic(Expr::Func(idx), &ty, (e, &ts), &args[0], deferred)?;
                return Ok(Some((call, crate::checker::expr::result_type(&ty))));
            }
            Some(ts) => spread_args(&ty, &ts, &args[0], checked.remove(0), pos, &fname)?,
            None => self.checked_args(&ty, args, checked, spread, pos, &fname)?,
        };
        let call = Call {
            line: 0,
            target: Target::Value(Expr::Func(idx)),
            args: call_args,
        };
        Ok(Some((
            Expr::Call(Box::new(call)),
            crate::checker::expr::result_type(&ty),
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
        let coerce = crate::checker::expr::coerce;
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
            let param = match ty.params.last() {
                Some(Type::Slice(elem)) if k >= nfixed && spread.is_none() => &**elem,
                _ => &ty.params[k],
            };
            let v = if t == Type::Nil {
                // `nil`, or a generic function (see `generic_call`).
                self.value_as(a, param, &ctx)?
            } else {
                coerce(x, &t, param, a, &ctx)?
            };
            if k < nfixed || spread.is_some() {
                out.push(v);
                continue;
            }
            rest.push((Expr::Const(crate::ir::Const::Int(rest.len() as i64)), v));
        }
        if ty.variadic && spread.is_none() {
            let Some(last @ Type::Slice(elem)) = ty.params.last() else {
                return err(pos, "internal error: variadic parameter is not a slice");
            };
            out.push(if rest.is_empty() {
                Expr::Const(crate::checker::zero(last))
            } else {
                Expr::Comp(Box::new(crate::ir::CompExpr::Lit {
                    on: crate::ir::On::Slice,
                    len: rest.len() as u32,
                    zero: crate::checker::zero(elem),
                    shape: crate::checker::composite::elem_shape(elem),
                    elems: rest,
                }))
            });
        }
        Ok(Args::List(out))
    }
}

/// `f(g())` with a multi-valued `g`: its results passed as `f`'s
/// arguments, each assignable to its parameter.
fn spread_args(
    ty: &FuncType,
    ts: &[Type],
    arg: &AExpr,
    (x, t): (Expr, Type),
    pos: Pos,
    fname: &str,
) -> PResult<Args> {
    if ts.len() != ty.params.len() {
        return err(
            pos,
            format!("wrong argument count in call to {fname}: have {t}"),
        );
    }
    for (have, want) in ts.iter().zip(&ty.params) {
        if !have.assignable_to(want) {
            return err(
                arg.pos,
                format!(
                    "cannot use {} (value of type {t}) as {want} value in argument to {fname}",
                    crate::checker::expr::show(arg),
                ),
            );
        }
    }
    Ok(Args::Spread(x))
}
