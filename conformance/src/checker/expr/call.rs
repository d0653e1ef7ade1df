//! Calls of func values, arguments, conversions.

use super::{coerce, result_type, show, single, unparen, BUILTINS};
use std::rc::Rc;

use crate::ast::{Expr as AExpr, ExprKind};
use crate::checker::unsupported::{refuse, Construct};
use crate::checker::{err, universe_type, Checker};
use crate::ir::{Args, Call, Expr, Target};
use crate::lexer::{PResult, Pos};
use crate::types::{FuncType, Type};

/// Members of runtime's `Func` and `Frame` that minigo leaves out:
/// `FileLine` and `Entry` (gc's answers for a `Callers` pc name the return
/// address), `Frame.Func` (nil where gc inlined the function).
pub(crate) fn runtime_member_refused(t: &Type, name: &str, pos: Pos) -> PResult<()> {
    let named = match t {
        Type::Pointer(p) => p.to_string(),
        t => t.to_string(),
    };
    let left_out = matches!(
        (named.as_str(), name),
        ("runtime.Func", "FileLine" | "Entry") | ("runtime.Frame", "Func" | "Entry")
    );
    if left_out {
        return err(pos, format!("{named}.{name} is not supported by minigo"));
    }
    Ok(())
}

impl Checker {
    /// Checks a call; the type is the single result or a tuple.
    pub(crate) fn call(&mut self, f: &AExpr, args: &[AExpr], pos: Pos) -> PResult<(Expr, Type)> {
        self.call_with(f, args, None, pos)
    }

    /// A call; `spread` is the position of a final `...`. The call is
    /// stamped with its line (`runtime.Caller`'s line table).
    pub(crate) fn call_with(
        &mut self,
        f: &AExpr,
        args: &[AExpr],
        spread: Option<Pos>,
        pos: Pos,
    ) -> PResult<(Expr, Type)> {
        let (mut e, t) = self.call_unstamped(f, args, spread, pos)?;
        if let Expr::Call(c) = &mut e {
            if c.line == 0 && pos.line < crate::parser::SNIPPET_LINE {
                c.line = pos.line;
            }
        }
        Ok((e, t))
    }

