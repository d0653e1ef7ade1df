//! Goroutines (issue 10): the machine on the scheduler of [`crate::sched`].
//!
//! A program runs on `procs` worker threads, each with its own core
//! `Worker` (one shared `Pool`) and its own [`Host`] (shared functions,
//! variables and output). Every goroutine is a [`G`] — its core task, its
//! registers and activations — boxed as the scheduler's [`AnyG`]; a worker
//! builds a `Cx` for it, runs its machine until it stops, and drops the
//! `Cx`: nothing of a stopped goroutine stays on a thread, so it resumes on
//! whichever worker is free.
//!
//! Blocking operations return from the dispatch loop: the operation parks
//! the goroutine in a [`Slot`] and notes in [`Wait`] where its result goes;
//! when a waker moved it back to the run queue, [`Machine::resume`] stores
//! the result and the loop goes on at the next instruction.

mod builtins;
mod caller;
mod collector;
mod ops;
mod run;
mod timers;

pub(in crate::vm) use builtins::{call_now, go_builtin};
pub(crate) use run::execute;

use std::collections::VecDeque;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use deferrt_core::{Frame, Pool, Task, Unwind, Unwinding, Worker};

use super::builtins::{call_builtin, internal};
use super::host::{halt, Halt, Host, RunStatus, Settings};
use super::{Args, Cx, Flow, Machine, Stop, G};
use crate::code::{DeferTarget, GoOp, Image, Proto, Reg};
use crate::ir::{AtomicOp, Builtin, GoBuiltin, SyncKind};
use crate::rt::goroutines::{ChanObj, OnceResult};
use crate::rt::{errors, Closure, FuncVal, Output, Value};
use crate::sched::{
    self, select, AnyG, Case, Chan, ChanError, GoMutex, GoRwMutex, Once, OnceStep, Op,
    Outcome as End, Parked, Rng, Selected, WaitGroup, Wake, Woken,
};

/// Where a parked goroutine waits.
pub(crate) type Slot = Arc<Parked<AnyG, Value>>;

/// The run queue of minigo's goroutines.
pub(crate) type Queue = sched::Queue<AnyG, Value>;

/// Statements a goroutine runs before it lets a waiting one run (Go
/// preempts a goroutine after 10 ms; a count keeps runs reproducible).
const SLICE: u32 = 10_000;

/// What a goroutine runs from an empty activation stack.
pub(crate) enum Entry {
    /// A function with its arguments (evaluated at the `go` statement).
    Func(Arc<Closure>, Vec<Value>),
    /// A method through its wrapper (`go i.M()` with the receiver behind
    /// a pointer): the receiver is followed in the new goroutine.
    Wrap(Arc<crate::rt::value::Wrap>, Vec<Value>),
    /// A builtin or package function (`go println(x)`).
    Builtin(Builtin, Vec<Value>),
    /// Nothing (`go err.Error()` on a non-nil error).
    Nothing,
}

/// What every worker of a run shares.
pub(crate) struct Shared {
    /// The run queue and the goroutine counts.
    pub(crate) queue: Queue,
    /// The record pool of every goroutine's task.
    pub(crate) pool: Arc<Pool>,
    image: Arc<Image>,
    /// Deferred calls dropped uncalled by goroutines that have ended.
    discarded: AtomicU64,
    /// The first halt (`os.Exit`, stack overflow, the step budget).
    halt: Mutex<Option<Halt>>,
    /// Set by the goroutine that ends the program: nothing else is printed.
    over: AtomicBool,
    /// `runtime.GOMAXPROCS`'s setting (the workers started with it, or one
    /// when the program cannot start goroutines); 0 while it is left to the
    /// environment and nobody has asked (`crate::procs_from_env` reads it).
    maxprocs: std::sync::atomic::AtomicUsize,
    /// The number of worker threads of this run.
    pub(crate) workers: std::sync::atomic::AtomicUsize,
    /// The finalizers and the finalizer goroutine.
    collector: collector::Collector,
}

impl Shared {
    /// Claims the end of the program for the caller; false if another
    /// goroutine ended it first.
    fn claim_over(&self) -> bool {
        !self.over.swap(true, Ordering::AcqRel)
    }

    /// Records `h` as the program's halt (the first one wins) and stops the
    /// other goroutines.
    pub(crate) fn halted(&self, h: Halt) {
        self.halt
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .get_or_insert(h);
        self.over.store(true, Ordering::Release);
        let code = match h {
            Halt::Exit(n) => n,
            Halt::StackOverflow | Halt::Budget => 2,
        };
        self.queue.exit(End::Exit(code));
    }
}

