//! The register machine (ARCHITECTURE.md, "minigo's machine"): runs an
//! [`Image`] with an explicit stack of activations (`Act`): an
//! interpreted call is a `Vec` push, not a Rust call.
//!
//! Deferred calls are machine activations too: a frame is left with the
//! core's stepped exit (`Cx::leave_start` / `leave_next` / `leave_resume`),
//! which hands each pending call back as a `DeferredCall` value together
//! with the frame the core entered for it; the machine pushes an activation
//! for it there and resumes the leaving frame when that activation is done.
//! Nothing runs inside a core call, so the machine never recurses on the
//! host stack, and a goroutine (`G`) is plain data that can stop anywhere
//! and resume on another worker thread.

mod builtins;
mod composite;
mod defer;
mod fast;
mod go;
mod host;
mod ops;
mod session;
mod typed;

pub use host::{Host, RunStatus};
pub use session::{Func, Session};

pub(crate) use go::execute;
pub(crate) use host::Settings;

use std::sync::Arc;

use deferrt_core::{Frame, LeaveStep, Leaving, OpenFrame, Outcome, Sendable, Task, Unwind, Worker};

use crate::code::{Image, Loc, Reg};
use crate::compile::ALL;
use crate::rt::{Cell, Closure, Value};
use builtins::{enter_depth, internal};
use defer::{run_simple, DeferArgs, DeferredCall, Target};

/// The core context the machine runs with: the `Host` is the core's `E`,
/// panic values are run-time [`Value`]s, and tasks may move between threads.
pub(crate) type Cx<'a> = deferrt_core::Cx<'a, Host, Value, Sendable>;

/// The open frame of an interpreted function whose defers are open-coded.
type Open = OpenFrame<DeferredCall, 8>;

/// An activation's core frame.
enum CoreFrame {
    /// A chain frame it entered (`None` once leaving started).
    Chain(Option<Frame>),
    /// An open frame it entered: the top of [`Machine::opens`].
    Open,
    /// The frame the core entered for a deferred call, its defers on the
    /// chain.
    Call(Option<Frame>),
    /// That frame, its defers open-coded (`Cx::adopt_open`): the top of
    /// `opens` holds the slots.
    CallOpen(Option<Frame>),
}

impl CoreFrame {
    /// Whether the activation is a deferred call run by its parent's exit.
    fn is_deferred_call(&self) -> bool {
        matches!(self, CoreFrame::Call(_) | CoreFrame::CallOpen(_))
    }

    /// Takes the frame out of a deferred call's activation.
    fn take_call(&mut self) -> CoreFrame {
        match self {
            CoreFrame::Call(f) => CoreFrame::Call(f.take()),
            _ => CoreFrame::Call(None),
        }
    }

    /// Whether the activation's open slots are the top of `opens`.
    fn has_open(&self) -> bool {
        matches!(self, CoreFrame::Open | CoreFrame::CallOpen(_))
    }
}

/// Set in an activation's `pc` once it returned through
/// [`Op::ReturnLeaving`](crate::code::Op::ReturnLeaving): its exit is
/// running its deferred calls, and `pc` (without the flag) is after the
/// return op (`runtime.Caller` reads the exit's line there).
const RETURNED: usize = 1 << 31;

/// Set in an activation's `pc` once its exit was seen unwinding (a panic
/// or `Goexit` ran its deferred calls, even if one recovered later).
const UNWOUND: u32 = 1 << 30;

/// One activation: a call of a compiled function.
struct Act {
    clo: Arc<Closure>,
    pc: u32,
    base: usize,
    cbase: usize,
    frame: CoreFrame,
    /// Set once the body has returned or is unwinding: the core's cursor
    /// over the frame's deferred calls.
    leaving: Option<Leaving>,
    /// Where the results go: the caller's register (absolute), and how many.
    dst: usize,
    nret: u32,
    /// While a panic unwinds this activation: the activations it unwound
    /// above it, from the one that panicked outward, each with its pc
    /// (empty otherwise: no allocation). gc's stack still holds them while
    /// the exit runs its deferred calls, and `runtime.Caller` shows them.
    unwound: Vec<(Arc<Closure>, u32)>,
}

