//! Statements.

use deferrt_core::{Outcome, SlotOutOfRange, Unwind};

use super::eval::{
    arith, assert, call_closure, eval, eval_call, internal, prepare_deferred, truth, var_cell, Open,
};
use super::{halt, Cx, Halt};
use crate::ir::{Expr, Lhs, Program, Rhs, Stmt};
use crate::value::{cell, Cell, Value};

/// One activation's variables, and its open frame if the function's defers
/// are open-coded (`None`: they go on the core's chain).
pub(crate) struct Env<'a> {
    /// Local slots.
    pub slots: &'a mut Vec<Cell>,
    /// Captured variables.
    pub caps: &'a [Cell],
    /// Result slots.
    pub results: &'a [(u32, Value)],
    /// The open frame.
    pub open: Option<&'a mut Open>,
}

/// How a statement ended.
enum Ctl {
    Next,
    Break,
    Continue,
    Return,
}

/// Runs the package initialisation, the `init` functions and `main`.
pub(crate) fn run_program(cx: &mut Cx<'_>, prog: &Program) -> Outcome {
    run_init(cx, &prog.init)?;
    let funcs = cx.env().funcs.clone();
    for i in prog.inits.iter().chain(std::iter::once(&prog.main)) {
        match funcs.get(*i as usize) {
            Some(f) => {
                call_closure(cx, f, super::ArgVals::new())?;
            }
            None => return Err(internal(cx, "missing function")),
        }
    }
    Ok(())
}

/// Runs the package-level variable initialisation, in a frame of its own.
pub(crate) fn run_init(cx: &mut Cx<'_>, init: &[Stmt]) -> Outcome {
    let frame = cx.enter();
    let mut slots = Vec::new();
    let mut env = Env {
        slots: &mut slots,
        caps: &[],
        results: &[],
        open: None,
    };
    let r = exec_block(cx, &mut env, init).map(drop);
    cx.leave(frame, r)
}

/// Runs a function body.
pub(crate) fn exec_body(cx: &mut Cx<'_>, env: &mut Env<'_>, body: &[Stmt]) -> Outcome {
    exec_block(cx, env, body).map(drop)
}

fn exec_block(cx: &mut Cx<'_>, env: &mut Env<'_>, stmts: &[Stmt]) -> Result<Ctl, Unwind> {
    for s in stmts {
        match exec(cx, env, s)? {
            Ctl::Next => {}
            c => return Ok(c),
        }
    }
    Ok(Ctl::Next)
}

fn step(cx: &mut Cx<'_>) -> Result<(), Unwind> {
    let it = cx.env();
    it.steps += 1;
    if it.budget.is_some_and(|b| it.steps > b) {
        return Err(halt(cx, Halt::Budget));
    }
    Ok(())
}

fn exec(cx: &mut Cx<'_>, env: &mut Env<'_>, s: &Stmt) -> Result<Ctl, Unwind> {
    step(cx)?;
    match s {
        Stmt::Expr(Expr::Call(c)) => {
            eval_call(cx, env, c)?;
        }
        Stmt::Expr(e) => {
            eval(cx, env, e)?;
        }
        Stmt::Assign { lhs, rhs } => {
            let vals = eval_rhs(cx, env, rhs)?;
            for (l, v) in lhs.iter().zip(vals) {
                store(cx, env, *l, v);
            }
        }
        Stmt::OpAssign { var, op, rhs } => {
            let r = eval(cx, env, rhs)?;
            let c = var_cell(cx, env, *var);
            let cur = c.borrow().clone();
            let v = arith(cx, *op, cur, r)?;
            *c.borrow_mut() = v;
        }
        Stmt::If {
            init,
            cond,
            then,
            els,
        } => {
            if let Some(i) = init {
                exec(cx, env, i)?;
            }
            return if truth(cx, env, cond)? {
                exec_block(cx, env, then)
            } else {
                exec_block(cx, env, els)
            };
        }
        Stmt::For {
            init,
            cond,
            post,
            body,
            per_iter,
        } => {
            return exec_for(
                cx,
                env,
                init.as_deref(),
                cond.as_ref(),
                post.as_deref(),
                body,
                per_iter,
            )
        }
        Stmt::Block(b) => return exec_block(cx, env, b),
        Stmt::Break => return Ok(Ctl::Break),
        Stmt::Continue => return Ok(Ctl::Continue),
        Stmt::Return(rhs) => {
            if let Some(rhs) = rhs {
                let vals = eval_rhs(cx, env, rhs)?;
                for ((s, _), v) in env.results.iter().zip(vals) {
                    store(cx, env, Lhs::Set(crate::ir::Var::Local(*s)), v);
                }
            }
            return Ok(Ctl::Return);
        }
        Stmt::Defer { call, site } => {
            let d = prepare_deferred(cx, env, call)?;
            match env.open.as_deref_mut() {
                Some(frame) => {
                    if let Err(SlotOutOfRange(d)) = frame.defer_at(*site as usize, d) {
                        cx.defer(move |cx| deferrt_core::Deferred::call(d, cx));
                    }
                }
                None => cx.defer(move |cx| deferrt_core::Deferred::call(d, cx)),
            }
        }
    }
    Ok(Ctl::Next)
}

fn exec_for(
    cx: &mut Cx<'_>,
    env: &mut Env<'_>,
    init: Option<&Stmt>,
    cond: Option<&Expr>,
    post: Option<&Stmt>,
    body: &[Stmt],
    per_iter: &[u32],
) -> Result<Ctl, Unwind> {
    if let Some(i) = init {
        exec(cx, env, i)?;
    }
    loop {
        step(cx)?;
        if let Some(c) = cond {
            if !truth(cx, env, c)? {
                break;
            }
        }
        match exec_block(cx, env, body)? {
            Ctl::Break => break,
            Ctl::Return => return Ok(Ctl::Return),
            Ctl::Next | Ctl::Continue => {}
        }
        // Go 1.22: the next iteration's copy of each loop variable is
        // made before the post statement, from the current value.
        for s in per_iter {
            if let Some(c) = env.slots.get_mut(*s as usize) {
                let v = c.borrow().clone();
                *c = cell(v);
            }
        }
        if let Some(p) = post {
            exec(cx, env, p)?;
        }
    }
    Ok(Ctl::Next)
}

fn eval_rhs(cx: &mut Cx<'_>, env: &mut Env<'_>, rhs: &Rhs) -> Result<Vec<Value>, Unwind> {
    match rhs {
        Rhs::List(es) => {
            let mut out = Vec::with_capacity(es.len());
            for e in es {
                out.push(eval(cx, env, e)?);
            }
            Ok(out)
        }
        Rhs::Multi(Expr::Call(c)) => eval_call(cx, env, c),
        Rhs::Multi(e) => Ok(vec![eval(cx, env, e)?]),
        Rhs::AssertOk { x, to, zero } => {
            let v = eval(cx, env, x)?;
            Ok(match assert(&v, to, &crate::types::Type::Any) {
                Ok(()) if *to == crate::types::Type::Int => vec![v.concrete(), Value::Bool(true)],
                Ok(()) => vec![v, Value::Bool(true)],
                Err(_) => vec![zero.clone(), Value::Bool(false)],
            })
        }
    }
}

fn store(cx: &mut Cx<'_>, env: &mut Env<'_>, l: Lhs, v: Value) {
    match l {
        Lhs::Blank => {}
        Lhs::Set(var) => *var_cell(cx, env, var).borrow_mut() = v,
        Lhs::Declare(s) => {
            if let Some(c) = env.slots.get_mut(s as usize) {
                *c = cell(v);
            }
        }
    }
}
