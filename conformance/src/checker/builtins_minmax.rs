//! The built-in functions of Go 1.21: `min` and `max` over values of one
//! ordered type (folded when every argument is constant), and `clear` of a
//! map or a slice.

use std::rc::Rc;

use super::expr::{coerce, show};
use super::{err, zero, Checker};
use crate::ast::Expr as AExpr;
use crate::ir::{Args, Builtin, Call, Const, Expr, OrdKind, PkgFn, Target};
use crate::lexer::{PResult, Pos};
use crate::types::Type;

fn pkg_call(f: PkgFn, args: Vec<Expr>) -> Expr {
    Expr::Call(Box::new(Call {
        line: 0,
        target: Target::Builtin(Builtin::Pkg(f)),
        args: Args::List(args),
    }))
}

/// How values of `t` order; `None` when they do not.
fn ord_kind(t: &Type) -> Option<OrdKind> {
    Some(match t.underlying() {
        Type::Str => OrdKind::Str,
        Type::Float(_) => OrdKind::Float,
        Type::IntK(k) if !k.signed() => OrdKind::Unsigned,
        Type::Byte => OrdKind::Unsigned,
        Type::Int | Type::IntK(_) | Type::Rune => OrdKind::Signed,
        _ => return None,
    })
}

/// `min` or `max` of constants (Go folds them: the result is constant);
/// `None` for constants it cannot order here.
fn fold_const(max: bool, vals: &[Const]) -> Option<Const> {
    use std::cmp::Ordering;
    let cmp = |a: &Const, b: &Const| -> Option<Ordering> {
        match (a, b) {
            (Const::Int(x), Const::Int(y)) => Some(x.cmp(y)),
            (Const::Float(x), Const::Float(y)) => x.partial_cmp(y),
            (Const::Str(x), Const::Str(y)) => Some(x.cmp(y)),
            _ => None,
        }
    };
    let mut best = vals.first()?.clone();
    for v in &vals[1..] {
        let o = cmp(v, &best)?;
        if (max && o.is_gt()) || (!max && o.is_lt()) {
            best = v.clone();
        }
    }
    Some(best)
}

/// Whether a constant of type `t` is untyped in Go (the subset types its
/// untyped constants `int`, `float64` or `string`).
fn untyped(t: &Type) -> bool {
    matches!(t, Type::Int | Type::Float(64) | Type::Str)
}

impl Checker {
    /// A call of `min`, `max` or `clear` (not redeclared); `None` for other
    /// names.
    pub(crate) fn go121_builtin(
        &mut self,
        n: &str,
        args: &[AExpr],
        pos: Pos,
    ) -> Option<PResult<(Expr, Type)>> {
        match n {
            "min" | "max" => Some(self.min_max(n == "max", args, pos)),
            "clear" => Some(self.clear_call(args, pos)),
            _ => None,
        }
    }

    fn min_max(&mut self, max: bool, args: &[AExpr], pos: Pos) -> PResult<(Expr, Type)> {
        let name = if max { "max" } else { "min" };
        if args.is_empty() {
            return err(
                pos,
                format!("not enough arguments for {name}() (expected 1, found 0)"),
            );
        }
        let mut vals = Vec::new();
        for a in args {
            vals.push(self.value(a)?);
        }
        // The arguments' type: a variable's, else a typed constant's, else
        // the untyped constants' (float wins over int).
        let t = vals
            .iter()
            .find(|(x, _)| !matches!(x, Expr::Const(_)))
            .or_else(|| vals.iter().find(|(_, t)| !untyped(t)))
            .or_else(|| vals.iter().find(|(_, t)| *t == Type::Float(64)))
            .map_or_else(|| vals[0].1.clone(), |(_, t)| t.clone());
        let Some(kind) = ord_kind(&t) else {
            let (x, xt) = (&args[0], &vals[0].1);
            let what = if matches!(vals[0].0, Expr::Load(_)) {
                "variable"
            } else {
                "value"
            };
            return err(
                x.pos,
                format!(
                    "invalid argument: {} ({what} of type {}) cannot be ordered",
                    show(x),
                    xt.describe()
                ),
            );
        };
        let mut out = Vec::new();
        for ((x, xt), a) in vals.into_iter().zip(args) {
            if !matches!(x, Expr::Const(_)) && xt != t {
                return err(
                    a.pos,
                    format!(
                        "invalid argument: mismatched types {} (previous argument) and {} (type of {})",
                        t.describe(),
                        xt.describe(),
                        show(a)
                    ),
                );
            }
            out.push(coerce(x, &xt, &t, a, &format!("argument to {name}"))?);
        }
        let f = PkgFn::MinMax { max, kind };
        if out.iter().all(|x| matches!(x, Expr::Const(_))) {
            let consts: Vec<_> = out
                .iter()
                .filter_map(|x| match x {
                    Expr::Const(v) => Some(v.clone()),
                    _ => None,
                })
                .collect();
            if let Some(v) = fold_const(max, &consts) {
                return Ok((Expr::Const(v), t));
            }
        }
        Ok((pkg_call(f, out), t))
    }

    fn clear_call(&mut self, args: &[AExpr], pos: Pos) -> PResult<(Expr, Type)> {
        let [x] = args else {
            return err(pos, "wrong number of arguments to clear (want 1)");
        };
        let (xe, xt) = self.value(x)?;
        let zero_of = match xt.underlying() {
            Type::Map(..) => Expr::Const(Const::Nil),
            Type::Slice(e) => Expr::Const(zero(&e)),
            _ => {
                return err(
                    x.pos,
                    format!(
                        "invalid argument: {} (variable of type {}) must be a map or slice",
                        show(x),
                        xt.describe()
                    ),
                )
            }
        };
        Ok((
            pkg_call(PkgFn::Clear, vec![xe, zero_of]),
            Type::Tuple(Rc::from(Vec::new())),
        ))
    }
}
