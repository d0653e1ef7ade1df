//! Which interface-typed locals gc's static devirtualization would see
//! through (cmd/compile/internal/devirtualize, `concreteType`): a call
//! `i.M()` on such a local becomes a direct call of the concrete type's
//! method, so a nil `*T` there faults with the plain nil dereference
//! instead of the method wrapper's `value method ... called using nil *T
//! pointer` (cases/SURPRISES.md, 894).
//!
//! gc's rule, as minigo approximates it: the variable is a local of the
//! function (not a parameter or result), its address is never taken and
//! no closure captures it (minigo gives up on captured ones, which gc
//! follows into the closure), and every assignment to it, ignoring the
//! ones of `nil`, converts a value of one and the same concrete type.
//! gc also follows other such locals, type assertions and inlined calls;
//! minigo counts those as unknown (the wrapper's text).

use crate::ir::{CompStmt, Const, Expr, GoStmt, Lhs, Place, Rhs, Stmt, TypedExpr, Var};

/// What the assignments to one slot say so far.
#[derive(Clone, PartialEq)]
enum Seen {
    Nothing,
    Concrete(String),
    Unknown,
}

impl Seen {
    fn add(&mut self, s: Seen) {
        *self = match (std::mem::replace(self, Seen::Nothing), s) {
            (Seen::Nothing, s) | (s, Seen::Nothing) => s,
            (Seen::Concrete(a), Seen::Concrete(b)) if a == b => Seen::Concrete(a),
            _ => Seen::Unknown,
        };
    }
}

/// For each slot of the function `ir` (whose body is `body`; `cell` says
/// which slots live in cells), whether calls on it are devirtualized.
pub(super) fn devirtualized(ir: &crate::ir::FuncCode, body: &[Stmt], cell: &[bool]) -> Vec<bool> {
    let mut seen = vec![Seen::Nothing; ir.nslots];
    stmts(body, &mut seen);
    // Parameters and results are not gc's PAUTO locals.
    for i in (0..ir.nparams).chain(ir.results.iter().map(|r| r.0 as usize)) {
        if let Some(s) = seen.get_mut(i) {
            *s = Seen::Unknown;
        }
    }
    seen.into_iter()
        .zip(cell)
        .map(|(s, &c)| !c && matches!(s, Seen::Concrete(_)))
        .collect()
}

fn stmts(body: &[Stmt], seen: &mut [Seen]) {
    for s in body {
        stmt(s, seen);
    }
}

fn mark(l: &Lhs, s: Seen, seen: &mut [Seen]) {
    if let Lhs::Set(Var::Local(i)) | Lhs::Declare(i) = l {
        if let Some(slot) = seen.get_mut(*i as usize) {
            slot.add(s);
        }
    }
}

/// What assigning `e` says about the target's concrete type.
fn kind(e: &Expr) -> Seen {
    match e {
        Expr::Const(Const::Nil) => Seen::Nothing,
        Expr::Typed(t) => match &**t {
            TypedExpr::Box(_, ty) if !ty.is_interface() => Seen::Concrete(format!("{ty:?}")),
            _ => Seen::Unknown,
        },
        _ => Seen::Unknown,
    }
}

fn assign(lhs: &[Lhs], rhs: &Rhs, seen: &mut [Seen]) {
    match rhs {
        Rhs::List(es) => {
            for (l, e) in lhs.iter().zip(es) {
                mark(l, kind(e), seen);
            }
        }
        _ => lhs.iter().for_each(|l| mark(l, Seen::Unknown, seen)),
    }
}

fn stmt(s: &Stmt, seen: &mut [Seen]) {
    match s {
        Stmt::Assign { lhs, rhs } => assign(lhs, rhs, seen),
        Stmt::If {
            init, then, els, ..
        } => {
            if let Some(i) = init {
                stmt(i, seen);
            }
            stmts(then, seen);
            stmts(els, seen);
        }
        Stmt::For {
            init, post, body, ..
        } => {
            for s in init.iter().chain(post) {
                stmt(s, seen);
            }
            stmts(body, seen);
        }
        Stmt::Block(b) => stmts(b, seen),
        Stmt::At(_, s) => stmt(s, seen),
        Stmt::Comp(c) => {
            if let CompStmt::Assign { targets, rhs } = &**c {
                let lhs: Vec<Lhs> = targets
                    .iter()
                    .map(|p| match p {
                        Place::Var(l) => *l,
                        _ => Lhs::Blank,
                    })
                    .collect();
                assign(&lhs, rhs, seen);
            }
            c.blocks().into_iter().for_each(|b| stmts(b, seen));
        }
        Stmt::Go(g) => match g {
            GoStmt::Select { cases, default, .. } => {
                for c in cases {
                    if let crate::ir::SelectComm::Recv { value, .. } = &c.comm {
                        mark(value, Seen::Unknown, seen);
                    }
                    stmts(&c.body, seen);
                }
                if let Some(d) = default {
                    stmts(d, seen);
                }
            }
            GoStmt::RangeChan { value, body, .. } => {
                mark(value, Seen::Unknown, seen);
                stmts(body, seen);
            }
            GoStmt::Spawn(_) | GoStmt::Send { .. } => {}
        },
        Stmt::Expr(_)
        | Stmt::OpAssign { .. }
        | Stmt::Break
        | Stmt::Continue
        | Stmt::Return(..)
        | Stmt::Defer { .. }
        | Stmt::Typed(_) => {}
    }
}
