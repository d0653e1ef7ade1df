//! Compiles the checker's tree ([`crate::ir`]) to register code
//! ([`crate::code`]), one function at a time; `image` drives it over the
//! whole program.
//!
//! Expressions are always evaluated into fresh temporaries (never straight
//! into a local's register), so `x = 1 + x` reads `x` before it is written.
//! A local is a plain register unless a function literal of this function
//! captures it: then it is a cell (an `Obj` of one slot).

mod calc;
mod captures;
mod composite;
mod devirt;
mod goroutines;
mod hoist;
mod image;
mod liveness;
mod order;
mod typed;
mod types;

pub use image::program;

use std::sync::Arc;

use crate::code::{AssertTypes, DeferTarget, Loc, Op, Proto, Reg};
use crate::ir::{Args, Call, Const, Expr, FuncCode, Lhs, Rhs, Stmt, Target, Var};
use crate::rt::Value;
use crate::types::Type;
use captures::captured_locals;
use image::Ctx;

/// `nret` / `nargs` meaning "all of a call's results, through the spill
/// buffer" (`f(g())` with a multi-valued `g`).
pub const ALL: u32 = u32::MAX;

/// Compiles a function (`body` with `ir`'s slots: its body, or the
/// package-level initialisation for a function with no locals).
fn function(cx: &mut Ctx, ir: &FuncCode, body: &[Stmt], entry: bool) -> Proto {
    let mut c = Compiler::new(cx, ir, body);
    // A call counts one step: unbounded recursion passes here again and
    // again (a loop's or a goto's backward jump counts one too).
    c.emit(Op::Step);
    if entry {
        c.entry();
    }
    c.body(body, entry);
    c.finish()
}

/// Jumps to patch at the end of a loop.
#[derive(Default)]
struct LoopJumps {
    breaks: Vec<usize>,
    continues: Vec<usize>,
}

struct Compiler<'a> {
    cx: &'a mut Ctx,
    ir: &'a FuncCode,
    f: Proto,
    cell_of: Vec<Option<u32>>,
    next: Reg,
    loops: Vec<LoopJumps>,
    /// Labels and gotos (compile/composite.rs).
    jumps: composite::Labels,
    /// The locals whose interface method calls gc devirtualizes
    /// (compile/devirt.rs).
    devirt: Vec<bool>,
    /// Clearing locals after their last use (compile/liveness.rs).
    live: Option<liveness::Live>,
    /// The highest temporary in use since the current top-level statement
    /// began (compile/liveness.rs clears them after it).
    hwm: Reg,
    /// The calls of the current statement already run into temporaries
    /// (by address of their node; compile/hoist.rs).
    hoisted: Vec<(usize, Reg)>,
}

impl<'a> Compiler<'a> {
    fn new(cx: &'a mut Ctx, ir: &'a FuncCode, body: &[Stmt]) -> Self {
        let mut captured = vec![false; ir.nslots];
        captured_locals(body, &mut captured);
        let devirt = devirt::devirtualized(ir, body, &captured);
        let mut ncells = 0;
        let cell_of = captured
            .iter()
            .map(|&c| {
                c.then(|| {
                    ncells += 1;
                    ncells - 1
                })
            })
            .collect();
        let nslots = ir.nslots as Reg;
        let cx_finalizers = cx.finalizers;
        Compiler {
            f: Proto {
                // Set when the image is put together.
                index: 0,
                name: Arc::from(&*ir.name),
                sig: cx.sig_name(&ir.sig),
                open: ir.open,
                wrapper: ir.wrapper,
                captures: ir.captures.clone(),
                // Room for a small function's code without regrowing.
                ops: Vec::with_capacity(32),
                consts: Vec::new(),
                builtins: Vec::new(),
                asserts: Vec::new(),
                lits: Vec::new(),
                nregs: nslots,
                defers: 0,
                ncells,
                cell_of: Vec::new(),
                params: Vec::new(),
                results: Vec::new(),
                paths: Vec::new(),
                names: Vec::new(),
                lines: Vec::new(),
            },
            cell_of,
            cx,
            ir,
            next: nslots,
            loops: Vec::new(),
            jumps: composite::Labels::default(),
            devirt,
            live: liveness::Live::new(cx_finalizers, (ir.nslots, ir.captures.len()), body),
            hwm: nslots,
            hoisted: Vec::new(),
        }
    }

