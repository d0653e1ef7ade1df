//! The dispatch loop: runs the top activation's instructions until it
//! calls, returns, yields or unwinds. Each group of instructions has a
//! helper of its own.

use std::sync::Arc;

use deferrt_core::Unwind;

use super::builtins::{call_builtin, internal, raise, step};
use super::fast::Src;
use super::{Args, Cx, Flow, Machine, RETURNED};
use crate::code::{CmpKind, Image, Op, Proto, Reg, TypedOp};
use crate::compile::ALL;
use crate::ir::{Builtin, Var};
use crate::rt::ops::{assert, is_nil, to_iface};
use crate::rt::types::RtType;
use crate::rt::{cell, errors, Closure, FuncVal, Value};
use crate::types::num::NumKind;

/// `r?` in the dispatch loop, keeping the pc of the op that failed in the
/// activation first (a walk through a panicking function reads the line
/// of its panic there; nothing is saved on the ops' normal path).
macro_rules! at_pc {
    ($self:ident, $pc:ident, $r:expr) => {
        match $r {
            Ok(v) => v,
            Err(u) => {
                $self.save_pc($pc);
                return Err(u);
            }
        }
    };
}

impl Machine {
    /// Runs the top activation until it calls, returns, yields or unwinds.
    /// `image` is the machine's own (held by the caller, so that the
    /// running function's code is borrowed from it, not reference-counted
    /// at every entry).
    pub(super) fn exec(&mut self, cx: &mut Cx<'_>, image: &Image) -> Result<Flow, Unwind> {
        // A call continues here with the callee's activation (no return
        // to `run`): only leaving a frame needs `run`'s steps.
        'act: loop {
            let Some(act) = self.acts.last() else {
                return Err(internal(cx, "no activation"));
            };
            let (base, cbase) = (act.base, act.cbase);
            let func = match image.proto(act.clo.proto.index) {
                Some(p) if std::ptr::eq(p, &*act.clo.proto) => p,
                _ => return Err(internal(cx, "a function of another image")),
            };
            let mut pc = act.pc as usize;
            let r = |x: Reg| base + x as usize;
            // A taken jump; a backward one closes a loop and counts its
            // step there (the goroutine may yield, to resume at `to`).
            macro_rules! jump {
                ($to:expr) => {{
                    let to = $to as usize;
                    if to < pc && at_pc!(self, pc, step(cx)) {
                        self.save_pc(to);
                        return Ok(Flow::Yield);
                    }
                    pc = to;
                }};
            }
            loop {
                let Some(op) = func.ops.get(pc) else {
                    return Ok(Flow::Return);
                };
                pc += 1;
                match *op {
                    Op::Step => {
                        if at_pc!(self, pc, step(cx)) {
                            self.save_pc(pc);
                            return Ok(Flow::Yield);
                        }
                    }
                    Op::Const { dst, k } => {
                        let v = func.consts[k as usize].dup();
                        self.regs[r(dst)].set(v);
                    }
                    Op::Move { dst, src } => {
                        let v = self.regs[r(src)].dup();
                        self.regs[r(dst)].set(v);
                    }
                    Op::LoadCell { .. }
                    | Op::StoreCell { .. }
                    | Op::NewCell { .. }
                    | Op::RenewCell { .. } => at_pc!(self, pc, self.cell_op(cx, op, base, cbase)),
                    Op::LoadCap { .. }
                    | Op::DropCap { .. }
                    | Op::StoreCap { .. }
                    | Op::LoadGlobal { .. }
                    | Op::StoreGlobal { .. }
                    | Op::Func { .. } => at_pc!(self, pc, self.var_op(cx, op, base)),
                    Op::Closure { dst, lit } => {
                        let v = at_pc!(self, pc, self.closure(cx, func, cbase, lit));
                        self.regs[base + dst as usize] = v;
                    }
                    Op::Arith { op, dst, a, b } => {
                        at_pc!(self, pc, self.arith(cx, op, r(dst), r(a), Src::Reg(r(b))))
                    }
                    Op::ArithImm { op, dst, a, imm } => {
                        at_pc!(self, pc, self.arith(cx, op, r(dst), r(a), Src::Imm(imm)))
                    }
                    Op::NumImm {
                        op,
                        kind,
                        dst,
                        a,
                        imm,
                    } => at_pc!(
                        self,
                        pc,
                        self.num(cx, (op, NumKind::Int(kind)), r(dst), r(a), Src::Imm(imm))
                    ),
                    Op::Typed(TypedOp::Num {
                        dst,
                        a,
                        b,
                        op,
                        kind,
                    }) => at_pc!(
                        self,
                        pc,
                        self.num(cx, (op, kind), r(dst), r(a), Src::Reg(r(b)))
                    ),
                    Op::Cmp { op, dst, a, b } => {
                        let c = at_pc!(
                            self,
                            pc,
                            self.cmp(cx, CmpKind::Any(op), r(a), Src::Reg(r(b)))
                        );
                        self.regs[r(dst)].set_bool(c);
                    }
                    Op::Typed(TypedOp::NumCmp {
                        dst,
                        a,
                        b,
                        op,
                        kind,
                    }) => {
                        let c = at_pc!(
                            self,
                            pc,
                            self.cmp(cx, CmpKind::Num(op, kind), r(a), Src::Reg(r(b)))
                        );
                        self.regs[r(dst)].set_bool(c);
                    }
                    Op::JumpCmp {
                        cmp,
                        a,
                        b,
                        when,
                        to,
                    } => {
                        if at_pc!(self, pc, self.cmp(cx, cmp, r(a), Src::Reg(r(b)))) == when {
                            jump!(to);
                        }
                    }
                    Op::JumpCmpImm {
                        op,
                        kind,
                        a,
                        imm,
                        when,
                        to,
                    } => {
                        let cmp = match kind {
                            None => CmpKind::Any(op),
                            Some(k) => CmpKind::Num(op, NumKind::Int(k)),
                        };
                        if at_pc!(self, pc, self.cmp(cx, cmp, r(a), Src::Imm(imm))) == when {
                            jump!(to);
                        }
                    }
                    Op::Typed(TypedOp::NumUnary { dst, x, neg, kind }) => {
                        at_pc!(self, pc, self.unary(cx, r(dst), r(x), (neg, kind)))
                    }
                    Op::Typed(TypedOp::Conv { dst, x, from, to }) => {
                        at_pc!(self, pc, self.convert(cx, r(dst), r(x), (from, to)))
                    }
                    Op::Neg { .. } | Op::Not { .. } | Op::IsNil { .. } | Op::ToIface { .. } => {
                        at_pc!(self, pc, self.value_op(cx, op, base))
                    }
                    Op::Assert { .. } | Op::AssertOk { .. } => {
                        at_pc!(self, pc, self.assert_op(cx, op, func, base))
                    }
                    Op::Jump { to } => jump!(to),
                    Op::JumpIf { cond, to } | Op::JumpIfNot { cond, to } => {
                        let want = matches!(op, Op::JumpIf { .. });
                        match self.regs[base + cond as usize] {
                            Value::Bool(b) if b == want => jump!(to),
                            Value::Bool(_) => {}
                            _ => return Err(internal(cx, "condition is not a bool")),
                        }
                    }
                    Op::Call { .. } | Op::CallFunc { .. } => {
                        self.save_pc(pc);
                        at_pc!(self, pc, self.call_op(cx, op, base));
                        continue 'act;
                    }
                    Op::Builtin {
                        b,
                        args,
                        nargs,
                        dst,
                        nret,
                    } if matches!(func.builtins[b as usize], Builtin::Go(_)) => {
                        let Builtin::Go(g) = func.builtins[b as usize] else {
                            continue;
                        };
                        if g.walks_stack() {
                            // runtime.Caller and its kin read the activations,
                            // the top one at this call.
                            self.save_pc(pc);
                            let a = self.take_args(base, args, nargs);
                            let vals = at_pc!(self, pc, self.stack_builtin(cx, g, &a));
                            self.put_results(base, dst, nret, vals);
                        } else if let Some(flow) = at_pc!(
                            self,
                            pc,
                            self.go_builtin_op(cx, g, base, (args, nargs, dst, nret))
                        ) {
                            self.save_pc(pc);
                            return Ok(flow);
                        }
                    }
                    Op::Builtin { b, .. } if func.builtins[b as usize] == Builtin::Gosched => {
                        self.save_pc(pc);
                        return Ok(Flow::Yield);
                    }
                    Op::Builtin {
                        b,
                        args,
                        nargs,
                        dst,
                        nret,
                    } => {
                        let args = self.take_args(base, args, nargs);
                        let vals =
                            at_pc!(self, pc, call_builtin(cx, &func.builtins[b as usize], args));
                        self.put_results(base, dst, nret, vals);
                    }
                    Op::ErrorText { dst, x } => {
                        self.regs[base + dst as usize] = match &self.regs[base + x as usize] {
                            Value::Err(e) => Value::Str(e.text.clone()),
                            _ => return Err(cx.fault(errors::nil_deref())),
                        };
                    }
                    Op::Defer {
                        site,
                        target,
                        args,
                        nargs,
                    } => at_pc!(
                        self,
                        pc,
                        self.defer_op(cx, func, base, (site, target, args, nargs))
                    ),
                    Op::Return => return Ok(Flow::Return),
                    Op::ReturnLeaving => {
                        self.save_pc(pc | RETURNED);
                        return Ok(Flow::Return);
                    }
                    Op::Typed(t) => at_pc!(self, pc, self.typed_op(cx, t, func, (base, cbase))),
                    Op::Comp(c) => at_pc!(self, pc, self.comp_op(cx, c, func, base)),
                    Op::Go(g) => {
                        if let Some(flow) = at_pc!(self, pc, self.go_op(cx, g, func, base)) {
                            self.save_pc(pc);
                            return Ok(flow);
                        }
                    }
                }
            }
        }
    }

    /// Where the top activation resumes.
    fn save_pc(&mut self, pc: usize) {
        if let Some(a) = self.acts.last_mut() {
            a.pc = pc as u32;
        }
    }

    /// Loads, stores and declarations of captured locals.
    fn cell_op(
        &mut self,
        cx: &mut Cx<'_>,
        op: &Op,
        base: usize,
        cbase: usize,
    ) -> Result<(), Unwind> {
        match *op {
            Op::LoadCell { dst, cell: c } => {
                let c = self.cell(cx, cbase, c)?;
                self.regs[base + dst as usize] = c.load(0);
            }
            Op::StoreCell { cell: c, src } => {
                let c = self.cell(cx, cbase, c)?;
                c.store(0, self.regs[base + src as usize].clone());
            }
            Op::NewCell { cell: c, src } => {
                self.cells[cbase + c as usize] = Some(cell(self.regs[base + src as usize].clone()));
            }
            Op::RenewCell { cell: c } => {
                let v = self.cell(cx, cbase, c)?.load(0);
                self.cells[cbase + c as usize] = Some(cell(v));
            }
            _ => return Err(internal(cx, "not a cell instruction")),
        }
        Ok(())
    }

    /// Captured variables, package-level variables and function values.
    fn var_op(&mut self, cx: &mut Cx<'_>, op: &Op, base: usize) -> Result<(), Unwind> {
        fn captured(acts: &[super::Act], i: u32) -> Option<&crate::rt::Cell> {
            acts.last().and_then(|a| a.clo.captured.get(i as usize))
        }
        match *op {
            Op::LoadCap { dst, cap } => match captured(&self.acts, cap) {
                Some(c) => self.regs[base + dst as usize] = c.load(0),
                None => return Err(internal(cx, "capture out of range")),
            },
            Op::DropCap { cap } => {
                // Only this activation holds the closure: its copy of the
                // capture goes (other closures and the declaring function
                // keep the variable's cell if they still use it).
                let clo = self.acts.last_mut().and_then(|a| Arc::get_mut(&mut a.clo));
                if let Some(slot) = clo.and_then(|c| c.captured.get_mut(cap as usize)) {
                    *slot = crate::rt::cell(Value::Nil);
                }
            }
            Op::StoreCap { cap, src } => match captured(&self.acts, cap) {
                Some(c) => c.store(0, self.regs[base + src as usize].clone()),
                None => return Err(internal(cx, "capture out of range")),
            },
            Op::LoadGlobal { dst, global } => match cx.env().globals.get(global as usize) {
                Some(c) => self.regs[base + dst as usize] = c.load(0),
                None => return Err(internal(cx, "global out of range")),
            },
            Op::StoreGlobal { global, src } => {
                let v = self.regs[base + src as usize].clone();
                match cx.env().globals.get(global as usize) {
                    Some(c) => c.store(0, v),
                    None => return Err(internal(cx, "global out of range")),
                }
            }
            Op::Func { dst, func } => match cx.env().funcs.get(func as usize) {
                Some(c) => {
                    self.regs[base + dst as usize] = Value::Func(FuncVal::Closure(c.clone()))
                }
                None => return Err(internal(cx, "unknown function")),
            },
            _ => return Err(internal(cx, "not a variable instruction")),
        }
        Ok(())
    }

    /// A closure of `func.lits[lit]` over the cells its captures name.
    fn closure(
        &mut self,
        cx: &mut Cx<'_>,
        func: &Proto,
        cbase: usize,
        lit: u32,
    ) -> Result<Value, Unwind> {
        let Some(clo) = self.acts.last().map(|a| a.clo.clone()) else {
            return Err(internal(cx, "no activation"));
        };
        let Some(proto) = self
            .image
            .protos
            .get(func.lits[lit as usize] as usize)
            .cloned()
        else {
            return Err(internal(cx, "function literal not compiled"));
        };
        let mut captured = Vec::with_capacity(proto.captures.len());
        for v in &proto.captures {
            captured.push(match *v {
                Var::Local(s) => match func.cell_of.get(s as usize).copied().flatten() {
                    Some(c) => self.cell(cx, cbase, c)?,
                    None => return Err(internal(cx, "captured local not in a cell")),
                },
                Var::Capture(i) => match clo.captured.get(i as usize) {
                    Some(c) => c.clone(),
                    None => return Err(internal(cx, "capture out of range")),
                },
                Var::Global(i) => match cx.env().globals.get(i as usize) {
                    Some(c) => c.clone(),
                    None => return Err(internal(cx, "global out of range")),
                },
            });
        }
        Ok(Value::Func(FuncVal::Closure(Arc::new(Closure {
            proto,
            captured,
        }))))
    }

    /// `-x`, `!x`, `x == nil` and the conversion to an interface.
    fn value_op(&mut self, cx: &mut Cx<'_>, op: &Op, base: usize) -> Result<(), Unwind> {
        let r = |x: Reg| base + x as usize;
        let (dst, v) = match *op {
            Op::Neg { dst, x } => match self.regs[r(x)] {
                Value::Int(n) => (dst, Value::Int(n.wrapping_neg())),
                _ => return Err(internal(cx, "negation of a non-int")),
            },
            Op::Not { dst, x } => match self.regs[r(x)] {
                Value::Bool(b) => (dst, Value::Bool(!b)),
                _ => return Err(internal(cx, "condition is not a bool")),
            },
            Op::IsNil { dst, x, neg } => (dst, Value::Bool(is_nil(&self.regs[r(x)]) != neg)),
            Op::ToIface { dst, x } => {
                let v = std::mem::replace(&mut self.regs[r(x)], Value::Nil);
                let host = cx.env();
                (dst, to_iface(v, |s| host.is_literal(s)))
            }
            _ => return Err(internal(cx, "not an operator instruction")),
        };
        self.regs[r(dst)] = v;
        Ok(())
    }

    /// `x.(T)`, panicking or comma-ok.
    fn assert_op(
        &mut self,
        cx: &mut Cx<'_>,
        op: &Op,
        func: &Proto,
        base: usize,
    ) -> Result<(), Unwind> {
        let (Op::Assert { dst, x, ty } | Op::AssertOk { dst, x, ty }) = *op else {
            return Err(internal(cx, "not an assertion"));
        };
        let t = &func.asserts[ty as usize];
        let v = self.regs[base + x as usize].clone();
        let checked = assert(&v, &t.to, &t.src);
        let v = match &t.to {
            RtType::Int => v.concrete(),
            RtType::Concrete(_) => crate::rt::iface::unbox(v),
            _ => v,
        };
        let dst = base + dst as usize;
        match (op, checked) {
            (Op::Assert { .. }, Ok(())) => self.regs[dst] = v,
            (Op::Assert { .. }, Err(msg)) => return Err(cx.panic(errors::type_assert(msg))),
            (_, Ok(())) => {
                self.regs[dst] = v;
                self.regs[dst + 1] = Value::Bool(true);
            }
            (_, Err(_)) => {
                self.regs[dst] = t.zero.clone();
                self.regs[dst + 1] = Value::Bool(false);
            }
        }
        Ok(())
    }

    /// A call of a func value or of a top-level function: pushes the
    /// callee's activation.
    fn call_op(&mut self, cx: &mut Cx<'_>, op: &Op, base: usize) -> Result<(), Unwind> {
        let (Op::Call {
            args,
            nargs,
            dst,
            nret,
            ..
        }
        | Op::CallFunc {
            args,
            nargs,
            dst,
            nret,
            ..
        }) = *op
        else {
            return Err(internal(cx, "not a call"));
        };
        let (clo, recv, wrap) = match *op {
            Op::CallFunc { func, .. } => match cx.env().funcs.get(func as usize) {
                Some(c) => (c.clone(), None, None),
                None => return Err(internal(cx, "unknown function")),
            },
            Op::Call { f, .. } => match &self.regs[base + f as usize] {
                Value::Func(FuncVal::Closure(c)) => (c.clone(), None, None),
                Value::Func(FuncVal::Bound(b)) if nargs != ALL || self.forwards_deferred() => {
                    (b.0.clone(), Some(b.1.clone()), None)
                }
                // A method value called with a multi-valued call's results:
                // the receiver goes first in the spill.
                Value::Func(FuncVal::Bound(b)) => {
                    self.spill.insert(0, b.1.clone());
                    (b.0.clone(), None, None)
                }
                Value::Func(FuncVal::Wrap(w)) => (w.clo.clone(), None, Some(w.clone())),
                Value::Func(FuncVal::Nil(_)) => return Err(cx.fault(errors::nil_deref())),
                _ => return Err(internal(cx, "call of a non-func value")),
            },
            _ => return Err(internal(cx, "not a call")),
        };
        if self.forwards_deferred() {
            return self.forward_deferred(cx, (clo, recv, wrap), base + args as usize, nargs);
        }
        if let Some(w) = wrap {
            let args = self.wrapped_args(cx, &w, base + args as usize, nargs)?;
            return self.push(cx, clo, args, base + dst as usize, nret);
        }
        let args = match recv {
            Some(recv) => Args::Bound(recv, base + args as usize, nargs as usize),
            None if nargs == ALL => Args::Spill,
            None => Args::Regs(base + args as usize, nargs as usize),
        };
        self.push(cx, clo, args, base + dst as usize, nret)
    }
}

