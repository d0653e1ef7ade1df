//! Expressions, calls and deferred calls.

use std::rc::Rc;

use deferrt_core::{Deferred, Local, OpenFrame, Outcome, Unwind};

use super::exec::{exec_body, Env};
use super::{halt, ArgVals, Cx, Halt, Interp};
use crate::format;
use crate::ir::{Args, Arith, Builtin, Call, Cmp, Expr, Target, Var};
use crate::types::Type;
use crate::value::{cell, Cell, Closure, ErrKind, FuncVal, Value};

/// What a deferred call calls.
#[derive(Debug)]
enum Prepared {
    Func(FuncVal),
    Builtin(Builtin),
    /// `defer err.Error()`: nothing to do when it runs.
    Nothing,
}

/// A deferred call: the function value and arguments evaluated at the
/// `defer` statement (`docs/GO-SEMANTICS.md` A1/A2). Up to `ARGS_INLINE` arguments
/// are kept inline, so registering one allocates nothing: on the chain it
/// lives in a pooled record (it fits the core's 224-byte size class), in an
/// open frame in its slot.
#[derive(Debug)]
pub(crate) struct DeferredCall {
    target: Prepared,
    args: ArgVals,
}

const _: () = assert!(
    core::mem::size_of::<DeferredCall>() <= deferrt_core::CLASS_PAYLOAD[2]
        && core::mem::align_of::<DeferredCall>() <= 16,
    "a DeferredCall must fit a pooled record inline"
);

impl Deferred<Interp, Value, Local> for DeferredCall {
    fn call(self, cx: &mut Cx<'_>) -> Outcome {
        if cx.env().halted.is_some() {
            return Ok(());
        }
        match self.target {
            // The core entered a frame for this call: run the body directly
            // in it, so that its recover() is "called by the deferred
            // function". Its own defers are open-coded in that same frame
            // (`adopt_open`) when the function qualifies, else they go on
            // the chain of that frame.
            Prepared::Func(FuncVal::Closure(c)) => {
                enter_depth(cx)?;
                let r = if c.code.open && cx.env().open_coded {
                    let mut frame = cx.adopt_open::<DeferredCall, 8>();
                    match run_body(cx, &c, self.args, Some(&mut frame)) {
                        Ok(_) => cx.exit_open(frame),
                        Err(u) => cx.unwind_open(frame, u),
                    }
                } else {
                    run_body(cx, &c, self.args, None).map(drop)
                };
                cx.env().depth -= 1;
                r
            }
            Prepared::Func(FuncVal::Nil(_)) => Err(cx.fault(Value::nil_deref_error())),
            // `defer recover()` acts as a recover() by the function that
            // deferred it, at its exit (gc's wrapper frame is skipped): it
            // recovers only inside a deferred function a panic is running
            // (`docs/GO-SEMANTICS.md` A9, C2).
            Prepared::Builtin(Builtin::Recover) => {
                cx.recover_wrapped();
                Ok(())
            }
            Prepared::Nothing => Ok(()),
            Prepared::Builtin(b) => call_builtin(cx, &b, self.args).map(drop),
        }
    }
}

/// The open frame type of interpreted functions.
pub(crate) type Open = OpenFrame<DeferredCall, 8>;

/// Evaluates a `defer` statement's function value and arguments.
pub(crate) fn prepare_deferred(
    cx: &mut Cx<'_>,
    env: &mut Env<'_>,
    call: &Call,
) -> Result<DeferredCall, Unwind> {
    let target = match &call.target {
        Target::Value(f) => match eval(cx, env, f)? {
            Value::Func(fv) => Prepared::Func(fv),
            _ => return Err(internal(cx, "deferred value is not a func")),
        },
        Target::Builtin(b) => Prepared::Builtin(b.clone()),
        Target::ErrorMethod(x) => match eval(cx, env, x)? {
            Value::Err(_) => Prepared::Nothing,
            _ => return Err(cx.fault(Value::nil_deref_error())),
        },
    };
    let args = eval_args(cx, env, &call.args)?;
    Ok(DeferredCall { target, args })
}