    fn call_unstamped(
        &mut self,
        f: &AExpr,
        args: &[AExpr],
        spread: Option<Pos>,
        pos: Pos,
    ) -> PResult<(Expr, Type)> {
        let deferred = std::mem::take(&mut self.deferred_call);
        if let (Some(_), ExprKind::Selector(x, name, _)) = (spread, &unparen(f).kind) {
            if let ExprKind::Ident(pkg) = &unparen(x).kind {
                if self.lookup(pkg).is_none() && self.imports.contains_key(pkg) {
                    if let Some(r) = self.pkg_spread_call(pkg, name, args, pos) {
                        if let Some(i) = self.imports.get_mut(pkg) {
                            i.used = true;
                        }
                        return r;
                    }
                }
            }
        }
        if let Some(r) = self.generic_method_call(f, args, spread, pos)? {
            return Ok(r);
        }
        if let Some(r) = self.generic_call(f, args, (spread, deferred), pos)? {
            return Ok(r);
        }
        if let Some(d) = spread {
            if !matches!(
                &unparen(f).kind,
                ExprKind::Ident(_) | ExprKind::FuncLit(..) | ExprKind::Paren(_)
            ) || matches!(&unparen(f).kind, ExprKind::Ident(n) if self.lookup(n).is_none())
            {
                return refuse(d, Construct::Variadic);
            }
        }
        let callee = unparen(f);
        if let Some(t) = self.as_type(callee)? {
            if let (Some(_), [x]) = (super::num_kind(&t), args) {
                if let Some(r) = self.num_conversion(&t, x)? {
                    return Ok(r);
                }
            }
            // A declared name of any other type too: a type parameter bound
            // to its argument (`T(s)` with `T` an array, slice, map, func,
            // channel or string type) or an alias.
            let declared = matches!(&callee.kind, ExprKind::Ident(n) if self.lookup(n).is_some());
            if declared || matches!(t, Type::Named(_) | Type::Struct(_) | Type::Pointer(_)) {
                let [x] = args else {
                    return err(
                        pos,
                        format!("wrong number of arguments in conversion to {t}"),
                    );
                };
                return self.typed_conversion(&t, x, pos);
            }
        }
        if matches!(&callee.kind, ExprKind::Ident(n) if &**n == "new" && self.lookup(n).is_none()) {
            return self.new_call(args, pos, callee.pos);
        }
        match &callee.kind {
            ExprKind::Type(t) => {
                if let Some(r) = self.comp_conversion(t, args, pos) {
                    return r;
                }
                let to = self.type_expr(t)?;
                if matches!(
                    to,
                    Type::Func(_)
                        | Type::Map(..)
                        | Type::Array(..)
                        | Type::Slice(_)
                        | Type::Chan(..)
                ) || to.is_interface()
                {
                    return self.conversion(&to, args, pos);
                }
                return refuse(callee.pos, Construct::TypeConversions);
            }
            ExprKind::Ident(n) if self.lookup(n).is_none() => {
                if let Some(r) = self.builtin_of_results(n, args, pos) {
                    return r;
                }
                if let Some(r) = self.chan_builtin(n, args, pos) {
                    return r;
                }
                if let Some(r) = self.comp_builtin(n, args, false, pos) {
                    return r;
                }
                if let Some(r) = self.go121_builtin(n, args, pos) {
                    return r;
                }
                if let Some(r) = self.complex_builtin(n, args, pos) {
                    return r;
                }
                if let Some(r) = self.timer_native(n, args, pos) {
                    return r;
                }
                if let Some(r) = self.hidden_native(n, args, pos) {
                    return r;
                }
                if &**n == "string" {
                    if let [x] = args {
                        if let Some(r) = self.string_conversion(x) {
                            return r;
                        }
                    }
                }
                if let Some(t) = universe_type(n) {
                    return self.conversion(&t, args, pos);
                }
                if BUILTINS.contains(&&**n) {
                    return self.builtin_call(n, args, pos);
                }
            }
            ExprKind::Selector(x, name, _) if !self.is_type_expr(x) => {
                return self.selector_call(x, name, args, pos, callee.pos)
            }
            _ => {}
        }
        let (fe, ft) = self.value(f)?;
        let Type::Func(sig) = ft.underlying() else {
            return err(
                pos,
                format!(
                    "invalid operation: cannot call non-function {} (value of type {})",
                    show(f),
                    ft.describe()
                ),
            );
        };
        if let (true, None, [one], Expr::Func(_)) = (sig.variadic, spread, args, &fe) {
            if let Some(r) = self.variadic_of_results(fe.clone(), &sig, one, deferred)? {
                return Ok(r);
            }
        }
        let args = match (sig.variadic, spread) {
            (true, _) => self.variadic_args(&sig.params, args, spread.is_some(), pos, &show(f))?,
            (false, Some(d)) => {
                return err(
                    d,
                    format!(
                        "have (...) arguments: cannot use ... in call to non-variadic {}",
                        show(f)
                    ),
                )
            }
            (false, None) => self.args(&sig.params, args, pos, &show(f))?,
        };
        let t = result_type(&sig);
        let call = Call {
            line: 0,
            target: Target::Value(fe),
            args,
        };
        Ok((Expr::Call(Box::new(call)), t))
    }

    /// `x.name(args)`: a function of an imported package, or a method.
    fn selector_call(
        &mut self,
        x: &AExpr,
        name: &Rc<str>,
        args: &[AExpr],
        pos: Pos,
        sel_pos: Pos,
    ) -> PResult<(Expr, Type)> {
        if let ExprKind::Ident(pkg) = &unparen(x).kind {
            if self.lookup(pkg).is_none() && self.imports.contains_key(pkg) {
                if let Some(i) = self.imports.get_mut(pkg) {
                    i.used = true;
                }
                return self.package_call(pkg, name, args, sel_pos);
            }
        }
        if let Some(r) = self.method_call(x, name, args, (pos, sel_pos))? {
            return Ok(r);
        }
        let (xe, t) = self.value(x)?;
        if let Some(k) = super::super::goroutines::sync_receiver(&t) {
            return self.sync_call(x, xe, k, name, args, pos);
        }
        if t == Type::Error && &**name == "Error" {
            if !args.is_empty() {
                return err(pos, "too many arguments in call to Error");
            }
            let call = Call {
                line: 0,
                target: Target::ErrorMethod(xe),
                args: Args::List(Vec::new()),
            };
            return Ok((Expr::Call(Box::new(call)), Type::Str));
        }
        runtime_member_refused(&t, name, sel_pos)?;
        err(
            sel_pos,
            format!(
                "{}.{name} undefined (type {} has no field or method {name})",
                show(x),
                t.describe()
            ),
        )
    }

    /// `f(g())` for a variadic top-level function `f` and a `g` of several
    /// results: a wrapper taking `g`'s results calls `f` with the extra
    /// ones packed into a slice. `None` when `one` is not such a call.
    fn variadic_of_results(
        &mut self,
        f: Expr,
        sig: &FuncType,
        one: &AExpr,
        deferred: bool,
    ) -> PResult<Option<(Expr, Type)>> {
        if !matches!(one.kind, ExprKind::Call(..)) {
            return Ok(None);
        }
        let (e, t) = self.expr(one)?;
        let Type::Tuple(ts) = &t else {
            return Ok(None);
        };
        if ts.len() < 2 {
            return Ok(None);
        }
        let call = self.results_to_variadic(f, sig, (e, ts), one, deferred)?;
        Ok(Some((call, result_type(sig))))
    }

