//! The register machine (`minigo run --engine vm`): stage 3 of the design in
//! ARCHITECTURE.md ("minigo's machine"). It runs the same checked program
//! as the tree interpreter, compiled to register code ([`code`]), with an
//! explicit stack of activations: an interpreted call is a `Vec` push, not
//! a Rust call.
//!
//! Deferred calls are machine activations too: a frame is left with the
//! core's stepped exit (`Cx::leave_start` / `leave_next` / `leave_resume`),
//! which hands each pending call back as a [`VmDeferred`] value together
//! with the frame the core entered for it; the machine pushes an activation
//! for it there and resumes the leaving frame when that activation is done.
//! Nothing runs inside a core call, so the machine never recurses on the
//! host stack — what goroutines that block mid-defer need.

mod code;
mod compile;

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::rc::Rc;

use deferrt_core::{
    Deferred, Frame, LeaveStep, Leaving, Local, OpenFrame, Outcome, SlotOutOfRange, Unwind,
};

use super::eval::{arith, assert, call_builtin, compare, enter_depth, internal};
use super::{halt, Cx, Halt, Interp};
use crate::ir::{Builtin, FuncCode, Program};
use crate::types::Type;
use crate::value::{cell, Cell, Closure, FuncVal, Value};
use code::{DeferTarget, Func, Loc, Op, Reg};
use compile::ALL;
use deferrt_core::{Task, Worker};

/// A multiplicative hasher for code addresses (one `usize` per key).
#[derive(Default)]
struct AddrHasher(u64);

impl Hasher for AddrHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0.rotate_left(5) ^ u64::from(b)).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
        }
    }
    fn write_usize(&mut self, n: usize) {
        self.0 = (n as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    }
}

/// Every function of the program, compiled, found by the address of its
/// checked code (closures carry that).
pub(crate) struct Table {
    by_code: HashMap<usize, Rc<Func>, BuildHasherDefault<AddrHasher>>,
    init: Rc<Func>,
}

impl Table {
    fn build(prog: &Program) -> Table {
        let mut by_code = HashMap::default();
        let mut todo: Vec<Rc<FuncCode>> = prog.funcs.clone();
        while let Some(ir) = todo.pop() {
            let key = Rc::as_ptr(&ir) as usize;
            if by_code.contains_key(&key) {
                continue;
            }
            let f = compile::function(&ir);
            todo.extend(f.lits.iter().cloned());
            by_code.insert(key, Rc::new(f));
        }
        let named = Rc::new(FuncCode {
            name: "main.init.vars".into(),
            sig: Rc::new(crate::types::FuncType {
                params: Vec::new(),
                results: Vec::new(),
            }),
            nparams: 0,
            results: Vec::new(),
            nslots: 0,
            captures: Vec::new(),
            body: Vec::new(),
            open: false,
        });
        let init = compile::init(&prog.init, &named);
        for lit in &init.lits {
            todo.push(lit.clone());
        }
        while let Some(ir) = todo.pop() {
            let key = Rc::as_ptr(&ir) as usize;
            if by_code.contains_key(&key) {
                continue;
            }
            let f = compile::function(&ir);
            todo.extend(f.lits.iter().cloned());
            by_code.insert(key, Rc::new(f));
        }
        Table {
            by_code,
            init: Rc::new(init),
        }
    }

    fn get(&self, code: &Rc<FuncCode>) -> Option<&Rc<Func>> {
        self.by_code.get(&(Rc::as_ptr(code) as usize))
    }
}

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

    /// Whether the activation's open slots are the top of `opens`.
    fn has_open(&self) -> bool {
        matches!(self, CoreFrame::Open | CoreFrame::CallOpen(_))
    }
}

/// One activation: a call of a compiled function.
struct Act {
    func: Rc<Func>,
    clo: Rc<Closure>,
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
}

type Open = OpenFrame<VmDeferred, 8>;

/// A goroutine's machine state: registers, cells and activations.
struct Machine {
    table: Rc<Table>,
    regs: Vec<Value>,
    cells: Vec<Option<Cell>>,
    acts: Vec<Act>,
    opens: Vec<Open>,
    /// All results of the last call made with `nret == ALL`.
    spill: Vec<Value>,
}

/// Where a call's arguments are.
enum Args {
    /// `n` registers from an absolute index (the caller's window).
    Regs(usize, usize),
    /// The spill buffer (`f(g())` with a multi-valued `g`).
    Spill,
    /// Values already taken.
    Vec(Vec<Value>),
    /// A deferred call's, evaluated at its `defer` statement.
    Deferred(DeferArgs),
}

