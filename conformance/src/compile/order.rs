//! gc's order of evaluation inside one argument list: gc's `order` pass
//! moves every call out of a call's arguments into a temporary first, so
//! the arguments without calls (variables, fields, `*p`, `a[i]`, the
//! receiver of a method) are read after all the calls of the list: in
//! `f(a[0], g())` (or `t.M(t.n, g())`) `g` runs before `a[0]` (`t`,
//! `t.n`) is read, and a nil `*p` receiver panics after `g` ran. The spec
//! leaves this order open; Go programs see gc's. The same order applies
//! to a `return` list, an assignment's right-hand sides and a struct
//! literal's fields; `calc.rs` `bin_operands` applies it to the two
//! operands of a binary operator.

use crate::ir::{Args, CompExpr, Expr, On, TypedExpr};

/// Whether `e` reads without calling (loads, field and element reads,
/// dereferences, arithmetic on them, function literals): such an argument
/// is evaluated after those with calls. Anything else counts as a call.
pub(super) fn reads_only(e: &Expr) -> bool {
    match e {
        Expr::Const(_) | Expr::Load(_) | Expr::Func(_) | Expr::Lit(_) => true,
        Expr::Neg(x) | Expr::Not(x) | Expr::ToIface(x) | Expr::IsNil(x, _) | Expr::At(_, x) => {
            reads_only(x)
        }
        Expr::Arith(_, a, b) | Expr::Cmp(_, a, b) | Expr::And(a, b) | Expr::Or(a, b) => {
            reads_only(a) && reads_only(b)
        }
        Expr::Typed(t) => match &**t {
            TypedExpr::Field(x, _)
            | TypedExpr::Deref(x)
            | TypedExpr::FieldAddr(x, _)
            | TypedExpr::NonNil(x)
            | TypedExpr::Box(x, _)
            // An operand of `fmt`'s prints: its `String`/`Error` method,
            // if any, is called by gc's `Println` after all arguments.
            | TypedExpr::Show(x)
            | TypedExpr::ShowElems(x, ..)
            | TypedExpr::ShowFields(x, _) => reads_only(x),
            TypedExpr::ElemAddr(x, i) => reads_only(x) && reads_only(i),
            TypedExpr::AddrVar(_) => true,
            // A method value (`x.M` as an argument, or the callee of
            // `x.M(g())`): its receiver is read, a nil one faults, after
            // the calls.
            TypedExpr::Bound(f, r, _) => reads_only(f) && reads_only(r),
            TypedExpr::IfaceBound(x, _, _) => reads_only(x),
            _ => false,
        },
        Expr::Comp(c) => match &**c {
            CompExpr::Index { .. } | CompExpr::CopyArray { .. } => {
                c.exprs().into_iter().all(reads_only)
            }
            CompExpr::Lit { on, .. } if *on != On::Map => c.exprs().into_iter().all(reads_only),
            _ => false,
        },
        _ => false,
    }
}

/// The order in which to evaluate the expressions of `args` (a list):
/// those with calls first, then the others, each group in source order.
pub(super) fn arg_order(es: &[Expr]) -> Vec<usize> {
    order_of(es.iter().map(reads_only).collect())
}

/// The order of the elements of a slice or array literal (gc's order
/// pass treats them as an argument list); a map literal's entries whose
/// key and value are constants first (gc makes the map with them), then
/// the others as written (a later duplicate key wins).
pub(super) fn elem_order(on: On, elems: &[(Expr, Expr)]) -> Vec<usize> {
    if on == On::Map {
        let fixed = |(k, v): &(Expr, Expr)| matches!((k, v), (Expr::Const(_), Expr::Const(_)));
        let statics = (0..elems.len()).filter(|&i| fixed(&elems[i]));
        return statics
            .chain((0..elems.len()).filter(|&i| !fixed(&elems[i])))
            .collect();
    }
    order_of(
        elems
            .iter()
            .map(|(k, v)| reads_only(k) && reads_only(v))
            .collect(),
    )
}

/// Indices of the entries that are not `late`, then of those that are.
pub(super) fn order_of(late: Vec<bool>) -> Vec<usize> {
    let n = late.len();
    if late.iter().all(|&l| l) {
        return (0..n).collect();
    }
    let early = (0..n).filter(|&i| !late[i]);
    early.chain((0..n).filter(|&i| late[i])).collect()
}

/// The expressions of a plain argument list.
pub(super) fn list(args: &Args) -> &[Expr] {
    match args {
        Args::List(es) => es,
        Args::Spread(_) | Args::Unpack(..) => &[],
    }
}