    /// The call of variadic top-level function `f` (of type `sig`) with
    /// the results of the multi-valued call `e` (of types `ts`, written
    /// `one`) as its arguments.
    pub(crate) fn results_to_variadic(
        &mut self,
        f: Expr,
        sig: &FuncType,
        (e, ts): (Expr, &[Type]),
        one: &AExpr,
        deferred: bool,
    ) -> PResult<Expr> {
        let Some((Type::Slice(elem), fixed)) = sig.params.split_last() else {
            return err(one.pos, "internal error: variadic parameter is not a slice");
        };
        // Deferred, the wrapper would stand between the deferred call and
        // the function (a recover in it would not be called by the deferred
        // call itself).
        if deferred {
            return Err(crate::lexer::SyntaxError::unsupported(
                one.pos,
                "deferred calls of a variadic function with a multi-value call as arguments",
            ));
        }
        if ts.len() < fixed.len() {
            return err(
                one.pos,
                format!("not enough arguments in call to {}", show(one)),
            );
        }
        let ctx = "argument";
        let load = |i: usize| Expr::Load(crate::ir::Var::Local(i as u32));
        let mut out = Vec::new();
        for (i, p) in fixed.iter().enumerate() {
            out.push(coerce(load(i), &ts[i], p, one, ctx)?);
        }
        let mut elems = Vec::new();
        for (k, i) in (fixed.len()..ts.len()).enumerate() {
            let v = coerce(load(i), &ts[i], &elem.scalar(), one, ctx)?;
            elems.push((Expr::Const(crate::ir::Const::Int(k as i64)), v));
        }
        out.push(Expr::Comp(Box::new(crate::ir::CompExpr::Lit {
            on: crate::ir::On::Slice,
            len: elems.len() as u32,
            zero: crate::checker::zero(elem),
            shape: crate::checker::composite::elem_shape(elem),
            elems,
        })));
        let inner = Expr::Call(Box::new(Call {
            line: 0,
            target: Target::Value(f),
            args: Args::List(out),
        }));
        let wsig = Rc::new(FuncType {
            params: ts.to_vec(),
            results: sig.results.clone(),
            variadic: false,
        });
        let code = self.wrapper_code(wsig, inner);
        let call = Call {
            line: 0,
            target: Target::Value(Expr::Lit(code)),
            args: Args::Spread(e),
        };
        Ok(Expr::Call(Box::new(call)))
    }

    /// Arguments of a variadic function: the extra ones packed into a new
    /// slice (nil when there are none), or with `spread` the final slice
    /// passed as it is.
    pub(crate) fn variadic_args(
        &mut self,
        params: &[Type],
        args: &[AExpr],
        spread: bool,
        pos: Pos,
        fname: &str,
    ) -> PResult<Args> {
        let ctx = format!("argument to {fname}");
        let Some((last, fixed)) = params.split_last() else {
            return err(pos, "internal error: variadic without parameters");
        };
        let Type::Slice(elem) = last else {
            return err(pos, "internal error: variadic parameter is not a slice");
        };
        if args.len() < fixed.len() || (spread && args.len() != params.len()) {
            return err(pos, format!("not enough arguments in call to {fname}"));
        }
        let mut out = Vec::new();
        for (a, p) in args.iter().zip(fixed) {
            out.push(self.value_as(a, p, &ctx)?);
        }
        let rest = &args[fixed.len()..];
        if spread {
            out.push(self.value_as(&rest[0], last, &ctx)?);
            return Ok(Args::List(out));
        }
        let mut elems = Vec::new();
        for (k, a) in rest.iter().enumerate() {
            let v = self.value_as(a, elem, &ctx)?;
            elems.push((Expr::Const(crate::ir::Const::Int(k as i64)), v));
        }
        out.push(if elems.is_empty() {
            Expr::Const(crate::checker::zero(last))
        } else {
            Expr::Comp(Box::new(crate::ir::CompExpr::Lit {
                on: crate::ir::On::Slice,
                len: elems.len() as u32,
                zero: crate::checker::zero(elem),
                shape: crate::checker::composite::elem_shape(elem),
                elems,
            }))
        });
        Ok(Args::List(out))
    }

