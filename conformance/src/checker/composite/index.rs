//! Index and slice expressions, map lookups with comma-ok, and elements
//! as assignment targets.

use std::rc::Rc;

use crate::ast::{Expr as AExpr, ExprKind};
use crate::checker::expr::{show, unparen};
use crate::checker::unsupported::{refuse, Construct};
use crate::checker::{err, zero, Checker};
use crate::ir::{CompExpr, Const, Expr, On, Place, Rhs};
use crate::lexer::{PResult, Pos};
use crate::types::Type;

/// What can be indexed: how, the key type, and the element type.
fn indexable(t: &Type) -> Option<(On, Type, Type)> {
    Some(match &t.underlying() {
        Type::Slice(e) => (On::Slice, Type::Int, e.scalar()),
        Type::Array(_, e) => (On::Array, Type::Int, e.scalar()),
        Type::Str => (
            On::Str,
            Type::Int,
            Type::IntK(crate::types::table::IntKind::U8),
        ),
        Type::Map(k, v) => (On::Map, (**k).clone(), (**v).clone()),
        _ => return None,
    })
}

impl Checker {
    /// `x[i]`.
    pub(crate) fn index_expr(
        &mut self,
        x: &AExpr,
        ix: &[AExpr],
        pos: Pos,
    ) -> PResult<(Expr, Type)> {
        if let Some(r) = self.generic_value(x, ix, pos)? {
            return Ok(r);
        }
        let [i] = ix else {
            return refuse(pos, Construct::Generics);
        };
        let (xe, xt) = self.value(x)?;
        let (xe, xt) = crate::checker::expr::deref_array(xe, xt);
        let Some((on, key, elem)) = indexable(&xt.underlying()) else {
            return err(
                x.pos,
                format!(
                    "invalid operation: cannot index {} (variable of type {})",
                    show(x),
                    xt.describe()
                ),
            );
        };
        let ie = self.index_value(i, on, &key, &xt)?;
        let zero = if on == On::Map {
            zero(&elem)
        } else {
            Const::Nil
        };
        let e = Expr::Comp(Box::new(CompExpr::Index {
            x: xe,
            i: ie,
            on,
            zero,
        }));
        Ok((crate::checker::expr::at_line(e, pos), elem))
    }

    /// An index (an integer, in range if constant) or a map key.
    fn index_value(&mut self, i: &AExpr, on: On, key: &Type, xt: &Type) -> PResult<Expr> {
        if on == On::Map {
            return self.value_as(i, key, "map index");
        }
        let (ie, it) = crate::checker::expr::num::whole_as_int(self.value(i)?);
        let integer = matches!(
            crate::checker::num_kind(&it),
            Some(crate::types::num::NumKind::Int(_))
        );
        if !integer {
            return err(
                i.pos,
                format!(
                    "invalid argument: index {} (value of type {}) must be integer",
                    show(i),
                    it.describe()
                ),
            );
        }
        if let Expr::Const(Const::Int(n)) = ie {
            if n < 0 {
                return err(
                    i.pos,
                    format!(
                        "invalid argument: index {} (constant of type int) must not be negative",
                        show(i)
                    ),
                );
            }
            if let Type::Array(len, _) = xt {
                if n as u64 >= *len {
                    return err(
                        i.pos,
                        format!("invalid argument: index {n} out of bounds [0:{len}]"),
                    );
                }
            }
        }
        Ok(ie)
    }

    /// `x[lo:hi:max]`.
    pub(crate) fn slice_expr(
        &mut self,
        x: &AExpr,
        bounds: [Option<&AExpr>; 3],
        pos: Pos,
    ) -> PResult<(Expr, Type)> {
        let (xe, xt) = self.value(x)?;
        let (xe, xt) = crate::checker::expr::deref_array(xe, xt);
        let (on, t) = match &xt.underlying() {
            Type::Slice(_) => (On::Slice, xt.clone()),
            Type::Array(_, e) => (On::Array, Type::Slice(e.clone())),
            Type::Str => (On::Str, xt.clone()),
            _ => {
                return err(
                    x.pos,
                    format!(
                        "cannot slice {} (variable of type {})",
                        show(x),
                        xt.describe()
                    ),
                )
            }
        };
        if on == On::Str && bounds[2].is_some() {
            return err(pos, "invalid operation: 3-index slice of string");
        }
        let mut out = Vec::new();
        for b in bounds {
            out.push(match b {
                Some(b) => Some(self.index_value(
                    b,
                    On::Slice,
                    &Type::Int,
                    &Type::Slice(Rc::new(Type::Int)),
                )?),
                None => None,
            });
        }
        let [lo, hi, max]: [Option<Expr>; 3] = out.try_into().unwrap_or_default();
        // Go's compile error for constant indices out of order.
        let konst = |e: &Option<Expr>| match e {
            Some(Expr::Const(Const::Int(n))) => Some(*n),
            _ => None,
        };
        let ks = [konst(&lo), konst(&hi), konst(&max)];
        for (a, b) in [(0, 1), (1, 2), (0, 2)] {
            if let (Some(x), Some(y)) = (ks[a], ks[b]) {
                if x > y {
                    let at = bounds[b].map_or(pos, |e| e.pos);
                    return err(at, format!("invalid slice indices: {y} < {x}"));
                }
            }
        }
        let e = Expr::Comp(Box::new(CompExpr::SliceOf {
            x: xe,
            lo,
            hi,
            max,
            on,
        }));
        Ok((crate::checker::expr::at_line(e, pos), t))
    }

    /// `x[i]` as an assignment target: the place and its type; `None`
    /// when `l` is not an index expression.
    pub(crate) fn elem_place(&mut self, l: &AExpr) -> Option<PResult<(Place, Type)>> {
        let ExprKind::Index(x, ix) = &unparen(l).kind else {
            return None;
        };
        Some((|| {
            let [i] = ix.as_slice() else {
                return refuse(l.pos, Construct::Generics);
            };
            let (xe, xt) = self.value(x)?;
            let (xe, xt) = crate::checker::expr::deref_array(xe, xt);
            let Some((on, key, elem)) = indexable(&xt.underlying()) else {
                return err(
                    l.pos,
                    format!("invalid operation: cannot index {}", show(x)),
                );
            };
            if on == On::Str {
                return err(
                    l.pos,
                    format!(
                        "cannot assign to {} (neither addressable nor a map index expression)",
                        show(l)
                    ),
                );
            }
            let ie = self.index_value(i, on, &key, &xt)?;
            if on == On::Map && self.store_site.is_none() {
                self.store_site = Some(super::map_site::map_assign_site(&key, &elem));
            }
            Ok((Place::Elem { x: xe, i: ie, on }, elem))
        })())
    }

    /// `v, ok = m[k]` for targets of types `targets` (`None`: inferred),
    /// when `e` is a map index; `None` otherwise.
    pub(crate) fn map_ok(&mut self, e: &AExpr) -> Option<PResult<(Rhs, Vec<Type>)>> {
        let ExprKind::Index(x, ix) = &unparen(e).kind else {
            return None;
        };
        let [i] = ix.as_slice() else {
            return None;
        };
        Some((|| {
            let (m, mt) = self.value(x)?;
            let mu = mt.underlying();
            let Type::Map(k, v) = &mu else {
                return err(e.pos, "assignment mismatch: 2 variables but 1 value");
            };
            let k = self.value_as(i, k, "map index")?;
            let rhs = Rhs::MapOk {
                m,
                k,
                zero: zero(v),
                at: None,
            };
            Ok((rhs, vec![(**v).clone(), Type::Bool]))
        })())
    }
}