/// Counts an interpreted call; Go's stack overflow when too deep.
pub(crate) fn enter_depth(cx: &mut Cx<'_>) -> Result<(), Unwind> {
    let it = cx.env();
    if it.depth >= it.max_depth {
        return Err(halt(cx, Halt::StackOverflow));
    }
    // The host stack is the other limit: frames are much larger in a
    // debug build than in a release build.
    if it.stack_used() > it.stack_limit {
        return Err(halt(cx, Halt::StackOverflow));
    }
    it.depth += 1;
    Ok(())
}

/// An interpreter bug: stop with a message rather than a Rust panic.
pub(crate) fn internal(cx: &mut Cx<'_>, what: &str) -> Unwind {
    cx.env()
        .write_err(&format!("minigo: internal error: {what}\n"));
    halt(cx, Halt::Exit(2))
}

/// Runs a closure's body with `args` in the innermost frame (entered by
/// the caller or by the core for a deferred call). Returns the result
/// slots' values — read after the frame is left by the caller.
pub(crate) fn run_body(
    cx: &mut Cx<'_>,
    c: &Rc<Closure>,
    args: ArgVals,
    open: Option<&mut Open>,
) -> Result<Vec<Cell>, Unwind> {
    let code = &c.code;
    let mut slots = new_slots(code, args);
    let mut env = Env {
        slots: &mut slots,
        caps: &c.captured,
        results: &code.results,
        open,
    };
    exec_body(cx, &mut env, &code.body)?;
    Ok(code.results.iter().map(|(s, _)| slot(&slots, *s)).collect())
}

fn slot(slots: &[Cell], s: u32) -> Cell {
    slots
        .get(s as usize)
        .cloned()
        .unwrap_or_else(|| cell(Value::Nil))
}

fn new_slots(code: &crate::ir::FuncCode, args: ArgVals) -> Vec<Cell> {
    let placeholder = cell(Value::Nil);
    let mut slots = vec![placeholder; code.nslots];
    for (i, a) in args.into_iter().enumerate().take(code.nparams) {
        if let Some(s) = slots.get_mut(i) {
            *s = cell(a);
        }
    }
    for (s, z) in &code.results {
        if let Some(c) = slots.get_mut(*s as usize) {
            *c = cell(z.clone());
        }
    }
    slots
}

/// Calls a closure in a new frame (open or chain) and returns its results.
pub(crate) fn call_closure(
    cx: &mut Cx<'_>,
    c: &Rc<Closure>,
    args: ArgVals,
) -> Result<Vec<Value>, Unwind> {
    enter_depth(cx)?;
    let code = &c.code;
    let mut slots = new_slots(code, args);
    let r = if code.open && cx.env().open_coded {
        let mut frame = cx.enter_open::<DeferredCall, 8>();
        let body = {
            let mut env = Env {
                slots: &mut slots,
                caps: &c.captured,
                results: &code.results,
                open: Some(&mut frame),
            };
            exec_body(cx, &mut env, &code.body)
        };
        match body {
            Ok(()) => cx.exit_open(frame),
            Err(u) => cx.unwind_open(frame, u),
        }
    } else {
        let frame = cx.enter();
        let body = {
            let mut env = Env {
                slots: &mut slots,
                caps: &c.captured,
                results: &code.results,
                open: None,
            };
            exec_body(cx, &mut env, &code.body)
        };
        cx.leave(frame, body)
    };
    cx.env().depth -= 1;
    r?;
    // Returned normally or recovered: the result slots as they stand.
    Ok(code
        .results
        .iter()
        .map(|(s, _)| slot(&slots, *s).borrow().clone())
        .collect())
}

/// Calls a func value.
fn call_func(cx: &mut Cx<'_>, f: Value, args: ArgVals) -> Result<Vec<Value>, Unwind> {
    match f {
        Value::Func(FuncVal::Closure(c)) => call_closure(cx, &c, args),
        Value::Func(FuncVal::Nil(_)) => Err(cx.fault(Value::nil_deref_error())),
        _ => Err(internal(cx, "call of a non-func value")),
    }
}

