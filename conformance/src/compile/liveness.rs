//! Clearing locals after their last use, as gc's liveness analysis makes
//! them dead, in programs that call `runtime.SetFinalizer` (the only way a
//! run can tell: a finalizer runs once nothing refers to its object).
//!
//! gc scans only the live variables of a frame: a local, parameter or
//! temporary that is never read again does not keep its object, so
//! `h.check(); runtime.GC()` may finalize `*h`, and a variable whose last
//! use is an argument of a call is dead during that call. Results stay
//! live (a function with defers reads them at its exit). minigo's registers
//! hold references until overwritten, so the compiler clears them:
//!
//! * The compiler records, for every local slot, the last statement of the
//!   function's body (at its top level) whose code touches the slot (every
//!   access goes through `Compiler::loc`; a function literal touches the
//!   locals it captures). After each top-level statement a placeholder
//!   jump is emitted; at the end it jumps to code that clears the slots
//!   whose last statement that was, and the statement's temporaries, then
//!   comes back. A slot touched inside a loop is touched by the loop
//!   statement: it is cleared after the loop.
//! * A statement that is one call (`f(x)`, `v := f(x)`) gets a placeholder
//!   before its call op too: the slots touched only by the call's callee
//!   and arguments, and by no later statement, are cleared there (the
//!   arguments are already in their temporaries, which the call moves).
//! * Unused parameters, and the registers captured parameters arrived in,
//!   are cleared at entry.
//! * A function with a `goto` back to a label of an earlier top-level
//!   statement keeps everything (the code between could run again after
//!   its slots were cleared); jumps inside one top-level statement (the
//!   checker lowers `switch`, `select`, `range` and labeled loops to
//!   labels and jumps) and forward ones are harmless, since slots are
//!   cleared only between top-level statements. Locals of blocks nested
//!   below the top level are kept until their top-level statement ends. Both only keep an object longer, which Go
//!   allows ("not guaranteed to run").

use std::cell::Cell;

use crate::code::{Loc, Op, Reg};
use crate::ir::{CompStmt, GoStmt, Stmt};
use crate::rt::Value;

use super::Compiler;

/// The bookkeeping of one function's compilation.
pub(super) struct Live {
    /// Per slot: 1 + the last top-level statement touching it (0: none).
    last: Vec<Cell<u32>>,
    /// Per slot: 1 + the last top-level statement touching it outside the
    /// callee and arguments of its call (see `Live::in_call`).
    outside: Vec<Cell<u32>>,
    /// 1 + the top-level statement being compiled (0: the entry).
    cur: Cell<u32>,
    /// Compiling the callee and arguments of the statement's own call.
    in_call: Cell<bool>,
    /// The statement being compiled is one call, not reached yet.
    pub(super) pending_call: bool,
    /// Placeholders after statements: (1 + statement, op, temporaries end).
    after: Vec<(u32, usize, Reg)>,
    /// Placeholders before a statement's call: (1 + statement, op).
    before_call: Vec<(u32, usize)>,
    /// Per capture of a function literal: as `last` and `outside` for its
    /// captured variables (the activation's reference is dropped: `DropCap`).
    cap_last: Vec<Cell<u32>>,
    cap_outside: Vec<Cell<u32>>,
}

impl Live {
    /// Bookkeeping for `nslots` slots, or `None` when nothing can observe
    /// liveness (no finalizers) or a `goto` could jump back to a use.
    pub(super) fn new(
        finalizers: bool,
        (nslots, ncaps): (usize, usize),
        body: &[Stmt],
    ) -> Option<Live> {
        (finalizers && !jumps_back(body)).then(|| Live {
            last: (0..nslots).map(|_| Cell::new(0)).collect(),
            outside: (0..nslots).map(|_| Cell::new(0)).collect(),
            cap_last: (0..ncaps).map(|_| Cell::new(0)).collect(),
            cap_outside: (0..ncaps).map(|_| Cell::new(0)).collect(),
            cur: Cell::new(0),
            in_call: Cell::new(false),
            pending_call: false,
            after: Vec::new(),
            before_call: Vec::new(),
        })
    }

    /// The slot `s` is touched by the code being compiled.
    pub(super) fn touch(&self, s: u32) {
        Self::touch_in(
            &self.last,
            &self.outside,
            s,
            self.cur.get(),
            self.in_call.get(),
        );
    }

