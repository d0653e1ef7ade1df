//! Issue 9's statements: stores into fields and through pointers, and
//! type switches (lowered to a chain of comma-ok assertions).

use crate::ast::{BinOp, Expr as AExpr, ExprKind, Name, Stmt as AStmt, TypeClause, TypeExpr, UnOp};
use crate::checker::expr::{op_assign_arith, show, unparen, Place, Root};
use crate::checker::{err, zero, Checker};
use crate::ir::{Expr, Lhs, Rhs, Stmt, TypedExpr, TypedStmt, Var};
use crate::lexer::{PResult, Pos};
use crate::types::Type;

/// Whether `l` is a field selector or a dereference (not a package name).
pub(crate) fn is_typed_target(l: &AExpr) -> bool {
    matches!(
        &unparen(l).kind,
        ExprKind::Selector(..) | ExprKind::Unary(UnOp::Deref, _)
    )
}

pub(crate) fn store(p: Place, rhs: Expr) -> Stmt {
    let s = match p.root {
        Root::Var(var) => TypedStmt::SetField {
            var,
            path: p.path,
            rhs,
        },
        Root::Ptr(ptr) => TypedStmt::Store {
            p: ptr,
            path: p.path,
            rhs,
        },
    };
    Stmt::Typed(Box::new(s))
}

impl Checker {
    /// The place an assignment stores to, when it is a field or a pointee.
    pub(crate) fn target_place(&mut self, l: &AExpr) -> PResult<Option<Place>> {
        if !is_typed_target(l) {
            return Ok(None);
        }
        if let ExprKind::Selector(x, _, _) = &unparen(l).kind {
            if matches!(&unparen(x).kind, ExprKind::Ident(p) if self.lookup(p).is_none() && self.imports.contains_key(p))
            {
                return Ok(None);
            }
        }
        match self.place(l)? {
            Some(p) => Ok(Some(p)),
            None => err(
                l.pos,
                format!(
                    "cannot assign to {} (neither addressable nor a map index expression)",
                    show(l)
                ),
            ),
        }
    }

    /// `x.f = v`, `*p = v`; `None` for other assignments.
    pub(crate) fn typed_assign(
        &mut self,
        lhs: &[AExpr],
        rhs: &[AExpr],
        _pos: Pos,
    ) -> PResult<Option<Stmt>> {
        if let ([l], [r]) = (lhs, rhs) {
            if let Some(s) = self.array_field_store(l, r, None, _pos)? {
                return Ok(Some(s));
            }
        }
        if !lhs.iter().any(is_typed_target) {
            return Ok(None);
        }
        let ([l], [r]) = (lhs, rhs) else {
            // Several targets: element and field places together.
            return Ok(None);
        };
        let Some(p) = self.target_place(l)? else {
            return Ok(None);
        };
        let v = self.value_as(r, &p.ty.clone(), "assignment")?;
        if let Some(shape) = crate::checker::composite::copy_shape(&p.ty) {
            // Arrays are storage: `*p = a`, `s.arr = a` write into the
            // arrays already there.
            let (pre, p) = self.root_once(p);
            let v = overwrite(load_place(&p), v, shape);
            return Ok(Some(with_pre(pre, store(p, v))));
        }
        Ok(Some(store(p, v)))
    }

    /// A field or pointee target of a multiple assignment, as an
    /// [`crate::ir::Place`].
    pub(crate) fn typed_place(&mut self, l: &AExpr) -> PResult<Option<(crate::ir::Place, Type)>> {
        let Some(p) = self.target_place(l)? else {
            return Ok(None);
        };
        let t = p.ty.clone();
        let place = match p.root {
            Root::Var(var) if p.path.is_empty() => crate::ir::Place::Var(Lhs::Set(var)),
            Root::Var(var) => crate::ir::Place::Field { var, path: p.path },
            Root::Ptr(ptr) => crate::ir::Place::Pointee {
                p: ptr,
                path: p.path,
            },
        };
        Ok(Some((place, t)))
    }

    /// `x.f op= v`, `x.f++`, `*p += v`.
    pub(crate) fn typed_op_assign(
        &mut self,
        bop: BinOp,
        l: &AExpr,
        rhs: &[AExpr],
        pos: Pos,
    ) -> PResult<Option<Stmt>> {
        let Some(p) = self.target_place(l)? else {
            return Ok(None);
        };
        let [r] = rhs else {
            return err(
                pos,
                "assignment operation requires single-valued expressions",
            );
        };
        let t = p.ty.clone();
        let (pre, p) = self.root_once(p);
        let cur = load_place(&p);
        let v = if crate::checker::num_kind(&t).is_some() && t != Type::Int {
            let rv = self.value(r)?;
            self.num_binary(bop, (l, r), (cur, t), rv, pos)?.0
        } else {
            let re = self.value_as(r, &t, "assignment")?;
            let op = op_assign_arith(bop, &t, &re, pos)?;
            Expr::Arith(op, Box::new(cur), Box::new(re))
        };
        Ok(Some(with_pre(pre, store(p, v))))
    }