/// What the dispatch loop does next.
enum Flow {
    /// A call pushed an activation: run the new top.
    Switch,
    /// The top activation returns.
    Return,
    /// `runtime.Gosched()`: suspend the goroutine (its state is all in
    /// the machine and the task); it resumes at the next instruction.
    Yield,
}

/// Why [`Machine::run`] stopped.
enum Stop {
    /// The activation stack is back to where it was asked to stop.
    Done(Outcome),
    /// The goroutine yielded; run it again (with any `Cx`) to resume.
    Yield,
}

/// What a deferred call calls.
#[derive(Debug)]
enum VmTarget {
    Func(Rc<Func>, Rc<Closure>),
    NilFunc,
    Builtin(Builtin),
    /// `defer err.Error()`: nothing to do when it runs.
    Nothing,
}

/// A deferred call: function value and arguments evaluated at the `defer`
/// statement.
pub(crate) struct VmDeferred {
    target: VmTarget,
    args: DeferArgs,
}

/// Inline room for a deferred call's arguments: up to this many are kept
/// in the core's record itself (no allocation per defer, issue 12).
const INLINE_ARGS: usize = 4;

/// A deferred call's arguments.
enum DeferArgs {
    /// Up to [`INLINE_ARGS`], in the record.
    Inline(u8, [Value; INLINE_ARGS]),
    /// More (rare): one allocation.
    Heap(Vec<Value>),
}

impl DeferArgs {
    fn into_vec(self) -> Vec<Value> {
        match self {
            DeferArgs::Inline(n, vals) => vals.into_iter().take(n as usize).collect(),
            DeferArgs::Heap(v) => v,
        }
    }
}

impl Deferred<Interp, Value, Local> for VmDeferred {
    /// Never used: the machine registers its deferred calls with
    /// `Cx::defer_call` and leaves frames with the stepped exit, which hands
    /// them back instead of calling them.
    fn call(self, cx: &mut Cx<'_>) -> Outcome {
        let _ = (self.target, self.args);
        Err(internal(
            cx,
            "a deferred call of the machine was called by the engine",
        ))
    }
}

/// Runs a deferred call that is not an interpreted function, in the frame
/// the core entered for it.
fn run_simple(cx: &mut Cx<'_>, target: VmTarget, args: Vec<Value>) -> Outcome {
    match target {
        VmTarget::Func(..) | VmTarget::Nothing => Ok(()),
        VmTarget::NilFunc => Err(cx.panic(Value::nil_deref_error())),
        // `defer recover()`: a recover() by the function that deferred it,
        // at its exit (GO-SEMANTICS A9, C2).
        VmTarget::Builtin(Builtin::Recover) => {
            cx.recover_wrapped();
            Ok(())
        }
        VmTarget::Builtin(b) => call_builtin(cx, &b, args).map(drop),
    }
}

/// Runs the package initialisation, the `init` functions and `main` on
/// `task`, one goroutine. Each time it yields (`runtime.Gosched`), its `Cx`
/// is dropped — nothing of it stays on the host stack — and it resumes on
/// the other worker: a migration between the workers' record caches, as a
/// scheduler with several threads makes them. Returns the outcome and the
/// number of migrations; `None` if a worker is not of the task's pool.
pub(crate) fn run_task(
    task: &mut Task<Interp, Value>,
    workers: &mut [Worker; 2],
    interp: &mut Interp,
    prog: &Program,
) -> Option<(Outcome, u64)> {
    let table = Rc::new(Table::build(prog));
    let mut m = Machine::new(table.clone());
    let init = table.init.clone();
    let mut entries = vec![(
        init.clone(),
        Rc::new(Closure {
            code: init.ir.clone(),
            captured: Vec::new(),
        }),
    )];
    for i in prog.inits.iter().chain(std::iter::once(&prog.main)) {
        let clo = interp.funcs.get(*i as usize)?.clone();
        entries.push((table.get(&clo.code)?.clone(), clo));
    }
    let (mut on, mut migrations) = (0, 0);
    for (f, clo) in entries {
        let mut cx = task.cx(&mut workers[on], interp).ok()?;
        if let Err(u) = m.push(&mut cx, f, clo, Args::Vec(Vec::new()), 0, 0) {
            return Some((Err(u), migrations));
        }
        loop {
            match m.run(&mut cx, 0) {
                Stop::Done(Ok(())) => break,
                Stop::Done(Err(u)) => return Some((Err(u), migrations)),
                Stop::Yield => {
                    // The old Cx ends here: resume with the other worker.
                    on = 1 - on;
                    migrations += 1;
                    cx = task.cx(&mut workers[on], interp).ok()?;
                }
            }
        }
    }
    Some((Ok(()), migrations))
}

