//! The machine's side of builtins and run-time errors: the builtins that
//! act on the goroutine (`panic`, `recover`, `os.Exit`, `runtime.Goexit`),
//! the others through [`crate::rt::natives`]; raising a run time [`Trap`];
//! the limits (call depth, step budget).

use deferrt_core::Unwind;

use super::host::{halt, Halt};
use super::Cx;
use crate::ir::Builtin;
use crate::rt::{natives, Output, Trap, Value};

/// Checks the call depth before an activation is pushed: Go's stack
/// overflow when `depth` activations are already there (the `max_depth`
/// option) or when the stack would take more than `STACK_BUDGET` bytes
/// of machine memory with it (`bytes`).
pub(super) fn enter_depth(cx: &mut Cx<'_>, depth: usize, bytes: usize) -> Result<(), Unwind> {
    if depth >= cx.env().max_depth || bytes > super::STACK_BUDGET {
        return Err(halt(cx, Halt::StackOverflow));
    }
    Ok(())
}

/// Counts a step (a call, a backward jump); stops the program when the
/// budget is spent. True when the goroutine should let others run (the end
/// of its time slice, or the program is over).
#[inline]
pub(super) fn step(cx: &mut Cx<'_>) -> Result<bool, Unwind> {
    if cx.env().count_step() {
        return Err(halt(cx, Halt::Budget));
    }
    Ok(super::go::preempt(cx.env()))
}

/// An interpreter bug: stop with a message rather than a Rust panic.
pub(super) fn internal(cx: &mut Cx<'_>, what: &str) -> Unwind {
    cx.env()
        .err(format!("minigo: internal error: {what}\n").as_bytes());
    halt(cx, Halt::Exit(2))
}

/// Raises a run-time error of the run time.
pub(super) fn raise(cx: &mut Cx<'_>, t: Trap) -> Unwind {
    match t {
        Trap::Panic(v) => cx.panic(v),
        Trap::Fault(v) => cx.fault(v),
        Trap::Bug(what) => internal(cx, what),
    }
}

/// Runs a builtin or package function (not `runtime.Gosched`, which the
/// dispatch loop handles).
pub(super) fn call_builtin(
    cx: &mut Cx<'_>,
    b: &Builtin,
    args: Vec<Value>,
) -> Result<Vec<Value>, Unwind> {
    match b {
        Builtin::Panic => Err(cx.panic(args.into_iter().next().unwrap_or(Value::Nil))),
        Builtin::Recover => Ok(vec![cx.recover().unwrap_or(Value::Nil)]),
        Builtin::OsExit => {
            let code = match args.first() {
                Some(Value::Int(n)) => *n as i32,
                _ => 0,
            };
            Err(halt(cx, Halt::Exit(code)))
        }
        Builtin::Goexit => Err(cx.goexit()),
        Builtin::Go(g) => super::go::call_now(cx, *g, &args),
        Builtin::Pkg(f) => {
            let host: &mut dyn Output = cx.env();
            match crate::rt::pkg::call(*f, &args, host) {
                Ok(v) => Ok(v),
                Err(crate::rt::pkg::Stop::Panic(v)) => Err(cx.panic(v)),
                Err(crate::rt::pkg::Stop::Exit(c)) => Err(halt(cx, Halt::Exit(c))),
                Err(crate::rt::pkg::Stop::Trap(t)) => Err(raise(cx, t)),
            }
        }
        // Deferred: nothing to wait for once the call runs.
        Builtin::Gosched => Ok(Vec::new()),
        b => {
            let host: &mut dyn Output = cx.env();
            match natives::call(b, &args, host) {
                Some(vals) => Ok(vals),
                None => Err(internal(cx, "builtin without an implementation")),
            }
        }
    }
}