    /// `p` with its pointer root evaluated once: a read-modify-write of a
    /// place uses its root twice (load, then store), so a root other than
    /// a plain load (`m[k].f`, `s[i+1].f`, `f().g`) is first stored into a
    /// fresh temporary by the statement returned.
    fn root_once(&mut self, p: Place) -> (Option<Stmt>, Place) {
        match p.root {
            Root::Ptr(e) if !matches!(e, Expr::Load(_) | Expr::Const(_)) => {
                let slot = self.new_slot();
                let pre = Stmt::Assign {
                    lhs: vec![Lhs::Declare(slot)],
                    rhs: Rhs::List(vec![e]),
                };
                let p = Place {
                    root: Root::Ptr(Expr::Load(Var::Local(slot))),
                    ..p
                };
                (Some(pre), p)
            }
            root => (None, Place { root, ..p }),
        }
    }

    /// `switch [init;] [v :=] x.(type) { ... }`.
    pub(crate) fn type_switch(
        &mut self,
        init: Option<&AStmt>,
        bind: Option<&Name>,
        x: &AExpr,
        clauses: &[TypeClause],
    ) -> PResult<Stmt> {
        let mut out = Vec::new();
        if let Some(i) = init {
            if let Some(s) = self.stmt(i)? {
                out.push(s);
            }
        }
        let guard = match &unparen(x).kind {
            ExprKind::TypeSwitchGuard(g) => &**g,
            _ => x,
        };
        let (xe, xt) = self.value(guard)?;
        if !xt.is_interface() {
            return err(
                guard.pos,
                format!(
                    "{} (variable of type {xt}) is not an interface",
                    show(guard)
                ),
            );
        }
        let tmp = self.new_slot();
        out.push(Stmt::Assign {
            lhs: vec![Lhs::Declare(tmp)],
            rhs: Rhs::List(vec![xe]),
        });
        let default = clauses.iter().find(|c| c.types.is_none());
        let cases: Vec<&TypeClause> = clauses.iter().filter(|c| c.types.is_some()).collect();
        // `break` in a clause leaves the switch, as in an expression switch.
        let (chain, end, _) =
            self.breakable(false, |c| c.type_cases(&cases, default, (tmp, &xt), bind))?;
        out.extend(chain);
        if let Some(end) = end {
            out.push(Stmt::Comp(Box::new(crate::ir::CompStmt::Label(end))));
        }
        Ok(Stmt::Block(out))
    }

    /// The clauses from `cases[0]` on, as nested `if`s.
    fn type_cases(
        &mut self,
        cases: &[&TypeClause],
        default: Option<&TypeClause>,
        (tmp, xt): (u32, &Type),
        bind: Option<&Name>,
    ) -> PResult<Vec<Stmt>> {
        let Some((c, rest)) = cases.split_first() else {
            return match default {
                Some(d) => self.clause_body(d, None, (tmp, xt), bind),
                None => Ok(Vec::new()),
            };
        };
        let mut out = Vec::new();
        let mut cond: Option<Expr> = None;
        let mut single: Option<Type> = None;
        let types = c.types.as_deref().unwrap_or(&[]);
        for te in types {
            let test = if matches!(te, TypeExpr::Name(n, _) if &**n == "nil") {
                single = None;
                Expr::IsNil(Box::new(Expr::Load(Var::Local(tmp))), false)
            } else {
                let t = self.type_expr(te)?;
                if !self.may_assert(te, &t) {
                    if let Some(m) = t.missing_method(xt) {
                        return err(te.pos(), format!("impossible type switch case: {} cannot have dynamic type {t} (missing method {m})", xt));
                    }
                }
                let ok = self.new_slot();
                out.push(Stmt::Assign {
                    lhs: vec![Lhs::Blank, Lhs::Declare(ok)],
                    rhs: Rhs::AssertOk {
                        x: Expr::Load(Var::Local(tmp)),
                        to: t.clone(),
                        zero: zero(&t),
                    },
                });
                single = Some(t);
                Expr::Load(Var::Local(ok))
            };
            cond = Some(match cond {
                None => test,
                Some(c) => Expr::Or(Box::new(c), Box::new(test)),
            });
        }
        let bound = if types.len() == 1 { single } else { None };
        let then = self.clause_body(c, bound, (tmp, xt), bind)?;
        let els = self.type_cases(rest, default, (tmp, xt), bind)?;
        out.push(Stmt::If {
            init: None,
            cond: cond.unwrap_or(Expr::Const(crate::value::Value::Bool(false))),
            then,
            els,
        });
        Ok(out)
    }