    /// The variable `v` (a local slot or a capture) is touched.
    pub(super) fn touch_var(&self, v: crate::ir::Var) {
        match v {
            crate::ir::Var::Local(s) => self.touch(s),
            crate::ir::Var::Capture(c) => Self::touch_in(
                &self.cap_last,
                &self.cap_outside,
                c,
                self.cur.get(),
                self.in_call.get(),
            ),
            crate::ir::Var::Global(_) => {}
        }
    }

    fn touch_in(last: &[Cell<u32>], outside: &[Cell<u32>], s: u32, cur: u32, in_call: bool) {
        if let Some(l) = last.get(s as usize) {
            l.set(cur);
        }
        if !in_call {
            if let Some(o) = outside.get(s as usize) {
                o.set(cur);
            }
        }
    }
}

/// Whether a `goto` (a user's, or one the checker lowered a `break`,
/// `continue`, `switch`, `select` or `range` to) jumps back to a label of
/// an earlier top-level statement: the code between could then run again
/// after slots it uses were cleared. A jump within one top-level statement
/// or forward only keeps objects longer (the clearing happens between
/// top-level statements).
fn jumps_back(body: &[Stmt]) -> bool {
    let mut defined = std::collections::HashSet::new();
    for s in body {
        let (mut labels, mut gotos) = (Vec::new(), Vec::new());
        jump_ends(std::slice::from_ref(s), &mut labels, &mut gotos);
        if gotos.iter().any(|g| defined.contains(g)) {
            return true;
        }
        defined.extend(labels);
    }
    false
}

/// The labels and `goto` targets in `stmts`, at any depth.
fn jump_ends(stmts: &[Stmt], labels: &mut Vec<u32>, gotos: &mut Vec<u32>) {
    for s in stmts {
        match s {
            Stmt::Comp(c) => {
                match &**c {
                    CompStmt::Label(l) => labels.push(*l),
                    CompStmt::Goto(l) => gotos.push(*l),
                    _ => {}
                }
                for b in c.blocks() {
                    jump_ends(b, labels, gotos);
                }
            }
            Stmt::If { then, els, .. } => {
                jump_ends(then, labels, gotos);
                jump_ends(els, labels, gotos);
            }
            Stmt::For { body, .. } => jump_ends(body, labels, gotos),
            Stmt::Block(b) => jump_ends(b, labels, gotos),
            Stmt::Go(GoStmt::Select { cases, default, .. }) => {
                for c in cases {
                    jump_ends(&c.body, labels, gotos);
                }
                if let Some(d) = default {
                    jump_ends(d, labels, gotos);
                }
            }
            Stmt::Go(GoStmt::RangeChan { body, .. }) => jump_ends(body, labels, gotos),
            Stmt::At(_, s) => jump_ends(core::slice::from_ref(&**s), labels, gotos),
            _ => {}
        }
    }
}

/// Whether the statement is a `select`: the variables only its channel
/// and value operands use are dead while it waits (gc's liveness), so
/// they are cleared before its select op, as a call's arguments are.
fn one_select(s: &Stmt) -> bool {
    match s {
        Stmt::Go(GoStmt::Select { .. }) => true,
        Stmt::At(_, s) => one_select(s),
        Stmt::Block(b) => b.first().is_some_and(one_select),
        _ => false,
    }
}

/// Whether the statement is one call whose arguments can die at the call.
fn one_call(s: &Stmt) -> bool {
    use crate::ir::{Expr, Rhs};
    match s {
        Stmt::Expr(Expr::Call(_)) => true,
        Stmt::At(_, s) => one_call(s),
        Stmt::Assign { rhs, .. } => {
            matches!(
                rhs,
                Rhs::List(es) if matches!(es.as_slice(), [Expr::Call(_)])
            ) || matches!(rhs, Rhs::Multi(Expr::Call(_)))
        }
        _ => false,
    }
}