/// A goroutine's machine state: registers, cells and activations.
pub(crate) struct Machine {
    image: Arc<Image>,
    regs: Vec<Value>,
    cells: Vec<Option<Cell>>,
    acts: Vec<Act>,
    opens: Vec<Open>,
    /// All results of the last call made with `nret == ALL`.
    spill: Vec<Value>,
    /// Where the result of the operation the goroutine is parked in goes.
    wait: Option<go::Wait>,
    /// Set when a deferred builtin parked the goroutine mid-exit.
    stopped: Option<Stop>,
    /// The machine memory of the activations on the stack ([`act_bytes`]),
    /// checked against [`STACK_BUDGET`]: minigo's stand-in for Go's 1 GB
    /// goroutine stack.
    stack_bytes: usize,
}

/// The most machine memory a goroutine's activations may take before
/// Go's "stack overflow" (besides [`crate::Options::max_depth`]). Go stops
/// at 1 GB of its own frames, which ordinary frames (24 to ~200 bytes)
/// reach at 5 to 40 million calls; an activation here takes ~140 bytes
/// without defers and ~1.4 KB with open-coded defer slots, so the budget
/// is in the machine's bytes: 1.5 GiB lets a million frames with a defer
/// each run (Go's recursion tests) and keeps a runaway recursion bounded.
const STACK_BUDGET: usize = 3 << 29;

/// The machine memory an activation of `p` takes: its `Act`, its
/// registers and cells, and its open-coded defer slots if it has them.
fn act_bytes(p: &crate::code::Proto, open: bool) -> usize {
    std::mem::size_of::<Act>()
        + p.nregs as usize * std::mem::size_of::<Value>()
        + p.ncells as usize * std::mem::size_of::<Option<Cell>>()
        + if open { std::mem::size_of::<Open>() } else { 0 }
}

/// A goroutine: its core task and its machine state. Plain data, `Send`:
/// a scheduler moves it to whichever worker runs it next.
pub(crate) struct G {
    /// Go's goroutine number (main is 1).
    #[allow(dead_code)] // stage 6: the crash report's `goroutine N` line
    pub id: u64,
    /// The core task: frames, defer records, panics.
    pub task: Task<Host, Value, Sendable>,
    /// Registers and activations.
    pub m: Machine,
    /// What the goroutine runs, one after the other, each from an empty
    /// activation stack: main's package initialisation, `init` functions
    /// and `main`; another goroutine's function (vm/go.rs).
    pub(crate) entries: std::collections::VecDeque<go::Entry>,
    /// A goroutine of the run time (`time.After`'s timer): not counted by
    /// `runtime.NumGoroutine`.
    pub(crate) hidden: bool,
}

// A goroutine moves between worker threads (stage 6's scheduler).
const _: () = {
    const fn movable<T: Send>() {}
    movable::<G>();
};

/// A call's callee: the function, the receiver of a method value, and the
/// wrapper that follows the receiver of a method called through a
/// pointer (gc's wrapper, `FuncVal::Wrap`).
type Callee = (
    Arc<Closure>,
    Option<Value>,
    Option<Arc<crate::rt::value::Wrap>>,
);

/// Where a call's arguments are.
enum Args {
    /// `n` registers from an absolute index (the caller's window).
    Regs(usize, usize),
    /// The spill buffer (`f(g())` with a multi-valued `g`).
    Spill,
    /// A deferred call's, evaluated at its `defer` statement.
    Deferred(DeferArgs),
    /// A method value's call: its receiver, then `n` registers from an
    /// absolute index.
    Bound(Value, usize, usize),
}

/// What the dispatch loop does next.
enum Flow {
    /// The top activation returns.
    Return,
    /// `runtime.Gosched()`: suspend the goroutine (its state is all in
    /// the machine and the task); it resumes at the next instruction.
    Yield,
    /// A blocking operation parked the goroutine here (vm/go.rs); it
    /// resumes at the next instruction with the operation's result.
    Block(go::Slot),
    /// `time.Sleep`.
    Sleep(std::time::Duration),
}