    /// A clause's statements, with the switch's variable bound to the
    /// value as type `t` (one type listed), or as the interface.
    fn clause_body(
        &mut self,
        c: &TypeClause,
        t: Option<Type>,
        (tmp, xt): (u32, &Type),
        bind: Option<&Name>,
    ) -> PResult<Vec<Stmt>> {
        self.scoped(|ch| {
            let mut out = Vec::new();
            if let Some((name, pos)) = bind {
                let (v, vt) = match t {
                    Some(t) => (
                        Expr::Assert {
                            x: Box::new(Expr::Load(Var::Local(tmp))),
                            to: t.clone(),
                            src: xt.clone(),
                        },
                        t,
                    ),
                    None => (Expr::Load(Var::Local(tmp)), xt.clone()),
                };
                let slot = ch.new_slot();
                ch.bind_local(name, *pos, slot, vt, true)?;
                out.push(Stmt::Assign {
                    lhs: vec![Lhs::Declare(slot)],
                    rhs: Rhs::List(vec![v]),
                });
            }
            out.extend(ch.block_stmts(&c.body)?);
            Ok(out)
        })
    }
}

/// The value stored at a place (its root read again: roots are variables
/// or pointer loads, whose second evaluation has no effect).
fn load_place(p: &Place) -> Expr {
    let mut e = match &p.root {
        Root::Var(v) => Expr::Load(*v),
        Root::Ptr(x) => Expr::Typed(Box::new(TypedExpr::Deref(reread(x)))),
    };
    for &i in &p.path {
        e = Expr::Typed(Box::new(TypedExpr::Field(e, i)));
    }
    e
}

/// `new` to store over the value `old` of a type holding arrays (copy
/// shape `shape`): the arrays are overwritten in place.
pub(crate) fn overwrite(old: Expr, new: Expr, shape: Vec<u32>) -> Expr {
    // The overwrite copies what it stores: no copy of `new` first.
    let new = match new {
        Expr::Comp(c) => match *c {
            crate::ir::CompExpr::CopyArray { x, .. } => x,
            c => Expr::Comp(Box::new(c)),
        },
        e => e,
    };
    Expr::Comp(Box::new(crate::ir::CompExpr::Overwrite {
        old,
        new,
        shape: shape.into(),
    }))
}

/// `pre; s` as one statement.
fn with_pre(pre: Option<Stmt>, s: Stmt) -> Stmt {
    match pre {
        Some(pre) => Stmt::Block(vec![pre, s]),
        None => s,
    }
}

fn reread(e: &Expr) -> Expr {
    crate::checker::expr::clone_expr(e)
}

impl Checker {
    /// `s.arr[i] = v` (or `op=`) where `s.arr` is an array field of a
    /// struct (reached from a variable or through a pointer): structs are
    /// copy-on-write and share their arrays with their copies, so the array
    /// is copied, the element stored into the copy, and the copy stored
    /// back into the field — which copies the struct if it is shared.
    /// `None` for other targets.
    pub(crate) fn array_field_store(
        &mut self,
        l: &AExpr,
        r: &AExpr,
        op: Option<BinOp>,
        pos: Pos,
    ) -> PResult<Option<Stmt>> {
        let ExprKind::Index(x, ix) = &unparen(l).kind else {
            return Ok(None);
        };
        let ([i], ExprKind::Selector(..)) = (ix.as_slice(), &unparen(x).kind) else {
            return Ok(None);
        };
        let Some(place) = self.place(x)? else {
            return Ok(None);
        };
        if place.path.is_empty() {
            return Ok(None);
        }
        let Type::Array(_, elem) = place.ty.underlying() else {
            return Ok(None);
        };
        let elem = elem.scalar();
        let (ie, it) = self.value(i)?;
        let ie = crate::checker::composite::builtins::int_operand(ie, it, i, "index")?;
        let (pre, place) = self.root_once(place);
        let tmp = self.new_slot();
        let copy = crate::checker::composite::fresh(load_place(&place), &place.ty);
        let mut out: Vec<Stmt> = pre.into_iter().collect();
        out.push(Stmt::Assign {
            lhs: vec![Lhs::Declare(tmp)],
            rhs: Rhs::List(vec![copy]),
        });
        let elem_place = |ie: Expr| crate::ir::Place::Elem {
            x: Expr::Load(Var::Local(tmp)),
            i: ie,
            on: crate::ir::On::Array,
        };
        let s = match op {
            None => {
                let v = self.value_as(r, &elem, "assignment")?;
                crate::ir::CompStmt::Assign {
                    targets: vec![elem_place(ie)],
                    rhs: Rhs::List(vec![v]),
                }
            }
            Some(bop) => {
                let v = self.value_as(r, &elem, "assignment")?;
                let op = op_assign_arith(bop, &elem, &v, pos)?;
                crate::ir::CompStmt::OpAssign {
                    target: elem_place(ie),
                    op,
                    rhs: v,
                }
            }
        };
        out.push(Stmt::Comp(Box::new(s)));
        out.push(store(place, Expr::Load(Var::Local(tmp))));
        Ok(Some(Stmt::Block(out)))
    }
}