    fn finish(mut self) -> Proto {
        let at = self.emit(Op::Return) as u32;
        self.exit_line(at, self.ir.end_line);
        self.finish_liveness();
        if self.f.defers > 0 {
            // Returns that start an exit running deferred calls keep where
            // they returned (for `runtime.Caller` in those calls).
            for op in &mut self.f.ops {
                if matches!(op, Op::Return) {
                    *op = Op::ReturnLeaving;
                }
            }
        }
        self.patch_gotos();
        self.f.cell_of = self.cell_of;
        self.f
    }

    fn loc(&self, slot: u32) -> Loc {
        if let Some(l) = &self.live {
            l.touch(slot);
        }
        match self.cell_of.get(slot as usize).copied().flatten() {
            Some(c) => Loc::Cell(c),
            None => Loc::Reg(slot),
        }
    }

    /// Parameters arrive in their registers; captured ones move to cells.
    /// Results start at their zero values.
    fn entry(&mut self) {
        let ir = self.ir;
        for p in 0..ir.nparams as u32 {
            let loc = self.loc(p);
            if let Loc::Cell(cell) = loc {
                self.emit(Op::NewCell { cell, src: p });
            }
            self.f.params.push(loc);
        }
        for (slot, zero) in &ir.results {
            let k = self.konst(zero);
            self.emit(Op::Const { dst: *slot, k });
            let loc = self.loc(*slot);
            if let Loc::Cell(cell) = loc {
                self.emit(Op::NewCell { cell, src: *slot });
            }
            self.f.results.push((loc, k));
        }
    }

    fn emit(&mut self, op: Op) -> usize {
        self.f.ops.push(op);
        self.f.ops.len() - 1
    }

    fn here(&self) -> u32 {
        self.f.ops.len() as u32
    }

    /// Points the jump at `at` to the current position.
    fn patch(&mut self, at: usize) {
        self.patch_to(at, self.here());
    }

    /// Points the jump at `at` to the op `to`.
    fn patch_to(&mut self, at: usize, to: u32) {
        match self.f.ops.get_mut(at) {
            Some(
                Op::Jump { to: t }
                | Op::JumpIf { to: t, .. }
                | Op::JumpIfNot { to: t, .. }
                | Op::JumpCmp { to: t, .. }
                | Op::JumpCmpImm { to: t, .. },
            ) => *t = to,
            _ => debug_assert!(false, "patching a non-jump"),
        }
    }

    fn konst(&mut self, c: &Const) -> u32 {
        let v = self.cx.value(c);
        self.value(v)
    }

    fn value(&mut self, v: Value) -> u32 {
        self.f.consts.push(v);
        self.f.consts.len() as u32 - 1
    }

    /// `n` consecutive temporaries.
    fn temps(&mut self, n: u32) -> Reg {
        let r = self.next;
        self.next += n;
        self.f.nregs = self.f.nregs.max(self.next);
        self.hwm = self.hwm.max(self.next);
        r
    }

    fn block(&mut self, stmts: &[Stmt]) {
        for s in stmts {
            self.stmt(s);
        }
    }