/// Why [`Machine::run`] stopped.
pub(crate) enum Stop {
    /// The activation stack is back to where it was asked to stop.
    Done(Outcome),
    /// The goroutine yielded; run it again (with any `Cx`) to resume.
    Yield,
    /// The goroutine parked in this slot (a channel, a lock...).
    Block(go::Slot),
    /// The goroutine sleeps.
    Sleep(std::time::Duration),
}

impl G {
    /// The main goroutine, about to run `entry` (no arguments).
    pub(crate) fn new(image: Arc<Image>, task: Task<Host, Value, Sendable>) -> G {
        G {
            id: 1,
            task,
            m: Machine::new(image),
            entries: std::collections::VecDeque::new(),
            hidden: false,
        }
    }

    /// Runs `entry` to its end on this goroutine. Each time the goroutine
    /// yields (`runtime.Gosched`), its `Cx` is dropped — nothing of it stays
    /// on the host stack — and it resumes on the next of `workers`: a
    /// migration between the workers' record caches, as a scheduler with
    /// several threads makes them. `None` if a worker is not of the task's
    /// pool; else the outcome, the results (as they stand after the
    /// deferred calls; none if it did not return) and the migrations.
    pub(crate) fn run_to_end(
        &mut self,
        entry: Arc<Closure>,
        args: Vec<Value>,
        workers: &mut [Worker],
        on: &mut usize,
        host: &mut Host,
    ) -> Option<(Outcome, Vec<Value>, u64)> {
        let mut migrations = 0;
        let mut cx = self.task.cx(&mut workers[*on], host).ok()?;
        let base = self.m.regs.len();
        self.m.regs.extend(args);
        let nargs = self.m.regs.len() - base;
        let pushed = self
            .m
            .push(&mut cx, entry, Args::Regs(base, nargs), base, ALL);
        if let Err(u) = pushed {
            self.m.regs.truncate(base);
            return Some((Err(u), Vec::new(), migrations));
        }
        loop {
            match self.m.run(&mut cx, 0) {
                Stop::Done(r) => {
                    self.m.regs.truncate(base);
                    let results = std::mem::take(&mut self.m.spill);
                    return Some((r, results, migrations));
                }
                Stop::Block(_) | Stop::Sleep(_) => {
                    self.m.regs.truncate(base);
                    let u = internal(&mut cx, "a goroutine blocked outside the scheduler");
                    return Some((Err(u), Vec::new(), migrations));
                }
                Stop::Yield => {
                    // The old Cx ends here: resume with the next worker.
                    *on = (*on + 1) % workers.len();
                    migrations += 1;
                    cx = self.task.cx(&mut workers[*on], host).ok()?;
                }
            }
        }
    }
}

impl G {
    /// Go's `preprintpanics`: before the crash report, the `Error` (else
    /// `String`) method of every panic value that has one runs on this
    /// goroutine, and the report prints its text. One value panicked
    /// several times keeps one identity.
    pub(crate) fn preprint(&mut self, workers: &mut [Worker], on: &mut usize, host: &mut Host) {
        let vals: Vec<Value> = self.task.panic_values_mut().map(|v| v.clone()).collect();
        let mut done: Vec<(Value, Value)> = Vec::new();
        let mut out = Vec::with_capacity(vals.len());
        for v in vals {
            if let Some((_, new)) = done.iter().find(|(old, _)| same_box(old, &v)) {
                out.push(new.clone());
                continue;
            }
            let new = self
                .show(&v, workers, on, host)
                .unwrap_or_else(|| v.clone());
            done.push((v, new.clone()));
            out.push(new);
        }
        for (slot, v) in self.task.panic_values_mut().zip(out) {
            *slot = v;
        }
    }

    /// `v` with the text of its `Error`/`String` method, run to its end.
    fn show(
        &mut self,
        v: &Value,
        workers: &mut [Worker],
        on: &mut usize,
        host: &mut Host,
    ) -> Option<Value> {
        let name = crate::rt::iface::show_method(v)?;
        let (func, recv) = crate::rt::iface::method_of(v, name).ok()?;
        let f = host.funcs.get(func as usize)?.clone();
        match self.run_to_end(f, vec![recv], workers, on, host)? {
            (Ok(()), r, _) => match r.first() {
                Some(Value::Str(s)) => Some(crate::rt::iface::with_text(v, s.clone())),
                _ => None,
            },
            _ => None,
        }
    }
}