/// Counts a statement; stops the program when the budget is spent.
fn step(cx: &mut Cx<'_>) -> Result<(), Unwind> {
    let it = cx.env();
    it.steps += 1;
    if it.budget.is_some_and(|b| it.steps > b) {
        return Err(halt(cx, Halt::Budget));
    }
    Ok(())
}

/// An `int` or `string` converted to an interface at run time: a new
/// identity, as gc's `convT64`/`convTstring` allocate.
fn to_iface(it: &Interp, v: Value) -> Value {
    match v {
        Value::Int(n) if !(0..256).contains(&n) => Value::BoxedInt(Rc::new(n)),
        Value::Str(s) if !s.is_empty() && !it.is_literal(&s) => Value::Str(Rc::from(&*s)),
        v => v,
    }
}

impl Machine {
    fn new(table: Rc<Table>) -> Self {
        Machine {
            table,
            regs: Vec::new(),
            cells: Vec::new(),
            acts: Vec::new(),
            opens: Vec::new(),
            spill: Vec::new(),
        }
    }

    /// Pushes an activation of `f` with `args` in a core frame of its own:
    /// a normal call.
    fn push(
        &mut self,
        cx: &mut Cx<'_>,
        f: Rc<Func>,
        clo: Rc<Closure>,
        args: Args,
        dst: usize,
        nret: u32,
    ) -> Result<(), Unwind> {
        enter_depth(cx)?;
        // A function without defer statements needs no slots: a chain
        // frame is one increment to enter and one compare to leave.
        let frame = if f.ir.open && f.defers > 0 && cx.env().open_coded {
            self.opens.push(cx.enter_open());
            CoreFrame::Open
        } else {
            CoreFrame::Chain(Some(cx.enter()))
        };
        self.push_act(f, clo, args, frame, dst, nret);
        Ok(())
    }

    /// Pushes an activation of the deferred function `f` in `frame`, the
    /// frame the core entered for the call, so its recover() is effective
    /// exactly when Go's is. `Err` gives the frame back when the call
    /// cannot start (Go's stack overflow).
    fn push_deferred(
        &mut self,
        cx: &mut Cx<'_>,
        f: Rc<Func>,
        clo: Rc<Closure>,
        args: DeferArgs,
        frame: Frame,
    ) -> Result<(), (Frame, Unwind)> {
        if let Err(u) = enter_depth(cx) {
            return Err((frame, u));
        }
        let frame = if f.ir.open && f.defers > 0 && cx.env().open_coded {
            self.opens.push(cx.adopt_open());
            CoreFrame::CallOpen(Some(frame))
        } else {
            CoreFrame::Call(Some(frame))
        };
        self.push_act(f, clo, Args::Deferred(args), frame, 0, 0);
        Ok(())
    }

    fn push_act(
        &mut self,
        f: Rc<Func>,
        clo: Rc<Closure>,
        args: Args,
        frame: CoreFrame,
        dst: usize,
        nret: u32,
    ) {
        let base = self.regs.len();
        self.regs.resize(base + f.nregs as usize, Value::Nil);
        let np = f.params.len();
        match args {
            Args::Regs(from, n) => {
                for i in 0..n.min(np) {
                    self.regs[base + i] = self.regs[from + i].clone();
                }
            }
            Args::Spill => {
                let vals = std::mem::take(&mut self.spill);
                for (i, a) in vals.into_iter().enumerate().take(np) {
                    self.regs[base + i] = a;
                }
            }
            Args::Vec(vals) | Args::Deferred(DeferArgs::Heap(vals)) => {
                for (i, a) in vals.into_iter().enumerate().take(np) {
                    self.regs[base + i] = a;
                }
            }
            Args::Deferred(DeferArgs::Inline(n, vals)) => {
                for (i, a) in vals.into_iter().enumerate().take((n as usize).min(np)) {
                    self.regs[base + i] = a;
                }
            }
        }
        let cbase = self.cells.len();
        self.cells.resize(cbase + f.ncells as usize, None);
        self.acts.push(Act {
            func: f,
            clo,
            pc: 0,
            base,
            cbase,
            frame,
            leaving: None,
            dst,
            nret,
        });
    }

