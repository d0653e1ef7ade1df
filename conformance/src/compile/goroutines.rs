//! Compiling issue 10's statements and expressions: `go`, channel
//! operations, `select`, `range` over a channel, the `sync` objects.

use super::captures::{call_captures, captured_locals, expr_captures as expr_caps};
use super::{Compiler, LoopJumps};
use crate::code::{DeferTarget, GoOp, Loc, Op, Reg};
use crate::ir::{Call, Cmp, Const, Expr, GoExpr, GoStmt, Lhs, SelectComm, Target};

/// Marks the locals that function literals in `s` capture.
pub(super) fn stmt_captures(s: &GoStmt, out: &mut [bool]) {
    match s {
        GoStmt::Spawn(c) => call_captures(c, out),
        GoStmt::Send { ch, v } => {
            expr_caps(ch, out);
            expr_caps(v, out);
        }
        GoStmt::Select { cases, default, .. } => {
            for c in cases {
                expr_caps(&c.ch, out);
                if let SelectComm::Send(v) = &c.comm {
                    expr_caps(v, out);
                }
                captured_locals(&c.body, out);
            }
            if let Some(d) = default {
                captured_locals(d, out);
            }
        }
        GoStmt::RangeChan { ch, body, .. } => {
            expr_caps(ch, out);
            captured_locals(body, out);
        }
    }
}

/// Marks the locals that function literals in `e` capture.
pub(super) fn expr_captures(e: &GoExpr, out: &mut [bool]) {
    match e {
        GoExpr::Recv { ch, .. } => expr_caps(ch, out),
        GoExpr::MakeChan { size } => {
            if let Some(s) = size {
                expr_caps(s, out);
            }
        }
        GoExpr::SyncAt { ptr, .. } => expr_caps(ptr, out),
    }
}

