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

use std::collections::VecDeque;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use deferrt_core::{Frame, Pool, Task, Unwind, Unwinding, Worker};

use super::builtins::{call_builtin, internal};
use super::host::{halt, Halt, Host, RunStatus, Settings};
use super::{Args, Cx, Flow, Machine, Stop, G};
use crate::code::{DeferTarget, GoOp, Image, Proto, Reg};
use crate::ir::{Builtin, GoBuiltin, SyncKind};
use crate::rt::goroutines::ChanObj;
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

/// Called at every statement: true when the goroutine should stop now
/// (its time slice is over and another goroutine waits, or the program is
/// over).
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

/// Runs one of issue 10's builtins.
pub(super) fn go_builtin(cx: &mut Cx<'_>, b: GoBuiltin, args: &[Value]) -> Result<GoRes, Unwind> {
    let (sh, gid) = sched(cx)?;
    let q = &sh.queue;
    let none = || Ok(GoRes::Done(Vec::new()));
    let obj = args.first().and_then(|v| match v {
        Value::Chan(o) => Some(o.clone()),
        _ => None,
    });
    let blocked = |op: Op<AnyG, Value, ()>, r: Option<Value>| match op {
        Op::Done(()) => GoRes::Done(r.into_iter().collect()),
        Op::Block(p) => GoRes::Block(p, None),
    };
    use GoBuiltin as B;
    match (b, obj.as_deref()) {
        (B::Close, _) => match chan_of(cx, &args[0])? {
            None => Err(plain(cx, ChanError::CloseNil.text())),
            Some(c) => match c.close(q) {
                Ok(()) => none(),
                Err(e) => Err(plain(cx, e.text())),
            },
        },
        (B::ChanLen | B::ChanCap, _) => {
            let n = match chan_of(cx, &args[0])? {
                None => 0,
                Some(c) if b == B::ChanLen => c.len(),
                Some(c) => c.cap(),
            };
            Ok(GoRes::Done(vec![Value::Int(n as i64)]))
        }
        (B::WgAdd | B::WgDone | B::WgGoDone, Some(ChanObj::WaitGroup(wg))) => {
            if b == B::WgGoDone {
                if let Some(x) = cx.recover() {
                    return Err(cx.panic(x));
                }
            }
            let delta = if b == B::WgAdd { int(args.get(1)) } else { -1 };
            match wg.add(delta, q) {
                Ok(()) => none(),
                Err(text) => Err(cx.panic(Value::str(text))),
            }
        }
        (B::WgWait, Some(ChanObj::WaitGroup(wg))) => Ok(blocked(wg.wait(gid, q), None)),
        (B::Lock, Some(ChanObj::Mutex(mu))) => Ok(blocked(mu.lock(gid, q), None)),
        (B::Lock, Some(ChanObj::RwMutex(rw))) => Ok(blocked(rw.lock(gid, q), None)),
        (B::RLock, Some(ChanObj::RwMutex(rw))) => Ok(blocked(rw.rlock(gid, q), None)),
        (B::Unlock | B::RUnlock, Some(o)) => {
            let r = match o {
                ChanObj::Mutex(mu) => mu.unlock(q),
                ChanObj::RwMutex(rw) if b == B::Unlock => rw.unlock(q),
                ChanObj::RwMutex(rw) => rw.runlock(q),
                _ => return Err(internal(cx, "unlock of a value that is not a lock")),
            };
            match r {
                Ok(()) => none(),
                Err(text) => Err(fatal(cx, text)),
            }
        }
        (B::TryLock, Some(o)) => {
            let got = match o {
                ChanObj::Mutex(mu) => mu.try_lock(),
                ChanObj::RwMutex(rw) => rw.try_lock(),
                _ => return Err(internal(cx, "TryLock of a value that is not a lock")),
            };
            Ok(GoRes::Done(vec![Value::Bool(got)]))
        }
        (B::OnceBegin, Some(ChanObj::Once(o))) => Ok(match o.begin(gid) {
            OnceStep::Done => GoRes::Done(vec![Value::Bool(false)]),
            OnceStep::Run => GoRes::Done(vec![Value::Bool(true)]),
            OnceStep::Block(p) => GoRes::Block(p, Some(Value::Bool(false))),
        }),
        (B::OnceFinish, Some(ChanObj::Once(o))) => {
            o.finish(q);
            none()
        }
        (B::Sleep, _) => match int(args.first()) {
            d if d <= 0 => none(),
            d => Ok(GoRes::Sleep(Duration::from_nanos(d as u64))),
        },
        (B::NumGoroutine, _) => Ok(GoRes::Done(vec![Value::Int(q.num_goroutine() as i64)])),
        (B::Now, _) => Ok(GoRes::Done(vec![Value::Int(monotonic())])),
        (B::Since, _) => Ok(GoRes::Done(vec![Value::Int(
            monotonic() - int(args.first()),
        )])),
        _ => Err(internal(cx, "a sync method on the wrong object")),
    }
}