    /// Runs until the activation stack is back to `stop` entries (the
    /// outcome of the last activation that left), or until the goroutine
    /// yields.
    fn run(&mut self, cx: &mut Cx<'_>, stop: usize) -> Stop {
        loop {
            let Some(top) = self.acts.last() else {
                return Stop::Done(Err(internal(cx, "no activation")));
            };
            if top.leaving.is_none() {
                let body = match self.exec(cx) {
                    Ok(Flow::Switch) => continue,
                    Ok(Flow::Yield) => return Stop::Yield,
                    Ok(Flow::Return) => Ok(()),
                    Err(u) => Err(u),
                };
                if let Err(e) = self.begin_leave(cx, body) {
                    return Stop::Done(Err(e));
                }
            } else if let Some(r) = self.leave_step(cx, stop) {
                return Stop::Done(r);
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
            CoreFrame::Open => match self.opens.last() {
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
        let open = if self.acts[ai].frame.has_open() {
            self.opens.last_mut()
        } else {
            None
        };
        match cx.leave_next::<VmDeferred, 8>(&mut l, open) {
            LeaveStep::Call { call, frame } => {
                self.acts[ai].leaving = Some(l);
                let halted = cx.env().halted.is_some();
                let r = match call.target {
                    VmTarget::Func(f, clo) if !halted => {
                        match self.push_deferred(cx, f, clo, call.args, frame) {
                            Ok(()) => return None, // resumed when it is done
                            Err((frame, u)) => cx.leave(frame, Err(u)),
                        }
                    }
                    // Once the program is stopping (os.Exit), no
                    // interpreted code runs any more.
                    _ if halted => cx.leave(frame, Ok(())),
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
        if act.frame.has_open() {
            self.opens.pop();
        }
        cx.env().depth -= 1;
        if r.is_ok() && !act.frame.is_deferred_call() {
            self.deliver(&act);
        }
        self.regs.truncate(act.base);
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
                Some(cell) => cell.borrow().clone(),
                None => Value::Nil,
            },
        };
        if act.nret == ALL {
            let mut vals = Vec::with_capacity(act.func.results.len());
            for (loc, _) in &act.func.results {
                vals.push(result(self, *loc));
            }
            self.spill = vals;
            return;
        }
        // The caller's registers lie below the callee's window.
        for (i, (loc, _)) in act.func.results.iter().take(act.nret as usize).enumerate() {
            let v = result(self, *loc);
            if let Some(slot) = self.regs.get_mut(act.dst + i) {
                *slot = v;
            }
        }
    }

    /// The arguments of a call: registers `args..args+nargs`, or the spill.
    fn take_args(&mut self, base: usize, args: Reg, nargs: u32) -> Vec<Value> {
        if nargs == ALL {
            return std::mem::take(&mut self.spill);
        }
        let a = base + args as usize;
        self.regs[a..a + nargs as usize].to_vec()
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

    /// Runs the top activation until it calls, returns or unwinds.
    fn exec(&mut self, cx: &mut Cx<'_>) -> Result<Flow, Unwind> {
        let Some(act) = self.acts.last() else {
            return Err(internal(cx, "no activation"));
        };
        let (func, clo, base, cbase) = (act.func.clone(), act.clo.clone(), act.base, act.cbase);
        let mut pc = act.pc as usize;
        loop {
            let Some(op) = func.ops.get(pc) else {
                return Ok(Flow::Return);
            };
            pc += 1;
            let reg = |r: Reg| base + r as usize;
            match *op {
                Op::Step => step(cx)?,
                Op::Const { dst, k } => self.regs[reg(dst)] = func.consts[k as usize].clone(),
                Op::Move { dst, src } => self.regs[reg(dst)] = self.regs[reg(src)].clone(),
                Op::LoadCell { dst, cell } => {
                    let c = self.cell(cx, cbase, cell)?;
                    self.regs[reg(dst)] = c.borrow().clone();
                }
                Op::StoreCell { cell, src } => {
                    let c = self.cell(cx, cbase, cell)?;
                    *c.borrow_mut() = self.regs[reg(src)].clone();
                }
                Op::NewCell { cell: c, src } => {
                    self.cells[cbase + c as usize] = Some(cell(self.regs[reg(src)].clone()));
                }
                Op::RenewCell { cell: c } => {
                    let v = self.cell(cx, cbase, c)?.borrow().clone();
                    self.cells[cbase + c as usize] = Some(cell(v));
                }
                Op::LoadCap { dst, cap } => {
                    let v = match clo.captured.get(cap as usize) {
                        Some(c) => c.borrow().clone(),
                        None => return Err(internal(cx, "capture out of range")),
                    };
                    self.regs[reg(dst)] = v;
                }
                Op::StoreCap { cap, src } => match clo.captured.get(cap as usize) {
                    Some(c) => *c.borrow_mut() = self.regs[reg(src)].clone(),
                    None => return Err(internal(cx, "capture out of range")),
                },
                Op::LoadGlobal { dst, global } => {
                    let v = match cx.env().globals.get(global as usize) {
                        Some(c) => c.borrow().clone(),
                        None => return Err(internal(cx, "global out of range")),
                    };
                    self.regs[reg(dst)] = v;
                }
                Op::StoreGlobal { global, src } => {
                    let v = self.regs[reg(src)].clone();
                    match cx.env().globals.get(global as usize) {
                        Some(c) => *c.borrow_mut() = v,
                        None => return Err(internal(cx, "global out of range")),
                    }
                }
                Op::Func { dst, func: i } => {
                    let v = match cx.env().funcs.get(i as usize) {
                        Some(c) => Value::Func(FuncVal::Closure(c.clone())),
                        None => return Err(internal(cx, "unknown function")),
                    };
                    self.regs[reg(dst)] = v;
                }
                Op::Closure { dst, lit } => {
                    let code = func.lits[lit as usize].clone();
                    let mut captured = Vec::with_capacity(code.captures.len());
                    for v in &code.captures {
                        captured.push(match *v {
                            crate::ir::Var::Local(s) => {
                                match func.cell_of.get(s as usize).copied().flatten() {
                                    Some(c) => self.cell(cx, cbase, c)?,
                                    None => {
                                        return Err(internal(cx, "captured local not in a cell"))
                                    }
                                }
                            }
                            crate::ir::Var::Capture(i) => match clo.captured.get(i as usize) {
                                Some(c) => c.clone(),
                                None => return Err(internal(cx, "capture out of range")),
                            },
                            crate::ir::Var::Global(i) => match cx.env().globals.get(i as usize) {
                                Some(c) => c.clone(),
                                None => return Err(internal(cx, "global out of range")),
                            },
                        });
                    }
                    self.regs[reg(dst)] =
                        Value::Func(FuncVal::Closure(Rc::new(Closure { code, captured })));
                }
                Op::Neg { dst, x } => {
                    self.regs[reg(dst)] = match self.regs[reg(x)] {
                        Value::Int(n) => Value::Int(n.wrapping_neg()),
                        _ => return Err(internal(cx, "negation of a non-int")),
                    }
                }
                Op::Not { dst, x } => {
                    self.regs[reg(dst)] = match self.regs[reg(x)] {
                        Value::Bool(b) => Value::Bool(!b),
                        _ => return Err(internal(cx, "condition is not a bool")),
                    }
                }
                Op::Arith { op, dst, a, b } => {
                    let (x, y) = (self.regs[reg(a)].clone(), self.regs[reg(b)].clone());
                    self.regs[reg(dst)] = arith(cx, op, x, y)?;
                }
                Op::Cmp { op, dst, a, b } => {
                    let r = compare(cx, op, &self.regs[reg(a)], &self.regs[reg(b)])?;
                    self.regs[reg(dst)] = Value::Bool(r);
                }
                Op::IsNil { dst, x, neg } => {
                    let nil =
                        matches!(self.regs[reg(x)], Value::Nil | Value::Func(FuncVal::Nil(_)));
                    self.regs[reg(dst)] = Value::Bool(nil != neg);
                }
                Op::ToIface { dst, x } => {
                    let v = std::mem::replace(&mut self.regs[reg(x)], Value::Nil);
                    self.regs[reg(dst)] = to_iface(cx.env(), v);
                }
                Op::Assert { dst, x, ty } => {
                    let t = &func.asserts[ty as usize];
                    let v = self.regs[reg(x)].clone();
                    self.regs[reg(dst)] = match assert(&v, &t.to, &t.src) {
                        Ok(()) if t.to == Type::Int => v.concrete(),
                        Ok(()) => v,
                        Err(msg) => {
                            let e = Value::error(crate::value::ErrKind::TypeAssert, msg);
                            return Err(cx.panic(e));
                        }
                    };
                }
                Op::AssertOk { dst, x, ty } => {
                    let t = &func.asserts[ty as usize];
                    let v = self.regs[reg(x)].clone();
                    let (v, ok) = match assert(&v, &t.to, &t.src) {
                        Ok(()) if t.to == Type::Int => (v.concrete(), true),
                        Ok(()) => (v, true),
                        Err(_) => (t.zero.clone(), false),
                    };
                    self.regs[reg(dst)] = v;
                    self.regs[reg(dst) + 1] = Value::Bool(ok);
                }
                Op::Jump { to } => pc = to as usize,
                Op::JumpIf { cond, to } | Op::JumpIfNot { cond, to } => {
                    let want = matches!(op, Op::JumpIf { .. });
                    match self.regs[reg(cond)] {
                        Value::Bool(b) if b == want => pc = to as usize,
                        Value::Bool(_) => {}
                        _ => return Err(internal(cx, "condition is not a bool")),
                    }
                }
                Op::Call {
                    f,
                    args,
                    nargs,
                    dst,
                    nret,
                } => {
                    let target = self.regs[reg(f)].clone();
                    let clo = match target {
                        Value::Func(FuncVal::Closure(c)) => c,
                        Value::Func(FuncVal::Nil(_)) => {
                            return Err(cx.panic(Value::nil_deref_error()))
                        }
                        _ => return Err(internal(cx, "call of a non-func value")),
                    };
                    let Some(callee) = self.table.get(&clo.code).cloned() else {
                        return Err(internal(cx, "function not compiled"));
                    };
                    if let Some(a) = self.acts.last_mut() {
                        a.pc = pc as u32;
                    }
                    let args = if nargs == ALL {
                        Args::Spill
                    } else {
                        Args::Regs(reg(args), nargs as usize)
                    };
                    self.push(cx, callee, clo, args, reg(dst), nret)?;
                    return Ok(Flow::Switch);
                }
                Op::Builtin {
                    b,
                    args,
                    nargs,
                    dst,
                    nret,
                } => {
                    let b = &func.builtins[b as usize];
                    if *b == Builtin::Gosched {
                        if let Some(a) = self.acts.last_mut() {
                            a.pc = pc as u32;
                        }
                        return Ok(Flow::Yield);
                    }
                    let args = self.take_args(base, args, nargs);
                    let vals = call_builtin(cx, b, args)?;
                    self.put_results(base, dst, nret, vals);
                }
                Op::ErrorText { dst, x } => {
                    self.regs[reg(dst)] = match &self.regs[reg(x)] {
                        Value::Err(e) => Value::Str(e.text.clone()),
                        _ => return Err(cx.panic(Value::nil_deref_error())),
                    };
                }
                Op::Defer {
                    site,
                    target,
                    args,
                    nargs,
                } => {
                    let target = match target {
                        DeferTarget::Value(r) => match &self.regs[reg(r)] {
                            Value::Func(FuncVal::Closure(c)) => match self.table.get(&c.code) {
                                Some(f) => VmTarget::Func(f.clone(), c.clone()),
                                None => return Err(internal(cx, "function not compiled")),
                            },
                            Value::Func(FuncVal::Nil(_)) => VmTarget::NilFunc,
                            _ => return Err(internal(cx, "deferred value is not a func")),
                        },
                        DeferTarget::Builtin(b) => {
                            VmTarget::Builtin(func.builtins[b as usize].clone())
                        }
                        DeferTarget::ErrorText(r) => match &self.regs[reg(r)] {
                            Value::Err(_) => VmTarget::Nothing,
                            _ => return Err(cx.panic(Value::nil_deref_error())),
                        },
                    };
                    let args = if nargs != ALL && nargs as usize <= INLINE_ARGS {
                        let a = reg(args);
                        let mut vals: [Value; INLINE_ARGS] = std::array::from_fn(|_| Value::Nil);
                        for (i, v) in vals.iter_mut().enumerate().take(nargs as usize) {
                            *v = self.regs[a + i].clone();
                        }
                        DeferArgs::Inline(nargs as u8, vals)
                    } else {
                        DeferArgs::Heap(self.take_args(base, args, nargs))
                    };
                    let d = VmDeferred { target, args };
                    let open = match self.acts.last() {
                        Some(a) if a.frame.has_open() => self.opens.last_mut(),
                        _ => None,
                    };
                    match open {
                        Some(frame) => {
                            if let Err(SlotOutOfRange(d)) = frame.defer_at(site as usize, d) {
                                cx.defer_call(d);
                            }
                        }
                        None => cx.defer_call(d),
                    }
                }
                Op::Return => return Ok(Flow::Return),
            }
        }
    }
}