impl Compiler<'_> {
    pub(super) fn go_stmt(&mut self, s: &GoStmt) {
        match s {
            GoStmt::Spawn(c) => self.spawn(c),
            GoStmt::Send { ch, v } => {
                let t = self.temps(2);
                self.expr(ch, t);
                self.expr(v, t + 1);
                self.emit(Op::Go(GoOp::Send { ch: t, v: t + 1 }));
            }
            GoStmt::Select { cases, default, at } => self.select(cases, default.as_deref(), *at),
            GoStmt::RangeChan {
                ch,
                value,
                per_iter,
                body,
            } => self.range_chan(ch, *value, per_iter, body),
        }
    }

    /// `go f(args)`: the func value and the arguments are evaluated here.
    fn spawn(&mut self, c: &Call) {
        if let Target::Iface(x, name) = &c.target {
            // `go x.M(args)` on an interface: the method and its receiver
            // are found now (a nil interface faults here, as in Go).
            let (f, args, nargs) = self.method_call(x, name, &c.args);
            self.emit(Op::Go(GoOp::Spawn {
                target: DeferTarget::Value(f),
                args,
                nargs,
            }));
            return;
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
            Target::Iface(..) => return,
        };
        let (args, nargs) = self.args(&c.args);
        self.emit(Op::Go(GoOp::Spawn {
            target,
            args,
            nargs,
        }));
    }

    /// `<-ch` into `dst` (and `ok` into `dst + 1`).
    pub(super) fn recv(&mut self, ch: &Expr, zero: &Const, dst: Reg, ok: bool) {
        let c = self.temps(1);
        self.expr(ch, c);
        let zero = self.konst(zero);
        self.emit(Op::Go(GoOp::Recv {
            dst,
            ch: c,
            ok,
            zero,
        }));
    }

    pub(super) fn go_expr(&mut self, e: &GoExpr, dst: Reg) {
        match e {
            GoExpr::Recv { ch, zero } => {
                // Two registers: `recv` may write ok after the value.
                let t = self.temps(2);
                self.recv(ch, zero, t, false);
                self.emit(Op::Move { dst, src: t });
            }
            GoExpr::MakeChan { size } => {
                let size = size.as_ref().map(|s| {
                    let t = self.temps(1);
                    self.expr(s, t);
                    t
                });
                self.emit(Op::Go(GoOp::MakeChan { dst, size }));
            }
            GoExpr::SyncAt { ptr, kind } => {
                let p = self.temps(1);
                self.expr(ptr, p);
                self.emit(Op::Go(GoOp::SyncAt {
                    dst,
                    ptr: p,
                    kind: *kind,
                }));
            }
        }
    }

    /// `for v := range ch`: receive until the channel is closed.
    fn range_chan(&mut self, ch: &Expr, value: Lhs, per_iter: &[u32], body: &[crate::ir::Stmt]) {
        let c = self.temps(1);
        self.expr(ch, c);
        let got = self.temps(2);
        let top = self.here();
        let zero = self.value(crate::rt::Value::Nil);
        self.emit(Op::Go(GoOp::Recv {
            dst: got,
            ch: c,
            ok: true,
            zero,
        }));
        let exit = self.emit(Op::JumpIfNot {
            cond: got + 1,
            to: 0,
        });
        self.store(value, got);
        self.loops.push(LoopJumps::default());
        self.block(body);
        let jumps = self.loops.pop().unwrap_or_default();
        for j in jumps.continues {
            self.patch(j);
        }
        for s in per_iter {
            if let Loc::Cell(cell) = self.loc(*s) {
                self.emit(Op::RenewCell { cell });
            }
        }
        self.emit(Op::Jump { to: top });
        for j in jumps.breaks.into_iter().chain([exit]) {
            self.patch(j);
        }
    }

    /// `select`: channels and send values are evaluated in source order,
    /// then one case runs (its received value stored first), or the default.
    fn select(
        &mut self,
        cases: &[crate::ir::SelectCase],
        default: Option<&[crate::ir::Stmt]>,
        at: u32,
    ) {
        let n = cases.len() as u32;
        // A top-level select: what only its operands use dies before it
        // waits (compile/liveness.rs), as a call's arguments do.
        let own = self.enter_call();
        let regs = self.temps(2 * n);
        let mut sends = 0u64;
        for (i, c) in cases.iter().enumerate() {
            let r = regs + 2 * i as u32;
            self.expr(&c.ch, r);
            if let SelectComm::Send(v) = &c.comm {
                self.expr(v, r + 1);
                sends |= 1 << i;
            }
        }
        let dst = self.temps(4);
        if own {
            self.before_call_op();
        }
        let op = self.emit(Op::Go(GoOp::Select {
            regs,
            n,
            sends,
            default: default.is_some(),
            dst,
        })) as u32;
        if at != 0 {
            self.f.lines.push((op, op + 1, at));
        }
        // `break` in a clause leaves the select; `continue` belongs to the
        // enclosing loop.
        self.loops.push(LoopJumps::default());
        let mut ends = Vec::new();
        for (i, c) in cases.iter().enumerate() {
            let k = self.value(crate::rt::Value::Int(i as i64));
            self.emit(Op::Const { dst: dst + 3, k });
            self.emit(Op::Cmp {
                op: Cmp::Eq,
                dst: dst + 3,
                a: dst,
                b: dst + 3,
            });
            let next = self.emit(Op::JumpIfNot {
                cond: dst + 3,
                to: 0,
            });
            if let SelectComm::Recv { value, ok, zero } = &c.comm {
                if !matches!(value, Lhs::Blank) {
                    // Closed: the element type's zero value.
                    let got = self.emit(Op::JumpIf {
                        cond: dst + 2,
                        to: 0,
                    });
                    let z = self.konst(zero);
                    self.emit(Op::Const { dst: dst + 1, k: z });
                    self.patch(got);
                }
                self.store(*value, dst + 1);
                self.store(*ok, dst + 2);
            }
            self.block(&c.body);
            ends.push(self.emit(Op::Jump { to: 0 }));
            self.patch(next);
        }
        if let Some(d) = default {
            self.block(d);
        }
        let jumps = self.loops.pop().unwrap_or_default();
        for j in ends.into_iter().chain(jumps.breaks) {
            self.patch(j);
        }
        if let Some(outer) = self.loops.last_mut() {
            outer.continues.extend(jumps.continues);
        }
    }
}