    fn stmt(&mut self, s: &Stmt) {
        let mark = self.next;
        let hoisted = self.hoisted.len();
        self.hoist_stmt(s);
        match s {
            Stmt::Expr(Expr::Call(c)) => {
                let t = self.temps(1);
                self.call(c, t, 0);
            }
            Stmt::Expr(e) => {
                let t = self.temps(1);
                self.expr(e, t);
            }
            Stmt::Assign { lhs, rhs } => {
                if let ([l], Rhs::List(es)) = (&lhs[..], rhs) {
                    if let [e] = &es[..] {
                        if self.assign_direct(*l, e) {
                            self.next = mark;
                            return;
                        }
                    }
                }
                let t = self.rhs(rhs, lhs.len() as u32);
                for (i, l) in lhs.iter().enumerate() {
                    self.store(*l, t + i as u32);
                }
            }
            Stmt::OpAssign { var, op, rhs } => self.op_assign(*var, *op, rhs),
            Stmt::If {
                init,
                cond,
                then,
                els,
            } => self.if_stmt(init.as_deref(), cond, then, els),
            Stmt::For {
                init,
                cond,
                post,
                body,
                per_iter,
            } => self.for_loop(
                init.as_deref(),
                cond.as_ref(),
                post.as_deref(),
                body,
                per_iter,
            ),
            Stmt::Block(b) => self.block(b),
            Stmt::Break => {
                let j = self.emit(Op::Jump { to: 0 });
                if let Some(l) = self.loops.last_mut() {
                    l.breaks.push(j);
                }
            }
            Stmt::Continue => {
                let j = self.emit(Op::Jump { to: 0 });
                if let Some(l) = self.loops.last_mut() {
                    l.continues.push(j);
                }
            }
            Stmt::Return(rhs, line) => self.return_stmt(rhs.as_ref(), *line),
            Stmt::Defer { call, site } => self.defer(call, *site),
            Stmt::Go(g) => self.go_stmt(g),
            Stmt::Typed(t) => self.typed_stmt(t),
            Stmt::Comp(c) => self.comp_stmt(c),
            Stmt::At(line, s) => {
                let start = self.f.ops.len() as u32;
                self.stmt(s);
                let end = self.f.ops.len() as u32;
                self.f.lines.push((start, end, *line));
            }
        }
        self.hoisted.truncate(hoisted);
        self.next = mark;
    }

    /// `x op= y`: the operand first, then the variable, as the tree walker.
    fn op_assign(&mut self, var: Var, op: crate::ir::Arith, rhs: &Expr) {
        if self.op_assign_direct(var, op, rhs) {
            return;
        }
        let t = self.temps(2);
        self.expr(rhs, t + 1);
        self.load(var, t);
        self.emit(Op::Arith {
            op,
            dst: t,
            a: t,
            b: t + 1,
        });
        self.store(Lhs::Set(var), t);
    }

    fn if_stmt(&mut self, init: Option<&Stmt>, cond: &Expr, then: &[Stmt], els: &[Stmt]) {
        if let Some(i) = init {
            self.stmt(i);
        }
        self.hoist(&[cond]);
        let to_else = self.jump_when(cond, false);
        self.block(then);
        // No jump over an empty else.
        let to_end = (!els.is_empty()).then(|| self.emit(Op::Jump { to: 0 }));
        for j in to_else {
            self.patch(j);
        }
        self.block(els);
        if let Some(j) = to_end {
            self.patch(j);
        }
    }

    /// `return`: the values go to the result slots, then the function leaves.
    fn return_stmt(&mut self, rhs: Option<&Rhs>, line: u32) {
        if let (Some(Rhs::List(es)), [(slot, _)]) = (rhs, &self.ir.results[..]) {
            if let [e] = &es[..] {
                let slot = *slot;
                if !self.assign_direct(Lhs::Set(Var::Local(slot)), e) {
                    let t = self.temps(1);
                    self.expr(e, t);
                    self.store(Lhs::Set(Var::Local(slot)), t);
                }
            }
        } else if let Some(rhs) = rhs {
            let results: Vec<u32> = self.ir.results.iter().map(|(s, _)| *s).collect();
            if let Rhs::List(es) = rhs {
                if self.return_moves(es, &results) {
                    let at = self.emit(Op::Return) as u32;
                    self.exit_line(at, line);
                    return;
                }
            }
            let t = self.rhs(rhs, results.len() as u32);
            for (i, s) in results.into_iter().enumerate() {
                self.store(Lhs::Set(Var::Local(s)), t + i as u32);
            }
        }
        let at = self.emit(Op::Return) as u32;
        self.exit_line(at, line);
    }

    /// The line gc gives the exit at the return op `at` of a `return` at
    /// `line`, when the exit runs deferred calls: the statement's line in
    /// an open-coded frame, the closing brace's in a chain frame.
    fn exit_line(&mut self, at: u32, line: u32) {
        let line = if self.ir.open { line } else { self.ir.end_line };
        if line != 0 {
            self.f.lines.push((at, at + 1, line));
        }
    }