impl Compiler<'_> {
    /// Compiles a function's body, clearing locals after their last use
    /// when `self.live` is on.
    pub(super) fn body(&mut self, stmts: &[Stmt], entry: bool) {
        if self.live.is_none() {
            self.block(stmts);
            return;
        }
        if entry {
            self.placeholder_after(0);
        }
        for (i, s) in stmts.iter().enumerate() {
            let n = i as u32 + 1;
            self.hwm = self.next;
            if let Some(l) = &mut self.live {
                l.cur.set(n);
                l.pending_call = one_call(s) || one_select(s);
            }
            self.stmt(s);
            if let Some(l) = &mut self.live {
                l.pending_call = false;
                l.in_call.set(false);
            }
            self.placeholder_after(n);
        }
    }

    fn placeholder_after(&mut self, n: u32) {
        let at = self.emit(Op::Jump { to: 0 });
        self.f.ops[at] = Op::Jump { to: at as u32 + 1 };
        let hwm = self.hwm;
        if let Some(l) = &mut self.live {
            l.after.push((n, at, hwm));
        }
    }

    /// Called by `call_ops` before it compiles a call's callee: the call
    /// is the statement's own (the first one reached) if one is pending.
    pub(super) fn enter_call(&mut self) -> bool {
        match &mut self.live {
            Some(l) if l.pending_call => {
                l.pending_call = false;
                l.in_call.set(true);
                true
            }
            _ => false,
        }
    }

    /// Called by `call_ops` after the statement's own call's arguments,
    /// before its call op.
    pub(super) fn before_call_op(&mut self) {
        let at = self.emit(Op::Jump { to: 0 });
        self.f.ops[at] = Op::Jump { to: at as u32 + 1 };
        if let Some(l) = &mut self.live {
            l.in_call.set(false);
            l.before_call.push((l.cur.get(), at));
        }
    }

    /// Emits the clearing code of every placeholder (after the function's
    /// final return) and points the placeholders at it.
    pub(super) fn finish_liveness(&mut self) {
        let Some(live) = self.live.take() else {
            return;
        };
        let nil = self.value(Value::Nil);
        // A register of its own, above every one the body uses: a kill
        // before a call or a select runs while their operands sit in the
        // temporaries (a temporary here once overwrote a select's channel).
        let tmp = self.f.nregs;
        self.f.nregs += 1;
        let nparams = self.ir.nparams as u32;
        let results: Vec<u32> = self.ir.results.iter().map(|(s, _)| *s).collect();
        let killable = |s: u32| !results.contains(&s);
        let nslots = live.last.len() as u32;
        for &(n, at, hwm) in &live.after {
            let mut kills: Vec<Loc> = Vec::new();
            for s in (0..nslots).filter(|&s| killable(s)) {
                let last = live.last[s as usize].get();
                if n == 0 {
                    // Entry: parameters never used, and the registers
                    // captured parameters arrived in.
                    if s < nparams {
                        if last == 0 {
                            kills.push(self.loc(s));
                        }
                        if matches!(self.loc(s), Loc::Cell(_)) {
                            kills.push(Loc::Reg(s));
                        }
                    }
                } else if last == n {
                    kills.push(self.loc(s));
                }
            }
            let base = self.ir.nslots as Reg;
            kills.extend((base..hwm.max(base)).map(Loc::Reg));
            let caps: Vec<u32> = (0..live.cap_last.len() as u32)
                .filter(|&c| live.cap_last[c as usize].get() == n)
                .collect();
            self.out_of_line(at, (&kills, &caps), nil, tmp);
        }
        for &(n, at) in &live.before_call {
            let kills: Vec<Loc> = (0..nslots)
                .filter(|&s| {
                    killable(s)
                        && live.last[s as usize].get() == n
                        && live.outside[s as usize].get() != n
                })
                .map(|s| self.loc(s))
                .collect();
            let caps: Vec<u32> = (0..live.cap_last.len())
                .filter(|&c| live.cap_last[c].get() == n && live.cap_outside[c].get() != n)
                .map(|c| c as u32)
                .collect();
            self.out_of_line(at, (&kills, &caps), nil, tmp);
        }
    }

    fn out_of_line(&mut self, at: usize, (kills, caps): (&[Loc], &[u32]), nil: u32, tmp: Reg) {
        if kills.is_empty() && caps.is_empty() {
            return;
        }
        let start = self.here();
        for k in kills {
            match *k {
                Loc::Reg(r) => self.emit(Op::Const { dst: r, k: nil }),
                Loc::Cell(cell) => {
                    self.emit(Op::Const { dst: tmp, k: nil });
                    self.emit(Op::NewCell { cell, src: tmp })
                }
            };
        }
        for &cap in caps {
            self.emit(Op::DropCap { cap });
        }
        self.emit(Op::Jump { to: at as u32 + 1 });
        self.f.ops[at] = Op::Jump { to: start };
    }
}