/// One of issue 10's builtins where the goroutine cannot park (a deferred
/// call or a `go` of one that does not block).
pub(super) fn call_now(
    cx: &mut Cx<'_>,
    b: GoBuiltin,
    args: &[Value],
) -> Result<Vec<Value>, Unwind> {
    match go_builtin(cx, b, args)? {
        GoRes::Done(v) => Ok(v),
        GoRes::Block(..) | GoRes::Sleep(_) => {
            Err(internal(cx, "a builtin blocked where it cannot"))
        }
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

impl Machine {
    /// Runs a goroutine operation; `Some` when the goroutine stops here.
    pub(super) fn go_op(
        &mut self,
        cx: &mut Cx<'_>,
        op: GoOp,
        func: &Proto,
        base: usize,
    ) -> Result<Option<Flow>, Unwind> {
        let r = |x: Reg| base + x as usize;
        match op {
            GoOp::Spawn {
                target,
                args,
                nargs,
            } => self
                .spawn(cx, func, base, (target, args, nargs))
                .map(|()| None),
            GoOp::Send { ch, v } => {
                let (sh, gid) = sched(cx)?;
                let chv = self.regs[r(ch)].clone();
                let v = self.regs[r(v)].clone();
                let Some(c) = chan_of(cx, &chv)? else {
                    return Ok(self.park(forever(gid, "chan send (nil chan)"), Wait::Ready));
                };
                match c.send(v, gid, &sh.queue) {
                    Err(e) => Err(plain(cx, e.text())),
                    Ok(Op::Done(())) => Ok(None),
                    Ok(Op::Block(p)) => Ok(self.park(p, Wait::Send)),
                }
            }
            GoOp::Recv { dst, ch, ok, zero } => {
                let (sh, gid) = sched(cx)?;
                let chv = self.regs[r(ch)].clone();
                let zero = func.consts[zero as usize].clone();
                let ok = ok.then(|| r(dst) + 1);
                let Some(c) = chan_of(cx, &chv)? else {
                    return Ok(self.park(forever(gid, "chan receive (nil chan)"), Wait::Ready));
                };
                match c.recv(gid, &sh.queue) {
                    Op::Done(v) => {
                        self.received(r(dst), ok, v, zero);
                        Ok(None)
                    }
                    Op::Block(p) => Ok(self.park(
                        p,
                        Wait::Recv {
                            dst: r(dst),
                            ok,
                            zero,
                        },
                    )),
                }
            }
            GoOp::MakeChan { dst, size } => {
                let n = size.map_or(0, |s| int(Some(&self.regs[r(s)])));
                if n < 0 {
                    return Err(plain(cx, "makechan: size out of range"));
                }
                self.regs[r(dst)] = Value::Chan(Arc::new(ChanObj::Chan(Chan::new(n as usize))));
                Ok(None)
            }
            GoOp::Select {
                regs,
                n,
                sends,
                default,
                dst,
            } => self.select(cx, (r(regs), n, sends, default, r(dst))),
            GoOp::SyncAt { dst, ptr, kind } => {
                let p = self.regs[r(ptr)].clone();
                self.regs[r(dst)] = self.sync_at(cx, &p, kind)?;
                Ok(None)
            }
        }
    }

    /// Notes where the parked operation's result goes; the flow that stops.
    fn park(&mut self, p: Slot, w: Wait) -> Option<Flow> {
        self.wait = Some(w);
        Some(Flow::Block(p))
    }

    /// Stores a received value (`None`: closed, the zero value, not ok).
    fn received(&mut self, dst: usize, ok: Option<usize>, v: Option<Value>, zero: Value) {
        let got = v.is_some();
        self.regs[dst] = v.unwrap_or(zero);
        if let Some(ok) = ok {
            self.regs[ok] = Value::Bool(got);
        }
    }

    /// `select` (see [`GoOp::Select`]).
    fn select(
        &mut self,
        cx: &mut Cx<'_>,
        (regs, n, sends, default, dst): (usize, u32, u64, bool, usize),
    ) -> Result<Option<Flow>, Unwind> {
        let (sh, gid) = sched(cx)?;
        let vals: Vec<Value> = self.regs[regs..regs + 2 * n as usize].to_vec();
        let mut cases = Vec::with_capacity(n as usize);
        for i in 0..n as usize {
            let c = chan_of(cx, &vals[2 * i])?;
            cases.push(if sends & (1 << i) != 0 {
                Case::Send(c, vals[2 * i + 1].clone())
            } else {
                Case::Recv(c)
            });
        }
        let Some(go) = cx.env().go.as_mut() else {
            return Err(internal(cx, "select outside the scheduler"));
        };
        match select(cases, default, &mut go.rng, gid, &sh.queue) {
            Err((_, e)) => Err(plain(cx, e.text())),
            Ok(Op::Block(p)) => Ok(self.park(p, Wait::Select(dst))),
            Ok(Op::Done(s)) => {
                self.selected(dst, s, n);
                Ok(None)
            }
        }
    }

    fn selected(&mut self, dst: usize, s: Selected<Value>, n: u32) {
        let (case, v, ok) = match s {
            Selected::Recv { case, val } => {
                let ok = val.is_some();
                (case as i64, val.unwrap_or(Value::Nil), ok)
            }
            Selected::Sent { case } => (case as i64, Value::Nil, false),
            Selected::Default => (i64::from(n), Value::Nil, false),
        };
        self.regs[dst] = Value::Int(case);
        self.regs[dst + 1] = v;
        self.regs[dst + 2] = Value::Bool(ok);
    }

    /// The `sync` object `p` points to, made there on first use (under
    /// the lock of the memory it is in, so two goroutines that use a zero
    /// `sync` value for the first time at once get the same object).
    fn sync_at(&mut self, cx: &mut Cx<'_>, p: &Value, kind: SyncKind) -> Result<Value, Unwind> {
        let (obj, at, path): (_, _, &[u32]) = match p {
            Value::Ptr { obj, at } => (obj, *at, &[]),
            Value::FieldPtr(fp) => (&fp.obj, fp.at, &fp.path),
            Value::Nil => return Err(cx.fault(errors::nil_deref())),
            _ => {
                return Err(internal(
                    cx,
                    "a sync method on a value that is not a pointer",
                ))
            }
        };
        let mut slots = obj.lock();
        let Some(mut v) = slots.get_mut(at as usize) else {
            return Err(internal(cx, "a pointer past its object"));
        };
        for &i in path {
            v = match v {
                Value::Struct(fs) => match Arc::make_mut(fs).get_mut(i as usize) {
                    Some(f) => f,
                    None => return Err(internal(cx, "no such field")),
                },
                _ => return Err(internal(cx, "a field of a value that is not a struct")),
            };
        }
        if !matches!(v, Value::Chan(_)) {
            *v = Value::Chan(Arc::new(match kind {
                SyncKind::WaitGroup => ChanObj::WaitGroup(WaitGroup::new()),
                SyncKind::Mutex => ChanObj::Mutex(GoMutex::new()),
                SyncKind::RwMutex => ChanObj::RwMutex(GoRwMutex::new()),
                SyncKind::Once => ChanObj::Once(Once::new()),
            }));
        }
        Ok(v.clone())
    }

    /// A builtin of issue 10 called directly: may park the goroutine.
    pub(super) fn go_builtin_op(
        &mut self,
        cx: &mut Cx<'_>,
        b: GoBuiltin,
        base: usize,
        (args, nargs, dst, nret): (Reg, u32, Reg, u32),
    ) -> Result<Option<Flow>, Unwind> {
        let args = self.take_args(base, args, nargs);
        match go_builtin(cx, b, &args)? {
            GoRes::Done(vals) => {
                self.put_results(base, dst, nret, vals);
                Ok(None)
            }
            GoRes::Block(p, v) => {
                let w = match v {
                    Some(v) if nret > 0 => Wait::Store(base + dst as usize, v),
                    _ => Wait::Ready,
                };
                Ok(self.park(p, w))
            }
            GoRes::Sleep(d) => Ok(Some(Flow::Sleep(d))),
        }
    }

    /// A deferred builtin of issue 10 that may park, run by the exit of the
    /// top activation in `frame`: `Some` when the goroutine stops (the frame
    /// is left when it resumes).
    pub(super) fn deferred_go_builtin(
        &mut self,
        cx: &mut Cx<'_>,
        b: GoBuiltin,
        args: Vec<Value>,
        frame: Frame,
    ) -> Option<Stop> {
        let r = match go_builtin(cx, b, &args) {
            Ok(GoRes::Done(_)) => Ok(()),
            Ok(GoRes::Block(p, _)) => {
                self.wait = Some(Wait::Deferred(frame));
                return Some(Stop::Block(p));
            }
            Ok(GoRes::Sleep(d)) => {
                // Resumed by the timer, with no wake-up value.
                self.wait = Some(Wait::Deferred(frame));
                return Some(Stop::Sleep(d));
            }
            Err(u) => Err(u),
        };
        let r = cx.leave(frame, r);
        self.resume_leaving(cx, r);
        None
    }

    /// `go f(args)`: a new goroutine, runnable at once.
    fn spawn(
        &mut self,
        cx: &mut Cx<'_>,
        func: &Proto,
        base: usize,
        (target, args, nargs): (DeferTarget, Reg, u32),
    ) -> Result<(), Unwind> {
        let entry = match target {
            DeferTarget::Value(r) => match &self.regs[base + r as usize] {
                Value::Func(FuncVal::Closure(c)) => {
                    Entry::Func(c.clone(), self.take_args(base, args, nargs))
                }
                Value::Func(FuncVal::Nil(_)) => return Err(fatal(cx, "go of nil func value")),
                _ => return Err(internal(cx, "go of a value that is not a func")),
            },
            DeferTarget::Builtin(b) => Entry::Builtin(
                func.builtins[b as usize].clone(),
                self.take_args(base, args, nargs),
            ),
            DeferTarget::ErrorText(r) => match &self.regs[base + r as usize] {
                Value::Err(_) => Entry::Nothing,
                _ => return Err(cx.fault(errors::nil_deref())),
            },
        };
        let (shared, _) = sched(cx)?;
        let gid = shared.queue.next_gid();
        let g = G {
            id: gid,
            task: Task::new(&shared.pool),
            m: Machine::new(shared.image.clone()),
            entries: VecDeque::from([entry]),
        };
        shared.queue.spawn(gid, Box::new(g));
        Ok(())
    }

    /// Stores the result of the operation the goroutine parked in (`Err`:
    /// the operation panics now, e.g. a send on a channel closed meanwhile).
    fn resume(&mut self, cx: &mut Cx<'_>, wake: Option<Wake<Value>>) -> Result<(), Unwind> {
        let wake = wake.unwrap_or(Wake {
            case: 0,
            what: Woken::Ready,
        });
        match (self.wait.take(), wake.what) {
            (None | Some(Wait::Ready), _) => Ok(()),
            (Some(Wait::Store(at, v)), _) => {
                self.regs[at] = v;
                Ok(())
            }
            (Some(Wait::Send), Woken::SendClosed) => Err(plain(cx, ChanError::SendClosed.text())),
            (Some(Wait::Send), _) => Ok(()),
            (Some(Wait::Recv { dst, ok, zero }), Woken::Recv(v)) => {
                self.received(dst, ok, v, zero);
                Ok(())
            }
            (Some(Wait::Select(dst)), Woken::SendClosed) => {
                let _ = dst;
                Err(plain(cx, ChanError::SendClosed.text()))
            }
            (Some(Wait::Select(dst)), what) => {
                let s = match what {
                    Woken::Recv(val) => Selected::Recv {
                        case: wake.case,
                        val,
                    },
                    _ => Selected::Sent { case: wake.case },
                };
                self.selected(dst, s, 0);
                Ok(())
            }
            (Some(Wait::Deferred(frame)), _) => {
                let r = cx.leave(frame, Ok(()));
                self.resume_leaving(cx, r);
                Ok(())
            }
            (Some(Wait::Recv { .. }), _) => Err(internal(cx, "a receive woken without a value")),
        }
    }

    /// The deferred builtin the top activation's exit was running returned
    /// `r`: its exit goes on.
    fn resume_leaving(&mut self, cx: &mut Cx<'_>, r: deferrt_core::Outcome) {
        if let Some(act) = self.acts.last_mut() {
            if let Some(mut l) = act.leaving {
                cx.leave_resume(&mut l, r);
                act.leaving = Some(l);
            }
        }
    }
}

/// What one worker thread runs goroutines with.
struct Runner {
    worker: Worker,
    host: Host,
}

type SStop = sched::Stop<AnyG, Value>;

impl sched::Runner<AnyG, Value> for Runner {
    fn run(
        &mut self,
        _: &mut sched::WorkerCx<'_, AnyG, Value>,
        gid: u64,
        g: &mut AnyG,
        wake: Option<Wake<Value>>,
    ) -> SStop {
        if let Some(go) = self.host.go.as_mut() {
            go.gid = gid;
        }
        match g.downcast_mut::<G>() {
            Some(g) => run_g(g, &mut self.worker, &mut self.host, wake),
            None => {
                self.host
                    .err(b"minigo: internal error: a goroutine of another machine\n");
                SStop::Exit(2)
            }
        }
    }
}

/// Runs goroutine `g` until it stops.
fn run_g(g: &mut G, worker: &mut Worker, host: &mut Host, wake: Option<Wake<Value>>) -> SStop {
    match drive(g, worker, host, wake) {
        Ok(stop) => stop,
        Err(r) => ended(g, worker, host, r),
    }
}

/// Runs `g`'s machine: `Ok` when it stops to wait or yield, `Err` with its
/// outcome when it has nothing left to run.
fn drive(
    g: &mut G,
    worker: &mut Worker,
    host: &mut Host,
    wake: Option<Wake<Value>>,
) -> Result<SStop, deferrt_core::Outcome> {
    let Ok(mut cx) = g.task.cx(worker, host) else {
        host.err(b"minigo: internal error: worker and task pools differ\n");
        return Ok(SStop::Exit(2));
    };
    // A goroutine that parked or slept resumes its operation first (a
    // sleep's timer brings no wake-up value).
    if wake.is_some() || g.m.wait.is_some() {
        if let Err(u) = g.m.resume(&mut cx, wake) {
            g.m.begin_leave(&mut cx, Err(u)).map_err(Err)?;
        }
    }
    loop {
        if g.m.acts.is_empty() {
            match g.entries.pop_front() {
                None => return Err(Ok(())),
                Some(Entry::Func(clo, args)) => {
                    g.m.regs.clear();
                    let n = args.len();
                    g.m.regs.extend(args);
                    g.m.push(&mut cx, clo, Args::Regs(0, n), 0, 0)
                        .map_err(Err)?;
                }
                Some(Entry::Builtin(Builtin::Go(b), args)) => {
                    match go_builtin(&mut cx, b, &args).map_err(Err)? {
                        GoRes::Done(_) => continue,
                        GoRes::Block(p, _) => {
                            g.m.wait = Some(Wait::Ready);
                            return Ok(SStop::Blocked(p));
                        }
                        GoRes::Sleep(d) => return Ok(SStop::Sleep(d)),
                    }
                }
                Some(Entry::Builtin(b, args)) => {
                    call_builtin(&mut cx, &b, args).map_err(Err)?;
                    continue;
                }
                Some(Entry::Nothing) => continue,
            }
        }
        match g.m.run(&mut cx, 0) {
            Stop::Yield => return Ok(SStop::Yield),
            Stop::Block(p) => return Ok(SStop::Blocked(p)),
            Stop::Sleep(d) => return Ok(SStop::Sleep(d)),
            Stop::Done(Ok(())) => {
                g.m.regs.clear();
                g.m.spill.clear();
            }
            Stop::Done(Err(u)) => return Err(Err(u)),
        }
    }
}

/// Goroutine `g` ended with `r`: what the scheduler does next. A panic's
/// report is printed here, after Go's `preprintpanics` ran the values'
/// `Error`/`String` methods (as machine calls on this goroutine).
fn ended(g: &mut G, worker: &mut Worker, host: &mut Host, r: deferrt_core::Outcome) -> SStop {
    if let Some(h) = host.halted {
        return SStop::Exit(match h {
            Halt::Exit(n) => n,
            Halt::StackOverflow | Halt::Budget => 2,
        });
    }
    let main = g.id == 1;
    let finished = |g: &G, host: &Host| {
        if let Some(go) = host.go.as_ref() {
            go.shared
                .discarded
                .fetch_add(g.task.discarded_calls(), Ordering::Relaxed);
        }
    };
    match r {
        Ok(()) if main => {
            if let Some(go) = host.go.as_ref() {
                go.shared.over.store(true, Ordering::Release);
            }
            SStop::Exit(0)
        }
        Ok(()) => {
            finished(g, host);
            SStop::Done
        }
        Err(_) => match g.task.unwinding() {
            Some(Unwinding::Panic(_)) => {
                g.preprint(std::slice::from_mut(worker), &mut 0, host);
                let text = g.task.crash_report().goroutine(g.id).to_string();
                if host.go.as_ref().is_none_or(|go| go.shared.claim_over()) {
                    host.err_always(text.as_bytes());
                }
                SStop::Exit(2)
            }
            Some(Unwinding::Goexit) => {
                finished(g, host);
                if main {
                    SStop::MainGoexit
                } else {
                    SStop::Done
                }
            }
            None => {
                host.err(b"minigo: internal error: unwinding without a panic\n");
                SStop::Exit(2)
            }
        },
    }
}

/// Runs the package initialisation, the `init` functions and `main` on the
/// main goroutine, and every goroutine they start, on `s.procs` workers.
pub(crate) fn execute(
    image: Image,
    s: &Settings,
    out: Box<dyn std::io::Write + Send>,
    err: Box<dyn std::io::Write + Send>,
) -> RunStatus {
    let image = Arc::new(image);
    let mut host = Host::new(&image, s, out, err);
    let pool = Pool::new();
    let shared = Arc::new(Shared {
        queue: Queue::new(),
        pool: pool.clone(),
        image: image.clone(),
        discarded: AtomicU64::new(0),
        halt: Mutex::new(None),
        over: AtomicBool::new(false),
    });
    let mut main = G::new(image.clone(), Task::new(&pool));
    let init = Arc::new(Closure {
        proto: image.init.clone(),
        captured: Vec::new(),
    });
    main.entries.push_back(Entry::Func(init, Vec::new()));
    for &i in image.inits.iter().chain(std::iter::once(&image.main)) {
        if let Some(c) = host.funcs.get(i as usize) {
            main.entries.push_back(Entry::Func(c.clone(), Vec::new()));
        }
    }
    let gid = shared.queue.next_gid();
    shared.queue.spawn(gid, Box::new(main));
    let template = &host;
    let end = sched::run(&shared.queue, s.procs, s.seed, Some(s.stack_size), |w| {
        let mut h = template.fork();
        h.go = Some(GoCx {
            shared: shared.clone(),
            gid: 0,
            rng: Rng::new(s.seed ^ (u64::from(w) << 32)),
            slice: SLICE,
        });
        Runner {
            worker: Worker::new(&pool),
            host: h,
        }
    });
    if let Some(p) = end.panic {
        std::panic::resume_unwind(p);
    }
    let halt = *shared.halt.lock().unwrap_or_else(|p| p.into_inner());
    let status = match (halt, end.outcome) {
        (Some(Halt::Exit(n)), _) => RunStatus::Exit(n),
        (Some(Halt::StackOverflow), _) => RunStatus::Exit(2),
        (Some(Halt::Budget), _) => RunStatus::BudgetExhausted,
        (None, End::Exit(n)) => RunStatus::Exit(n),
        (None, End::Deadlock { first }) => {
            let mut text = String::from("fatal error: all goroutines are asleep - deadlock!\n\n");
            if let Some((gid, why)) = first {
                text.push_str(&format!("goroutine {gid} [{why}]:\n"));
            }
            host.err_always(text.as_bytes());
            RunStatus::Exit(2)
        }
        (None, End::NoGoroutines) => {
            host.err_always(errors::GOEXIT_DEADLOCK.as_bytes());
            RunStatus::Exit(2)
        }
        (None, End::Panicked) => RunStatus::Exit(2),
    };
    if s.stats {
        stats(&mut host, &shared, end.left, &end.runners, s.procs);
    }
    host.flush();
    status
}

/// `--stats`: goroutines started, migrations, and the record pool's
/// accounting once every goroutine is gone (each record carved is in the
/// central pool or a worker's cache: none lost, none run twice).
fn stats(host: &mut Host, shared: &Shared, left: Vec<AnyG>, runners: &[Runner], procs: usize) {
    let mut discarded = shared.discarded.load(Ordering::Relaxed);
    for g in &left {
        if let Some(g) = g.downcast_ref::<G>() {
            discarded += g.task.discarded_calls() + g.task.pending_records() as u64;
        }
    }
    drop(left);
    let cached: usize = runners.iter().map(|r| r.worker.cached()).sum();
    let p = shared.pool.stats();
    host.err_always(
        format!(
            "minigo: stats: goroutines {}, migrations {}, workers {procs}, records carved {}, \
             in the central pool {}, in worker caches {cached}, discarded calls {discarded}\n",
            shared.queue.started(),
            shared.queue.migrations(),
            p.carved,
            p.central_free
        )
        .as_bytes(),
    );
}