fn same_box(a: &Value, b: &Value) -> bool {
    matches!((a, b), (Value::Iface(x), Value::Iface(y)) if Arc::ptr_eq(x, y))
}

impl Machine {
    fn new(image: Arc<Image>) -> Self {
        Machine {
            image,
            regs: Vec::new(),
            cells: Vec::new(),
            acts: Vec::new(),
            opens: Vec::new(),
            spill: Vec::new(),
            wait: None,
            stopped: None,
            stack_bytes: 0,
        }
    }

    /// Pushes an activation of `clo` with `args` in a core frame of its
    /// own: a normal call.
    fn push(
        &mut self,
        cx: &mut Cx<'_>,
        clo: Arc<Closure>,
        args: Args,
        dst: usize,
        nret: u32,
    ) -> Result<(), Unwind> {
        let p = &clo.proto;
        let open = p.open && p.defers > 0 && cx.env().open_coded;
        enter_depth(cx, self.acts.len(), self.stack_bytes + act_bytes(p, open))?;
        // A function without defer statements needs no slots: a chain
        // frame is one increment to enter and one compare to leave.
        let frame = if open {
            self.opens.push(cx.enter_open());
            CoreFrame::Open
        } else {
            CoreFrame::Chain(Some(cx.enter()))
        };
        self.push_act(clo, args, frame, dst, nret);
        Ok(())
    }

    /// Pushes an activation of the deferred function `clo` in `frame`, the
    /// frame the core entered for the call, so its recover() is effective
    /// exactly when Go's is. `Err` gives the frame back when the call
    /// cannot start (Go's stack overflow).
    fn push_deferred(
        &mut self,
        cx: &mut Cx<'_>,
        clo: Arc<Closure>,
        args: DeferArgs,
        frame: Frame,
    ) -> Result<(), (Frame, Unwind)> {
        let p = &clo.proto;
        let open = p.open && p.defers > 0 && cx.env().open_coded;
        if let Err(u) = enter_depth(cx, self.acts.len(), self.stack_bytes + act_bytes(p, open)) {
            return Err((frame, u));
        }
        let frame = if open {
            self.opens.push(cx.adopt_open());
            CoreFrame::CallOpen(Some(frame))
        } else {
            CoreFrame::Call(Some(frame))
        };
        self.push_act(clo, Args::Deferred(args), frame, 0, 0);
        Ok(())
    }

    /// Whether the top activation is a checker-made wrapper run as a
    /// deferred call, whose one call is then the deferred call itself.
    fn forwards_deferred(&self) -> bool {
        self.acts
            .last()
            .is_some_and(|a| a.clo.proto.wrapper && matches!(a.frame, CoreFrame::Call(Some(_))))
    }