impl Machine {
    /// The arguments of a call of the wrapper `w` (the receiver followed
    /// now, as gc's wrapper does when it runs), from `nargs` registers at
    /// `a` or the spill buffer: the receiver replaces the first argument,
    /// or comes before them for a method value.
    pub(super) fn wrapped_args(
        &mut self,
        cx: &mut Cx<'_>,
        w: &crate::rt::value::Wrap,
        a: usize,
        nargs: u32,
    ) -> Result<Args, Unwind> {
        let raw = match (&w.recv, nargs == ALL) {
            (Some(r), _) => r,
            (None, true) => self.spill.first().unwrap_or(&Value::Nil),
            (None, false) => &self.regs[a],
        };
        let rv = crate::rt::iface::wrap_receiver(w, raw).map_err(|t| raise(cx, t))?;
        Ok(match (w.recv.is_some(), nargs == ALL) {
            (true, false) => Args::Bound(rv, a, nargs as usize),
            (true, true) => {
                self.spill.insert(0, rv);
                Args::Spill
            }
            (false, true) => {
                if let Some(first) = self.spill.first_mut() {
                    *first = rv;
                }
                Args::Spill
            }
            (false, false) => {
                self.regs[a] = rv;
                Args::Regs(a, nargs as usize)
            }
        })
    }
}
