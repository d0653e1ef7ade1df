//! Which locals of a function its function literals capture (those live
//! in cells; the others are plain registers).

use crate::ir::{Args, Call, Expr, Rhs, Stmt, Target, TypedExpr, TypedStmt, Var};

/// Marks the locals of this function that its function literals capture.
pub(super) fn captured_locals(stmts: &[Stmt], out: &mut [bool]) {
    for s in stmts {
        stmt_captures(s, out);
    }
}

pub(super) fn stmt_captures(s: &Stmt, out: &mut [bool]) {
    match s {
        Stmt::Expr(e) => expr_captures(e, out),
        Stmt::Assign { rhs, .. } => rhs_captures(rhs, out),
        Stmt::OpAssign { rhs, .. } => expr_captures(rhs, out),
        Stmt::If {
            init,
            cond,
            then,
            els,
        } => {
            if let Some(i) = init {
                stmt_captures(i, out);
            }
            expr_captures(cond, out);
            captured_locals(then, out);
            captured_locals(els, out);
        }
        Stmt::For {
            init,
            cond,
            post,
            body,
            ..
        } => {
            for s in init.iter().chain(post) {
                stmt_captures(s, out);
            }
            if let Some(c) = cond {
                expr_captures(c, out);
            }
            captured_locals(body, out);
        }
        Stmt::Block(b) => captured_locals(b, out),
        Stmt::At(_, s) => stmt_captures(s, out),
        Stmt::Return(Some(rhs), _) => rhs_captures(rhs, out),
        Stmt::Defer { call, .. } => call_captures(call, out),
        Stmt::Go(g) => super::goroutines::stmt_captures(g, out),
        Stmt::Typed(t) => match &**t {
            TypedStmt::SetField { rhs, .. } => expr_captures(rhs, out),
            TypedStmt::Store { p, rhs, .. } => {
                expr_captures(p, out);
                expr_captures(rhs, out);
            }
        },
        Stmt::Break | Stmt::Continue | Stmt::Return(None, _) => {}
        Stmt::Comp(c) => {
            let (es, rhs) = c.exprs();
            es.into_iter().for_each(|e| expr_captures(e, out));
            rhs.into_iter().for_each(|r| rhs_captures(r, out));
            c.blocks().into_iter().for_each(|b| captured_locals(b, out));
        }
    }
}

fn rhs_captures(rhs: &Rhs, out: &mut [bool]) {
    match rhs {
        Rhs::List(es) => es.iter().for_each(|e| expr_captures(e, out)),
        Rhs::Multi(e) | Rhs::AssertOk { x: e, .. } | Rhs::RecvOk { ch: e, .. } => {
            expr_captures(e, out)
        }
        Rhs::MapOk { m, k, at, .. } => {
            expr_captures(m, out);
            expr_captures(k, out);
            if let Some(a) = at {
                expr_captures(a, out);
            }
        }
    }
}

pub(super) fn call_captures(c: &Call, out: &mut [bool]) {
    match &c.target {
        Target::Value(e) | Target::ErrorMethod(e) | Target::Iface(e, _) => expr_captures(e, out),
        Target::Builtin(_) => {}
    }
    match &c.args {
        Args::List(es) => es.iter().for_each(|e| expr_captures(e, out)),
        Args::Spread(e) => expr_captures(e, out),
        Args::Unpack(es, e) => {
            es.iter().for_each(|e| expr_captures(e, out));
            expr_captures(e, out);
        }
    }
}

pub(super) fn expr_captures(e: &Expr, out: &mut [bool]) {
    match e {
        Expr::Lit(code) => {
            for v in &code.captures {
                if let Var::Local(s) = v {
                    if let Some(b) = out.get_mut(*s as usize) {
                        *b = true;
                    }
                }
            }
        }
        Expr::Neg(x) | Expr::Not(x) | Expr::ToIface(x) | Expr::IsNil(x, _) | Expr::At(_, x) => {
            expr_captures(x, out)
        }
        Expr::Assert { x, .. } => expr_captures(x, out),
        Expr::Arith(_, a, b) | Expr::Cmp(_, a, b) | Expr::And(a, b) | Expr::Or(a, b) => {
            expr_captures(a, out);
            expr_captures(b, out);
        }
        Expr::Call(c) => call_captures(c, out),
        Expr::Go(g) => super::goroutines::expr_captures(g, out),
        Expr::Typed(t) => typed_captures(t, out),
        Expr::Const(_) | Expr::Load(_) | Expr::Func(_) => {}
        Expr::Comp(c) => c.exprs().into_iter().for_each(|e| expr_captures(e, out)),
    }
}

/// A local whose address is taken lives in a cell too (an `Obj` a pointer
/// can point into).
fn typed_captures(t: &TypedExpr, out: &mut [bool]) {
    match t {
        TypedExpr::AddrVar(Var::Local(s)) => {
            if let Some(b) = out.get_mut(*s as usize) {
                *b = true;
            }
        }
        TypedExpr::AddrVar(_) => {}
        TypedExpr::Field(x, _)
        | TypedExpr::Deref(x)
        | TypedExpr::FieldAddr(x, _)
        | TypedExpr::New(x)
        | TypedExpr::NonNil(x)
        | TypedExpr::Box(x, _)
        | TypedExpr::Show(x)
        | TypedExpr::ShowElems(x, _, _)
        | TypedExpr::ShowFields(x, _)
        | TypedExpr::IfaceBound(x, _, _) => expr_captures(x, out),
        TypedExpr::StructLit(xs) => xs.iter().for_each(|(_, x)| expr_captures(x, out)),
        TypedExpr::Num { a, b, .. }
        | TypedExpr::NumCmp { a, b, .. }
        | TypedExpr::ElemAddr(a, b) => {
            expr_captures(a, out);
            expr_captures(b, out);
        }
        TypedExpr::NumUnary { x, .. } | TypedExpr::Conv { x, .. } => expr_captures(x, out),
        TypedExpr::Bound(f, r, _) => {
            expr_captures(f, out);
            expr_captures(r, out);
        }
    }
}