    /// The call made by a wrapper run as a deferred call (gc's method
    /// wrappers, which `gorecover` skips): the wrapper's activation gives
    /// way to the function it forwards to, in the frame the core entered
    /// for the deferred call, so that function's `recover()` is effective
    /// exactly when the wrapper's would be if it were the method itself.
    /// A deferred call's results are dropped, so the wrapper has nothing
    /// left to do after the call. `clo` is the callee (with the receiver
    /// of a method value); `args` is an absolute register.
    fn forward_deferred(
        &mut self,
        cx: &mut Cx<'_>,
        (clo, recv, wrap): Callee,
        args: usize,
        nargs: u32,
    ) -> Result<(), Unwind> {
        let mut vals: Vec<Value> = recv.into_iter().collect();
        if nargs == ALL {
            vals.append(&mut self.spill);
        } else {
            vals.extend_from_slice(&self.regs[args..args + nargs as usize]);
        }
        if let Some(w) = wrap {
            wrap_vals(cx, &w, &mut vals)?;
        }
        let Some(mut act) = self.acts.pop() else {
            return Err(internal(cx, "no activation"));
        };
        let CoreFrame::Call(Some(frame)) = act.frame.take_call() else {
            return Err(internal(cx, "a forwarding wrapper without its frame"));
        };
        self.stack_bytes -= act_bytes(&act.clo.proto, false);
        self.regs.truncate(act.base);
        self.cells.truncate(act.cbase);
        if let Err((frame, u)) = self.push_deferred(cx, clo, DeferArgs::from_vec(vals), frame) {
            // The call cannot start (Go's stack overflow): the deferred
            // call ends with that panic, and the frame whose exit ran it
            // goes on.
            let r = cx.leave(frame, Err(u));
            let Some(parent) = self.acts.last_mut() else {
                return Err(internal(cx, "a deferred call without its caller"));
            };
            let Some(mut l) = parent.leaving else {
                return Err(internal(cx, "a deferred call's caller is not leaving"));
            };
            cx.leave_resume(&mut l, r);
            parent.leaving = Some(l);
        }
        Ok(())
    }

    fn push_act(&mut self, clo: Arc<Closure>, args: Args, frame: CoreFrame, dst: usize, nret: u32) {
        let f = &clo.proto;
        let base = self.regs.len();
        let (np, nregs) = (f.params.len(), f.nregs as usize);
        self.regs.reserve(nregs);
        // The parameters first, then nil in the other registers.
        match args {
            // The arguments move out of the caller's temporaries: they are
            // dead at the call, as in gc (an object only an argument
            // refers to is the callee's to keep alive; a finalizer sees it).
            Args::Regs(from, n) => {
                for i in from..from + n.min(np) {
                    let v = std::mem::replace(&mut self.regs[i], Value::Nil);
                    self.regs.push(v);
                }
            }
            Args::Bound(recv, from, n) => {
                if np > 0 {
                    self.regs.push(recv);
                }
                for i in from..from + n.min(np.saturating_sub(1)) {
                    let v = std::mem::replace(&mut self.regs[i], Value::Nil);
                    self.regs.push(v);
                }
            }
            Args::Spill => {
                let vals = std::mem::take(&mut self.spill);
                self.regs.extend(vals.into_iter().take(np));
            }
            Args::Deferred(DeferArgs::Heap(vals)) => {
                self.regs.extend(vals.into_iter().take(np));
            }
            Args::Deferred(DeferArgs::Inline(n, vals)) => {
                self.regs
                    .extend(vals.into_iter().take((n as usize).min(np)));
            }
        }
        // Registers past the arguments given (and any argument past the
        // registers) are nil / dropped.
        self.regs.resize_with(base + nregs, || Value::Nil);
        let cbase = self.cells.len();
        if f.ncells > 0 {
            self.cells.resize_with(cbase + f.ncells as usize, || None);
        }
        self.stack_bytes += act_bytes(f, frame.has_open());
        self.acts.push(Act {
            clo,
            pc: 0,
            base,
            cbase,
            frame,
            leaving: None,
            dst,
            nret,
            unwound: Vec::new(),
        });
    }

    /// Runs until the activation stack is back to `stop` entries (the
    /// outcome of the last activation that left), or until the goroutine
    /// yields.
    pub(crate) fn run(&mut self, cx: &mut Cx<'_>, stop: usize) -> Stop {
        let image = Arc::clone(&self.image);
        loop {
            let Some(top) = self.acts.last() else {
                return Stop::Done(Err(internal(cx, "no activation")));
            };
            if top.leaving.is_none() {
                let body = match self.exec(cx, &image) {
                    Ok(Flow::Yield) => return Stop::Yield,
                    Ok(Flow::Block(p)) => return Stop::Block(p),
                    Ok(Flow::Sleep(d)) => return Stop::Sleep(d),
                    Ok(Flow::Return) => Ok(()),
                    Err(u) => Err(u),
                };
                if let Err(e) = self.begin_leave(cx, body) {
                    return Stop::Done(Err(e));
                }
            } else if let Some(r) = self.leave_step(cx, stop) {
                return Stop::Done(r);
            } else if let Some(s) = self.stopped.take() {
                return s;
            }
        }
    }