/// Evaluates a call; all its results.
pub(crate) fn eval_call(
    cx: &mut Cx<'_>,
    env: &mut Env<'_>,
    call: &Call,
) -> Result<Vec<Value>, Unwind> {
    match &call.target {
        Target::Builtin(b) => {
            let args = eval_args(cx, env, &call.args)?;
            call_builtin(cx, b, args)
        }
        Target::ErrorMethod(x) => match eval(cx, env, x)? {
            Value::Err(e) => Ok(vec![Value::Str(e.text.clone())]),
            _ => Err(cx.fault(Value::nil_deref_error())),
        },
        Target::Value(f) => {
            let fv = eval(cx, env, f)?;
            let args = eval_args(cx, env, &call.args)?;
            call_func(cx, fv, args)
        }
    }
}

fn eval_args(cx: &mut Cx<'_>, env: &mut Env<'_>, args: &Args) -> Result<ArgVals, Unwind> {
    match args {
        Args::List(es) => {
            let mut out = ArgVals::with_capacity(es.len());
            for e in es {
                out.push(eval(cx, env, e)?);
            }
            Ok(out)
        }
        Args::Spread(e) => match e {
            Expr::Call(c) => eval_call(cx, env, c).map(ArgVals::from_vec),
            e => Ok(smallvec::smallvec![eval(cx, env, e)?]),
        },
    }
}

fn arg_str(args: &[Value], i: usize) -> Rc<str> {
    match args.get(i) {
        Some(Value::Str(s)) => s.clone(),
        _ => Rc::from(""),
    }
}

/// Runs a builtin or package function.
pub(crate) fn call_builtin(
    cx: &mut Cx<'_>,
    b: &Builtin,
    args: ArgVals,
) -> Result<Vec<Value>, Unwind> {
    let printed = |cx: &mut Cx<'_>, s: String| {
        let n = s.len() as i64;
        cx.env().write_out(&s);
        Ok(vec![Value::Int(n), Value::Nil])
    };
    match b {
        Builtin::Panic => Err(cx.panic(args.into_iter().next().unwrap_or(Value::Nil))),
        Builtin::Recover => Ok(vec![cx.recover().unwrap_or(Value::Nil)]),
        Builtin::Print { ln, kinds } => {
            let s = format::builtin_print(&args, kinds, *ln);
            cx.env().write_err(&s);
            Ok(Vec::new())
        }
        Builtin::Len => Ok(vec![Value::Int(arg_str(&args, 0).len() as i64)]),
        Builtin::FmtPrint => printed(cx, format::sprint(&args)),
        Builtin::FmtPrintln => printed(cx, format::sprintln(&args)),
        Builtin::FmtPrintf => printed(
            cx,
            format::sprintf(&arg_str(&args, 0), args.get(1..).unwrap_or(&[])),
        ),
        Builtin::FmtSprint => Ok(vec![Value::str(format::sprint(&args))]),
        Builtin::FmtSprintln => Ok(vec![Value::str(format::sprintln(&args))]),
        Builtin::FmtSprintf => Ok(vec![Value::str(format::sprintf(
            &arg_str(&args, 0),
            args.get(1..).unwrap_or(&[]),
        ))]),
        Builtin::FmtErrorf => {
            let f = arg_str(&args, 0).replace("%w", "%v");
            Ok(vec![Value::error(
                ErrKind::New,
                format::sprintf(&f, args.get(1..).unwrap_or(&[])),
            )])
        }
        Builtin::ErrorsNew => Ok(vec![Value::error(ErrKind::New, arg_str(&args, 0))]),
        Builtin::OsExit => {
            let code = match args.first() {
                Some(Value::Int(n)) => *n as i32,
                _ => 0,
            };
            Err(halt(cx, Halt::Exit(code)))
        }
        Builtin::Goexit => Err(cx.goexit()),
        // One goroutine: nothing else to run (the tree walker cannot
        // suspend; the machine yields in its own dispatch loop).
        Builtin::Gosched => Ok(Vec::new()),
    }
}

