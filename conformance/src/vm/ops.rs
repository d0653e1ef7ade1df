//! The dispatch loop: runs the top activation's instructions until it
//! calls, returns, yields or unwinds. Each group of instructions has a
//! helper of its own.

use std::sync::Arc;

use deferrt_core::Unwind;

use super::builtins::{call_builtin, internal, raise, step};
use super::{Args, Cx, Flow, Machine, RETURNED};
use crate::code::{Op, Proto, Reg};
use crate::compile::ALL;
use crate::ir::{Builtin, Var};
use crate::rt::ops::{arith, assert, compare, is_nil, to_iface};
use crate::rt::types::RtType;
use crate::rt::{cell, errors, Closure, FuncVal, Value};

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
    pub(super) fn exec(&mut self, cx: &mut Cx<'_>) -> Result<Flow, Unwind> {
        let Some(act) = self.acts.last() else {
            return Err(internal(cx, "no activation"));
        };
        let (clo, base, cbase) = (act.clo.clone(), act.base, act.cbase);
        let func = &*clo.proto;
        let mut pc = act.pc as usize;
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
                    self.regs[base + dst as usize] = func.consts[k as usize].clone()
                }
                Op::Move { dst, src } => {
                    self.regs[base + dst as usize] = self.regs[base + src as usize].clone()
                }
                Op::LoadCell { .. }
                | Op::StoreCell { .. }
                | Op::NewCell { .. }
                | Op::RenewCell { .. } => at_pc!(self, pc, self.cell_op(cx, op, base, cbase)),
                Op::LoadCap { .. }
                | Op::StoreCap { .. }
                | Op::LoadGlobal { .. }
                | Op::StoreGlobal { .. }
                | Op::Func { .. } => at_pc!(self, pc, self.var_op(cx, op, &clo, base)),
                Op::Closure { dst, lit } => {
                    let v = at_pc!(self, pc, self.closure(cx, func, &clo, cbase, lit));
                    self.regs[base + dst as usize] = v;
                }
                Op::Neg { .. }
                | Op::Not { .. }
                | Op::Arith { .. }
                | Op::Cmp { .. }
                | Op::IsNil { .. }
                | Op::ToIface { .. } => at_pc!(self, pc, self.value_op(cx, op, base)),
                Op::Assert { .. } | Op::AssertOk { .. } => {
                    at_pc!(self, pc, self.assert_op(cx, op, func, base))
                }
                Op::Jump { to } => pc = to as usize,
                Op::JumpIf { cond, to } | Op::JumpIfNot { cond, to } => {
                    let want = matches!(op, Op::JumpIf { .. });
                    match self.regs[base + cond as usize] {
                        Value::Bool(b) if b == want => pc = to as usize,
                        Value::Bool(_) => {}
                        _ => return Err(internal(cx, "condition is not a bool")),
                    }
                }
                Op::Call { .. } => {
                    self.save_pc(pc);
                    at_pc!(self, pc, self.call_op(cx, op, base));
                    return Ok(Flow::Switch);
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
                    let vals = at_pc!(self, pc, call_builtin(cx, &func.builtins[b as usize], args));
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
                Op::Typed(t) => at_pc!(self, pc, self.typed_op(cx, t, func, &clo, (base, cbase))),
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
    fn var_op(
        &mut self,
        cx: &mut Cx<'_>,
        op: &Op,
        clo: &Closure,
        base: usize,
    ) -> Result<(), Unwind> {
        let captured = |i: u32| clo.captured.get(i as usize);
        match *op {
            Op::LoadCap { dst, cap } => match captured(cap) {
                Some(c) => self.regs[base + dst as usize] = c.load(0),
                None => return Err(internal(cx, "capture out of range")),
            },
            Op::StoreCap { cap, src } => match captured(cap) {
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
        clo: &Closure,
        cbase: usize,
        lit: u32,
    ) -> Result<Value, Unwind> {
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

    /// Operators and the conversion to an interface.
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
            Op::Arith { op, dst, a, b } => match arith(op, &self.regs[r(a)], &self.regs[r(b)]) {
                Ok(v) => (dst, v),
                Err(t) => return Err(raise(cx, t)),
            },
            Op::Cmp { op, dst, a, b } => match compare(op, &self.regs[r(a)], &self.regs[r(b)]) {
                Ok(eq) => (dst, Value::Bool(eq)),
                Err(t) => return Err(raise(cx, t)),
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

    /// A call of a func value: pushes the callee's activation.
    fn call_op(&mut self, cx: &mut Cx<'_>, op: &Op, base: usize) -> Result<(), Unwind> {
        let Op::Call {
            f,
            args,
            nargs,
            dst,
            nret,
        } = *op
        else {
            return Err(internal(cx, "not a call"));
        };
        if self.forwards_deferred() {
            return self.forward_deferred(cx, base + f as usize, base + args as usize, nargs);
        }
        let clo = match &self.regs[base + f as usize] {
            Value::Func(FuncVal::Closure(c)) => c.clone(),
            Value::Func(FuncVal::Bound(b)) if nargs != ALL => {
                let (c, recv) = (b.0.clone(), b.1.clone());
                let args = Args::Bound(recv, base + args as usize, nargs as usize);
                return self.push(cx, c, args, base + dst as usize, nret);
            }
            Value::Func(FuncVal::Wrap(w)) => {
                let w = w.clone();
                let args = self.wrapped_args(cx, &w, base + args as usize, nargs)?;
                return self.push(cx, w.clo.clone(), args, base + dst as usize, nret);
            }
            Value::Func(FuncVal::Nil(_)) => return Err(cx.fault(errors::nil_deref())),
            _ => return Err(internal(cx, "call of a non-func value")),
        };
        let args = if nargs == ALL {
            Args::Spill
        } else {
            Args::Regs(base + args as usize, nargs as usize)
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