    /// A `for` loop. With a condition it is rotated, gc's layout: the
    /// condition is tested at the bottom (after a first jump to it), so an
    /// iteration ends with one conditional jump back instead of a jump to
    /// the top and a test there. The jump back counts the iteration's step
    /// (every backward jump does: vm/ops.rs).
    fn for_loop(
        &mut self,
        init: Option<&Stmt>,
        cond: Option<&Expr>,
        post: Option<&Stmt>,
        body: &[Stmt],
        per_iter: &[u32],
    ) {
        if let Some(i) = init {
            self.stmt(i);
        }
        let to_test = cond.map(|_| self.emit(Op::Jump { to: 0 }));
        let top = self.here();
        self.loops.push(LoopJumps::default());
        self.block(body);
        let jumps = self.loops.pop().unwrap_or_default();
        for j in jumps.continues {
            self.patch(j);
        }
        // Go 1.22: the next iteration's copy of each loop variable is made
        // before the post statement (only a captured one can tell).
        for s in per_iter {
            if let Loc::Cell(cell) = self.loc(*s) {
                self.emit(Op::RenewCell { cell });
            }
        }
        if let Some(p) = post {
            self.stmt(p);
        }
        match (cond, to_test) {
            (Some(c), Some(j)) => {
                self.patch(j);
                let hoisted = self.hoisted.len();
                let mark = self.next;
                self.hoist(&[c]);
                for j in self.jump_when(c, true) {
                    self.patch_to(j, top);
                }
                self.hoisted.truncate(hoisted);
                self.next = mark;
            }
            _ => {
                self.emit(Op::Jump { to: top });
            }
        }
        for j in jumps.breaks {
            self.patch(j);
        }
    }

    /// Evaluates right-hand sides for `n` targets into consecutive
    /// temporaries; returns the first.
    fn rhs(&mut self, rhs: &Rhs, n: u32) -> Reg {
        let t = self.temps(n.max(1));
        match rhs {
            // gc's order: the values with calls first, then the reads
            // (`return x, x.m()` reads `x` after `m` ran; `compile/order.rs`).
            Rhs::List(es) => {
                for i in order::arg_order(es) {
                    self.expr(&es[i], t + i as u32);
                }
            }
            Rhs::Multi(Expr::Call(c)) => self.call(c, t, n),
            Rhs::Multi(e) => self.expr(e, t),
            Rhs::RecvOk { ch, zero } => self.recv(ch, zero, t, true),
            Rhs::MapOk { m, k, zero, at } => self.map_ok(m, (k, at.as_ref()), zero, t),
            Rhs::AssertOk { x, to, zero } => {
                // Two targets: the value in t, ok in t + 1.
                self.expr(x, t);
                let zero = self.cx.value(zero);
                self.f.asserts.push(AssertTypes {
                    to: self.cx.rt_type(to),
                    src: self.cx.rt_type(&Type::Any),
                    zero,
                });
                let ty = self.f.asserts.len() as u32 - 1;
                self.emit(Op::AssertOk { dst: t, x: t, ty });
            }
        }
        t
    }

    /// Capture `cap` is used by the code being compiled (liveness).
    pub(super) fn touch_cap(&self, cap: u32) {
        if let Some(l) = &self.live {
            l.touch_var(Var::Capture(cap));
        }
    }

    fn load(&mut self, v: Var, dst: Reg) {
        match v {
            Var::Local(s) => match self.loc(s) {
                Loc::Cell(cell) => self.emit(Op::LoadCell { dst, cell }),
                Loc::Reg(src) => self.emit(Op::Move { dst, src }),
            },
            Var::Capture(cap) => {
                self.touch_cap(cap);
                self.emit(Op::LoadCap { dst, cap })
            }
            Var::Global(global) => self.emit(Op::LoadGlobal { dst, global }),
        };
    }

    fn store(&mut self, l: Lhs, src: Reg) {
        match l {
            Lhs::Blank => {}
            Lhs::Set(Var::Local(s)) => {
                match self.loc(s) {
                    Loc::Cell(cell) => self.emit(Op::StoreCell { cell, src }),
                    Loc::Reg(dst) => self.emit(Op::Move { dst, src }),
                };
            }
            Lhs::Set(Var::Capture(cap)) => {
                self.touch_cap(cap);
                self.emit(Op::StoreCap { cap, src });
            }
            Lhs::Set(Var::Global(global)) => {
                self.emit(Op::StoreGlobal { global, src });
            }
            Lhs::Declare(s) => {
                match self.loc(s) {
                    Loc::Cell(cell) => self.emit(Op::NewCell { cell, src }),
                    Loc::Reg(dst) => self.emit(Op::Move { dst, src }),
                };
            }
        }
    }