    /// The top activation's body ended with `body`: start leaving its frame.
    fn begin_leave(&mut self, cx: &mut Cx<'_>, body: Outcome) -> Result<(), Unwind> {
        let Some(act) = self.acts.last_mut() else {
            return Err(internal(cx, "no activation"));
        };
        let l = match &mut act.frame {
            CoreFrame::Chain(f) | CoreFrame::Call(f) | CoreFrame::CallOpen(f) => match f.take() {
                Some(f) => cx.leave_start(f, body),
                None => return Err(internal(cx, "frame left twice")),
            },
            CoreFrame::Open => match self.opens.last_mut() {
                Some(o) => cx.leave_start_open(o, body),
                None => return Err(internal(cx, "open frame missing")),
            },
        };
        act.leaving = Some(l);
        Ok(())
    }

    /// One step of leaving the top activation's frame: start its next
    /// deferred call, or, when none is left, pop it and hand its outcome to
    /// its caller (a normal call) or to the frame whose exit ran it (a
    /// deferred call). `Some` when the stack is back to `stop`.
    fn leave_step(&mut self, cx: &mut Cx<'_>, stop: usize) -> Option<Outcome> {
        let ai = self.acts.len().checked_sub(1)?;
        let mut l = self.acts[ai].leaving?;
        if l.is_unwinding() {
            self.acts[ai].pc |= UNWOUND;
        }
        let open = if self.acts[ai].frame.has_open() {
            self.opens.last_mut()
        } else {
            None
        };
        match cx.leave_next::<DeferredCall, 8>(&mut l, open) {
            LeaveStep::Call { call, frame } => {
                self.acts[ai].leaving = Some(l);
                let halted = cx.env().halted.is_some();
                let r = match call.target {
                    Target::Func(clo) if !halted => {
                        match self.push_deferred(cx, clo, call.args, frame) {
                            Ok(()) => return None, // resumed when it is done
                            Err((frame, u)) => cx.leave(frame, Err(u)),
                        }
                    }
                    // `defer i.M()` with the receiver behind a pointer: the
                    // wrapper follows it now, in the deferred call's frame.
                    Target::Wrap(w) if !halted => {
                        let mut vals = call.args.into_vec();
                        let pushed = match wrap_vals(cx, &w, &mut vals) {
                            Ok(()) => {
                                let args = DeferArgs::from_vec(vals);
                                self.push_deferred(cx, w.clo.clone(), args, frame)
                            }
                            Err(u) => Err((frame, u)),
                        };
                        match pushed {
                            Ok(()) => return None,
                            Err((frame, u)) => cx.leave(frame, Err(u)),
                        }
                    }
                    // Once the program is stopping (os.Exit), no
                    // interpreted code runs any more.
                    _ if halted => cx.leave(frame, Ok(())),
                    Target::Builtin(crate::ir::Builtin::Go(b)) if b.blocks() => {
                        self.stopped = self.deferred_go_builtin(cx, b, call.args.into_vec(), frame);
                        return None;
                    }
                    target => {
                        let r = run_simple(cx, target, call.args.into_vec());
                        cx.leave(frame, r)
                    }
                };
                cx.leave_resume(&mut l, r);
                self.acts[ai].leaving = Some(l);
                None
            }
            LeaveStep::Done(r) => self.finish_act(cx, r, stop),
        }
    }

    /// Pops the top activation, whose frame has been left with `r`.
    fn finish_act(&mut self, cx: &mut Cx<'_>, r: Outcome, stop: usize) -> Option<Outcome> {
        let act = self.acts.pop()?;
        self.stack_bytes -= act_bytes(&act.clo.proto, act.frame.has_open());
        if act.frame.has_open() {
            self.opens.pop();
        }
        if r.is_ok() && !act.frame.is_deferred_call() {
            self.deliver(&act);
        }
        self.free_regs(act.base);
        self.cells.truncate(act.cbase);
        if self.acts.len() == stop {
            return Some(r);
        }
        let parent = self.acts.last_mut()?;
        if act.frame.is_deferred_call() {
            // The frame whose exit ran this call goes on with its next one.
            let mut l = parent.leaving?;
            cx.leave_resume(&mut l, r);
            parent.leaving = Some(l);
        } else if let Err(u) = r {
            // A normal call unwound (or a deferred call panicked at its
            // return): the caller unwinds from the call site.
            let mut unwound = act.unwound;
            unwound.push((act.clo, act.pc));
            parent.unwound = unwound;
            if let Err(e) = self.begin_leave(cx, Err(u)) {
                return Some(Err(e));
            }
        }
        None
    }