/// The variable cell a reference names.
pub(crate) fn var_cell(cx: &mut Cx<'_>, env: &Env<'_>, v: Var) -> Cell {
    let c = match v {
        Var::Local(s) => env.slots.get(s as usize).cloned(),
        Var::Capture(i) => env.caps.get(i as usize).cloned(),
        Var::Global(i) => cx.env().globals.get(i as usize).cloned(),
    };
    c.unwrap_or_else(|| cell(Value::Nil))
}

/// Evaluates an expression to one value.
pub(crate) fn eval(cx: &mut Cx<'_>, env: &mut Env<'_>, e: &Expr) -> Result<Value, Unwind> {
    Ok(match e {
        Expr::Const(v) => v.clone(),
        Expr::Load(v) => var_cell(cx, env, *v).borrow().clone(),
        Expr::Func(i) => match cx.env().funcs.get(*i as usize) {
            Some(c) => Value::Func(FuncVal::Closure(c.clone())),
            None => return Err(internal(cx, "unknown function")),
        },
        Expr::Lit(code) => {
            let captured = code
                .captures
                .iter()
                .map(|v| var_cell(cx, env, *v))
                .collect();
            Value::Func(FuncVal::Closure(Rc::new(Closure {
                code: code.clone(),
                captured,
            })))
        }
        Expr::Neg(x) => match eval(cx, env, x)? {
            Value::Int(n) => Value::Int(n.wrapping_neg()),
            _ => return Err(internal(cx, "negation of a non-int")),
        },
        Expr::Not(x) => Value::Bool(!truth(cx, env, x)?),
        Expr::Arith(op, a, b) => {
            let a = eval(cx, env, a)?;
            let b = eval(cx, env, b)?;
            arith(cx, *op, a, b)?
        }
        Expr::Cmp(op, a, b) => {
            let a = eval(cx, env, a)?;
            let b = eval(cx, env, b)?;
            Value::Bool(compare(cx, *op, &a, &b)?)
        }
        Expr::IsNil(x, neg) => {
            let v = eval(cx, env, x)?;
            let nil = matches!(v, Value::Nil | Value::Func(FuncVal::Nil(_)));
            Value::Bool(nil != *neg)
        }
        Expr::And(a, b) => Value::Bool(truth(cx, env, a)? && truth(cx, env, b)?),
        Expr::Or(a, b) => Value::Bool(truth(cx, env, a)? || truth(cx, env, b)?),
        Expr::Call(c) => eval_call(cx, env, c)?
            .into_iter()
            .next()
            .unwrap_or(Value::Nil),
        Expr::ToIface(x) => match eval(cx, env, x)? {
            Value::Int(n) if !(0..256).contains(&n) => Value::BoxedInt(Rc::new(n)),
            Value::Str(s) if !s.is_empty() && !cx.env().is_literal(&s) => Value::Str(Rc::from(&*s)),
            v => v,
        },
        Expr::Assert { x, to, src } => {
            let v = eval(cx, env, x)?;
            match assert(&v, to, src) {
                Ok(()) if *to == Type::Int => v.concrete(),
                Ok(()) => v,
                Err(msg) => return Err(cx.panic(Value::error(ErrKind::TypeAssert, msg))),
            }
        }
    })
}

/// Evaluates a bool expression.
pub(crate) fn truth(cx: &mut Cx<'_>, env: &mut Env<'_>, e: &Expr) -> Result<bool, Unwind> {
    match eval(cx, env, e)? {
        Value::Bool(b) => Ok(b),
        _ => Err(internal(cx, "condition is not a bool")),
    }
}