    /// Evaluates `e` into the temporary `dst`.
    fn expr(&mut self, e: &Expr, dst: Reg) {
        if let Some(src) = self.hoisted_reg(e) {
            if src != dst {
                self.emit(Op::Move { dst, src });
            }
            return;
        }
        let mark = self.next;
        match e {
            Expr::Const(v) => {
                let k = self.konst(v);
                self.emit(Op::Const { dst, k });
            }
            Expr::Load(v) => self.load(*v, dst),
            Expr::Func(func) => {
                self.emit(Op::Func { dst, func: *func });
            }
            Expr::Lit(code) => {
                if let Some(l) = &self.live {
                    for v in &code.captures {
                        l.touch_var(*v);
                    }
                }
                let idx = self.cx.lit(code);
                self.f.lits.push(idx);
                let lit = self.f.lits.len() as u32 - 1;
                self.emit(Op::Closure { dst, lit });
            }
            Expr::At(line, x) => {
                let start = self.f.ops.len() as u32;
                self.expr(x, dst);
                let end = self.f.ops.len() as u32;
                self.f.lines.push((start, end, *line));
            }
            Expr::Neg(x) => {
                self.expr(x, dst);
                self.emit(Op::Neg { dst, x: dst });
            }
            Expr::Not(x) => {
                self.expr(x, dst);
                self.emit(Op::Not { dst, x: dst });
            }
            Expr::Arith(..) | Expr::Cmp(..) => {
                self.calc(e, dst, true);
            }
            Expr::IsNil(x, neg) => {
                self.expr(x, dst);
                self.emit(Op::IsNil {
                    dst,
                    x: dst,
                    neg: *neg,
                });
            }
            Expr::And(a, b) | Expr::Or(a, b) => {
                let hoisted = self.hoisted.len();
                self.hoist(&[a]);
                self.expr(a, dst);
                let j = if matches!(e, Expr::And(..)) {
                    self.emit(Op::JumpIfNot { cond: dst, to: 0 })
                } else {
                    self.emit(Op::JumpIf { cond: dst, to: 0 })
                };
                // The right operand is a statement of its own (gc).
                self.hoist(&[b]);
                self.expr(b, dst);
                self.patch(j);
                self.hoisted.truncate(hoisted);
            }
            Expr::ToIface(x) => {
                self.expr(x, dst);
                self.emit(Op::ToIface { dst, x: dst });
            }
            Expr::Call(c) => self.call(c, dst, 1),
            Expr::Go(g) => self.go_expr(g, dst),
            Expr::Typed(t) => {
                if !self.calc(e, dst, true) {
                    self.typed_expr(t, dst);
                }
            }
            Expr::Comp(c) => self.comp_expr(c, dst),
            Expr::Assert { x, to, src } => {
                self.expr(x, dst);
                self.f.asserts.push(AssertTypes {
                    to: self.cx.rt_type(to),
                    src: self.cx.rt_type(src),
                    zero: Value::Nil,
                });
                let ty = self.f.asserts.len() as u32 - 1;
                self.emit(Op::Assert { dst, x: dst, ty });
            }
        }
        self.next = mark;
    }

    /// Evaluates `a` into `dst` and `b` into a new temporary, returned.
    fn operands(&mut self, a: &Expr, b: &Expr, dst: Reg) -> Reg {
        let t = self.temps(1);
        self.expr(a, dst);
        self.expr(b, t);
        t
    }

    /// Evaluates arguments into consecutive temporaries: `(first, count)`,
    /// count [`ALL`] when they come from a multi-valued call.
    fn args(&mut self, args: &Args) -> (Reg, u32) {
        match args {
            Args::List(es) => {
                let t = self.temps(es.len() as u32);
                for i in order::arg_order(es) {
                    self.expr(&es[i], t + i as u32);
                }
                (t, es.len() as u32)
            }
            Args::Spread(Expr::Call(c)) => {
                let t = self.temps(1);
                self.call(c, t, ALL);
                (t, ALL)
            }
            Args::Unpack(fixed, rest) => self.unpack_args(fixed, rest),
            Args::Spread(e) => {
                let t = self.temps(1);
                self.expr(e, t);
                (t, 1)
            }
        }
    }