    /// Arguments for fixed parameters.
    pub(crate) fn args(
        &mut self,
        params: &[Type],
        args: &[AExpr],
        pos: Pos,
        fname: &str,
    ) -> PResult<Args> {
        let ctx = format!("argument to {fname}");
        if let [one] = args {
            let (e, t) = self.expr(one)?;
            if let Type::Tuple(ts) = &t {
                if ts.len() >= 2 {
                    if ts.len() != params.len() {
                        return err(
                            pos,
                            format!("wrong argument count in call to {fname}: have {t}"),
                        );
                    }
                    for (have, want) in ts.iter().zip(params) {
                        if !have.assignable_to(want) {
                            return err(
                                one.pos,
                                format!(
                                    "cannot use {} (value of type {t}) as {want} value in {ctx}",
                                    show(one)
                                ),
                            );
                        }
                    }
                    return Ok(Args::Spread(e));
                }
            }
            let (e, t) = single(one, e, t)?;
            return match params {
                [p] => Ok(Args::List(vec![coerce(e, &t, p, one, &ctx)?])),
                [] => err(one.pos, format!("too many arguments in call to {fname}")),
                _ => err(pos, format!("not enough arguments in call to {fname}")),
            };
        }
        if args.len() < params.len() {
            return err(pos, format!("not enough arguments in call to {fname}"));
        }
        if args.len() > params.len() {
            return err(
                args[params.len()].pos,
                format!("too many arguments in call to {fname}"),
            );
        }
        let mut out = Vec::new();
        for (a, p) in args.iter().zip(params) {
            out.push(self.value_as(a, p, &ctx)?);
        }
        Ok(Args::List(out))
    }

    /// Arguments of a variadic `...any` function.
    pub(crate) fn any_args(&mut self, args: &[AExpr]) -> PResult<Args> {
        let mut out = Vec::new();
        for a in args {
            let (e, t) = self.expr(a)?;
            if let Type::Tuple(ts) = &t {
                if ts.len() >= 2 && args.len() == 1 {
                    return Ok(Args::Spread(e));
                }
            }
            let (e, t) = single(a, e, t)?;
            out.push(coerce(e, &t, &Type::Any, a, "argument")?);
        }
        Ok(Args::List(out))
    }

    pub(crate) fn conversion(
        &mut self,
        t: &Type,
        args: &[AExpr],
        pos: Pos,
    ) -> PResult<(Expr, Type)> {
        let [x] = args else {
            return err(
                pos,
                format!("wrong number of arguments in conversion to {t}"),
            );
        };
        let (xe, xt) = self.value(x)?;
        if !xt.is_interface() && xt.same_underlying_ignoring_tags(t) {
            return Ok((xe, t.clone()));
        }
        if let Some(r) = slice_to_array(t, (xe.clone(), &xt), x) {
            return r.map(|e| (e, t.clone()));
        }
        if !xt.assignable_to(t) {
            return err(
                x.pos,
                format!(
                    "cannot convert {} (value of type {}) to type {t}",
                    show(x),
                    xt.describe()
                ),
            );
        }
        Ok((coerce(xe, &xt, t, x, "conversion")?, t.clone()))
    }
}

/// `[N]T(s)` of a slice `s` of type `[]T` (written `x`): a new array of its
/// first `N` elements (a run-time error when it is shorter); `None` when
/// the conversion is not one from a slice to an array or array pointer.
pub(crate) fn slice_to_array(
    t: &Type,
    (xe, xt): (Expr, &Type),
    x: &AExpr,
) -> Option<PResult<Expr>> {
    let Type::Slice(from) = xt.underlying() else {
        return None;
    };
    let refuse = |what: &str| Some(Err(crate::lexer::SyntaxError::unsupported(x.pos, what)));
    match t.underlying() {
        Type::Array(n, elem) if *elem == *from => {
            let Ok(n) = u32::try_from(n) else {
                return refuse("conversions of slices to arrays this long");
            };
            let a = Expr::Comp(Box::new(crate::ir::CompExpr::Convert {
                x: xe,
                how: crate::ir::Conv::SliceToArray(n),
            }));
            // Elements holding arrays are copied too: the new array shares
            // nothing with the slice.
            let e = if crate::checker::composite::copy_shape(&elem).is_some() {
                crate::checker::composite::fresh(a, &t.underlying())
            } else {
                a
            };
            // gc shows a conversion failing at its operand.
            Some(Ok(crate::checker::expr::at_line(e, x.pos)))
        }
        Type::Pointer(p) => {
            let Type::Array(n, elem) = p.underlying() else {
                return None;
            };
            if *elem != *from {
                return None;
            }
            let Ok(n) = u32::try_from(n) else {
                return refuse("conversions of slices to array pointers this long");
            };
            let e = Expr::Comp(Box::new(crate::ir::CompExpr::Convert {
                x: xe,
                how: crate::ir::Conv::SliceToArrayPtr(n),
            }));
            // gc shows a conversion failing at its operand.
            Some(Ok(crate::checker::expr::at_line(e, x.pos)))
        }
        _ => None,
    }
}