/// A worker's view of the scheduler, in its [`Host`].
pub(crate) struct GoCx {
    pub(crate) shared: Arc<Shared>,
    /// The goroutine the worker is running.
    pub(crate) gid: u64,
    /// The worker's random numbers (`select`).
    pub(crate) rng: Rng,
    slice: u32,
}

impl GoCx {
    /// Whether the program is over: output stops, goroutines stop.
    pub(crate) fn exiting(&self) -> bool {
        self.shared.over.load(Ordering::Acquire) || self.shared.queue.is_exiting()
    }
}

/// Called at every step (a call, a backward jump): true when the goroutine
/// should stop now (its time slice is over and another goroutine waits, or
/// the program is over).
#[inline]
pub(super) fn preempt(host: &mut Host) -> bool {
    let Some(g) = host.go.as_mut() else {
        return false;
    };
    g.slice -= 1;
    if g.slice > 0 {
        return false;
    }
    g.slice = SLICE;
    g.exiting() || g.shared.queue.has_runnable()
}

/// Where the result of the operation a goroutine is parked in goes.
pub(crate) enum Wait {
    /// Nothing to store (a lock, a `WaitGroup`, a sleep).
    Ready,
    /// A builtin's result, known when it parked (`once.Do`'s begin:
    /// false, `f` ran elsewhere).
    Store(usize, Value),
    /// A send: panics if the channel was closed meanwhile.
    Send,
    /// A receive into register `dst` (the zero value once closed), and ok
    /// into `ok`.
    Recv {
        dst: usize,
        ok: Option<usize>,
        zero: Value,
    },
    /// A `select`: the case to `dst`, the value to `dst+1`, ok to `dst+2`.
    Select(usize),
    /// A deferred builtin that blocked: its frame is left when it resumes.
    Deferred(Frame),
}

/// What one of issue 10's builtins did.
pub(super) enum GoRes {
    /// It returned these results.
    Done(Vec<Value>),
    /// The goroutine parks; the result it will have then, if any.
    Block(Slot, Option<Value>),
    /// The goroutine sleeps.
    Sleep(Duration),
}

/// A run-time panic of a channel operation (`runtime.plainError`).
fn plain(cx: &mut Cx<'_>, text: &str) -> Unwind {
    cx.panic(errors::error(errors::ErrKind::Plain, text))
}

/// The scheduler of a run, and the running goroutine's id.
fn sched(cx: &mut Cx<'_>) -> Result<(Arc<Shared>, u64), Unwind> {
    match cx.env().go.as_ref() {
        Some(g) => Ok((g.shared.clone(), g.gid)),
        None => Err(internal(cx, "a goroutine operation outside the scheduler")),
    }
}

/// The channel in `v`: `None` for a nil channel.
fn chan_of<'a>(cx: &mut Cx<'_>, v: &'a Value) -> Result<Option<&'a Chan<AnyG, Value>>, Unwind> {
    match v {
        Value::Nil => Ok(None),
        Value::Chan(o) => match &**o {
            ChanObj::Chan(c) => Ok(Some(c)),
            _ => Err(internal(cx, "a sync object used as a channel")),
        },
        _ => Err(internal(cx, "a channel operand that is not a channel")),
    }
}

/// Parks the goroutine for good (a nil channel).
fn forever(gid: u64, why: &'static str) -> Slot {
    Parked::new(gid, why)
}

/// Nanoseconds on the process's monotonic clock (`time.Now`).
fn monotonic() -> i64 {
    static START: std::sync::OnceLock<std::time::Instant> = std::sync::OnceLock::new();
    let start = START.get_or_init(std::time::Instant::now);
    i64::try_from(start.elapsed().as_nanos()).unwrap_or(i64::MAX)
}

fn int(v: Option<&Value>) -> i64 {
    match v {
        Some(Value::Int(n)) => *n,
        Some(Value::BoxedInt(n)) => **n,
        _ => 0,
    }
}

/// Go's fatal errors (`throw`): no deferred call runs and `recover` cannot
/// stop them.
pub(super) fn fatal(cx: &mut Cx<'_>, msg: &str) -> Unwind {
    let gid = cx.env().go.as_ref().map_or(1, |g| g.gid);
    let text = format!("fatal error: {msg}\n\ngoroutine {gid} [running]:\n");
    cx.env().err(text.as_bytes());
    halt(cx, Halt::Exit(2))
}