    fn builtin(&mut self, b: &crate::ir::Builtin) -> u32 {
        self.f.builtins.push(b.clone());
        self.f.builtins.len() as u32 - 1
    }

    /// A call whose first `nret` results go to `dst..` (or to the spill
    /// buffer for [`ALL`]).
    fn call(&mut self, c: &Call, dst: Reg, nret: u32) {
        let start = self.f.ops.len() as u32;
        self.call_ops(c, dst, nret);
        if c.line != 0 {
            let end = self.f.ops.len() as u32;
            self.f.lines.push((start, end, c.line));
        }
    }

    fn call_ops(&mut self, c: &Call, dst: Reg, nret: u32) {
        let mark = self.next;
        let own = self.enter_call();
        match &c.target {
            Target::Builtin(b) => {
                let b = self.builtin(b);
                let (args, nargs) = self.args(&c.args);
                self.emit_call(
                    own,
                    Op::Builtin {
                        b,
                        args,
                        nargs,
                        dst,
                        nret,
                    },
                );
            }
            Target::ErrorMethod(x) => {
                let t = self.temps(1);
                self.expr(x, t);
                self.emit_call(own, Op::ErrorText { dst, x: t });
            }
            Target::Value(Expr::Func(func)) => {
                let (args, nargs) = self.args(&c.args);
                self.emit_call(
                    own,
                    Op::CallFunc {
                        func: *func,
                        args,
                        nargs,
                        dst,
                        nret,
                    },
                );
            }
            Target::Value(f) => {
                // `x.M(g())`: `g` runs before the receiver is read (gc's
                // order, see `order`); nothing but a call touches the spill.
                let args_first = matches!(c.args, Args::Spread(_)) && order::reads_only(f);
                let fr = self.temps(1);
                let (args, nargs) = if args_first {
                    let a = self.args(&c.args);
                    self.expr(f, fr);
                    a
                } else {
                    self.expr(f, fr);
                    self.args(&c.args)
                };
                self.emit_call(
                    own,
                    Op::Call {
                        f: fr,
                        args,
                        nargs,
                        dst,
                        nret,
                    },
                );
            }
            Target::Iface(x, name) => {
                let (f, args, nargs) = self.method_call(x, name, &c.args);
                self.emit_call(
                    own,
                    Op::Call {
                        f,
                        args,
                        nargs,
                        dst,
                        nret,
                    },
                );
            }
        }
        self.next = mark;
    }

    /// Emits a call op; a statement that is this one call first clears the
    /// locals only the call touches (compile/liveness.rs).
    fn emit_call(&mut self, own: bool, op: Op) {
        if own {
            self.before_call_op();
        }
        self.emit(op);
    }

    fn defer(&mut self, c: &Call, site: u32) {
        if let (Target::Value(f), Args::Spread(_)) = (&c.target, &c.args) {
            if order::reads_only(f) {
                // `defer x.M(g())`: `g` first, as for a call.
                let t = self.temps(1);
                let (args, nargs) = self.args(&c.args);
                self.expr(f, t);
                self.f.defers += 1;
                let target = DeferTarget::Value(t);
                self.emit(Op::Defer {
                    site,
                    target,
                    args,
                    nargs,
                });
                return;
            }
        }
        let target = match &c.target {
            Target::Value(f) => {
                let t = self.temps(1);
                self.expr(f, t);
                DeferTarget::Value(t)
            }
            Target::Builtin(b) => DeferTarget::Builtin(self.builtin(b)),
            Target::ErrorMethod(x) => {
                let t = self.temps(1);
                self.expr(x, t);
                DeferTarget::ErrorText(t)
            }
            Target::Iface(x, name) => {
                let (f, args, nargs) = self.method_call(x, name, &c.args);
                self.f.defers += 1;
                self.emit(Op::Defer {
                    site,
                    target: DeferTarget::Value(f),
                    args,
                    nargs,
                });
                return;
            }
        };
        let (args, nargs) = self.args(&c.args);
        self.f.defers += 1;
        self.emit(Op::Defer {
            site,
            target,
            args,
            nargs,
        });
    }
}