    /// Copies a returning activation's results (as they stand after its
    /// deferred calls) to its caller.
    fn deliver(&mut self, act: &Act) {
        if act.nret == 0 {
            return;
        }
        let result = |m: &mut Self, loc: Loc| match loc {
            Loc::Reg(r) => std::mem::replace(&mut m.regs[act.base + r as usize], Value::Nil),
            Loc::Cell(c) => match &m.cells[act.cbase + c as usize] {
                Some(cell) => cell.load(0),
                None => Value::Nil,
            },
        };
        let results = &act.clo.proto.results;
        if act.nret == ALL {
            let mut vals = Vec::with_capacity(results.len());
            for (loc, _) in results {
                vals.push(result(self, *loc));
            }
            self.spill = vals;
            return;
        }
        // The caller's registers lie below the callee's window.
        for (i, (loc, _)) in results.iter().take(act.nret as usize).enumerate() {
            let v = result(self, *loc);
            if let Some(slot) = self.regs.get_mut(act.dst + i) {
                *slot = v;
            }
        }
    }

    /// Drops the registers from `base` on (a returning activation's):
    /// a scalar needs no drop call, which `truncate` makes for each.
    fn free_regs(&mut self, base: usize) {
        while self.regs.len() > base {
            match self.regs.pop() {
                Some(v) if v.is_scalar() => std::mem::forget(v),
                _ => {}
            }
        }
    }

    /// The arguments of a call: registers `args..args+nargs`, or the spill.
    /// They are moved out: the compiler evaluates a call's arguments into
    /// temporaries of that call (`compile::Compiler::args`), dead after it,
    /// and a copy left there would keep the values' memory reachable (a
    /// finalizer would wait for the register's next use).
    fn take_args(&mut self, base: usize, args: Reg, nargs: u32) -> Vec<Value> {
        if nargs == ALL {
            return std::mem::take(&mut self.spill);
        }
        let a = base + args as usize;
        self.regs[a..a + nargs as usize]
            .iter_mut()
            .map(|v| std::mem::replace(v, Value::Nil))
            .collect()
    }

    /// Results of a builtin to `dst..` (or the spill).
    fn put_results(&mut self, base: usize, dst: Reg, nret: u32, vals: Vec<Value>) {
        if nret == ALL {
            self.spill = vals;
            return;
        }
        for (i, v) in vals.into_iter().take(nret as usize).enumerate() {
            self.regs[base + dst as usize + i] = v;
        }
    }

    fn cell(&self, cx: &mut Cx<'_>, cbase: usize, c: u32) -> Result<Cell, Unwind> {
        match self.cells.get(cbase + c as usize) {
            Some(Some(cell)) => Ok(cell.clone()),
            _ => Err(internal(cx, "cell used before its declaration")),
        }
    }
}

/// The arguments of a call of the wrapper `w`, its receiver followed: the
/// first argument replaced, or the method value's receiver put first.
fn wrap_vals(
    cx: &mut Cx<'_>,
    w: &crate::rt::value::Wrap,
    vals: &mut Vec<Value>,
) -> Result<(), Unwind> {
    let raw = match &w.recv {
        Some(r) => r,
        None => vals.first().unwrap_or(&Value::Nil),
    };
    let rv = crate::rt::iface::wrap_receiver(w, raw).map_err(|t| builtins::raise(cx, t))?;
    match (&w.recv, vals.first_mut()) {
        (None, Some(first)) => *first = rv,
        _ => vals.insert(0, rv),
    }
    Ok(())
}