/// Integer and string arithmetic; division by zero panics.
pub(crate) fn arith(cx: &mut Cx<'_>, op: Arith, a: Value, b: Value) -> Result<Value, Unwind> {
    match (op, a, b) {
        (Arith::Concat, Value::Str(x), Value::Str(y)) => {
            let mut s = String::with_capacity(x.len() + y.len());
            s.push_str(&x);
            s.push_str(&y);
            Ok(Value::str(s))
        }
        (Arith::Div | Arith::Rem, Value::Int(_), Value::Int(0)) => {
            Err(cx.panic(Value::divide_error()))
        }
        (op, Value::Int(x), Value::Int(y)) => Ok(Value::Int(match op {
            Arith::Add => x.wrapping_add(y),
            Arith::Sub => x.wrapping_sub(y),
            Arith::Mul => x.wrapping_mul(y),
            Arith::Div => x.wrapping_div(y),
            Arith::Rem => x.wrapping_rem(y),
            Arith::Concat => 0,
        })),
        _ => Err(internal(cx, "arithmetic on mismatched values")),
    }
}

pub(crate) fn compare(cx: &mut Cx<'_>, op: Cmp, a: &Value, b: &Value) -> Result<bool, Unwind> {
    let ord = match (a, b) {
        (Value::Int(x), Value::Int(y)) => x.cmp(y),
        (Value::Str(x), Value::Str(y)) => x.cmp(y),
        _ => {
            let eq = match equal(a, b) {
                Ok(eq) => eq,
                Err(t) => {
                    let msg = format!("runtime error: comparing uncomparable type {t}");
                    return Err(cx.panic(Value::error(ErrKind::Uncomparable, msg)));
                }
            };
            return match op {
                Cmp::Eq => Ok(eq),
                Cmp::Ne => Ok(!eq),
                _ => Err(internal(cx, "ordering of non-ordered values")),
            };
        }
    };
    Ok(match op {
        Cmp::Eq => ord.is_eq(),
        Cmp::Ne => ord.is_ne(),
        Cmp::Lt => ord.is_lt(),
        Cmp::Le => ord.is_le(),
        Cmp::Gt => ord.is_gt(),
        Cmp::Ge => ord.is_ge(),
    })
}

/// Go's interface equality; `Err(type)` for uncomparable dynamic types.
fn equal(a: &Value, b: &Value) -> Result<bool, String> {
    Ok(match (&a.concrete(), &b.concrete()) {
        (Value::Nil, Value::Nil) => true,
        (Value::Int(x), Value::Int(y)) => x == y,
        (Value::Bool(x), Value::Bool(y)) => x == y,
        (Value::Str(x), Value::Str(y)) => x == y,
        (Value::Err(x), Value::Err(y)) => {
            x.kind == y.kind
                && match x.kind {
                    // runtime.errorString values compare by text; every
                    // *PanicNilError is the same (zero-size) pointer.
                    ErrKind::Divide | ErrKind::NilDeref | ErrKind::Uncomparable => x.text == y.text,
                    ErrKind::PanicNil => true,
                    ErrKind::New | ErrKind::TypeAssert => Rc::ptr_eq(x, y),
                }
        }
        (Value::Func(x), Value::Func(y)) if x.sig() == y.sig() => return Err(x.sig().to_string()),
        _ => false,
    })
}

/// Checks `v.(to)` where `v` has static interface type `src`; `Err` is
/// the run-time error text.
pub(crate) fn assert(v: &Value, to: &Type, src: &Type) -> Result<(), String> {
    let ok = match to {
        Type::Int => matches!(v, Value::Int(_) | Value::BoxedInt(_)),
        Type::Str => matches!(v, Value::Str(_)),
        Type::Bool => matches!(v, Value::Bool(_)),
        Type::Error => matches!(v, Value::Err(_)),
        Type::Any => !v.is_nil(),
        Type::Func(ft) => matches!(v, Value::Func(f) if **f.sig() == **ft),
        Type::Nil | Type::Tuple(_) => false,
    };
    if ok {
        return Ok(());
    }
    if to.is_interface() {
        return Err(if v.is_nil() {
            format!("interface conversion: interface is nil, not {to}")
        } else {
            format!(
                "interface conversion: {} is not {to}: missing method Error",
                v.type_name()
            )
        });
    }
    let src = if *src == Type::Error {
        "error"
    } else {
        "interface {}"
    };
    Err(format!(
        "interface conversion: {src} is {}, not {to}",
        v.type_name()
    ))
}
