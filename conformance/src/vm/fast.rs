//! The arithmetic and comparison instructions, each with a fast path in
//! line: integer operands (the common case of every sized kind) are
//! computed on the spot and written into the destination register in
//! place. Anything else — floats, strings, interface operands, a division
//! by zero, a negative shift count — takes the general path out of line,
//! which is the run time's own operation (`rt::ops`, `rt::num`): the same
//! result, or the same run-time error, as before the fast path existed.

use std::cmp::Ordering;

use deferrt_core::Unwind;

use super::builtins::raise;
use super::{Cx, Machine};
use crate::code::CmpKind;
use crate::ir::{Arith, Cmp};
use crate::rt::{num as rnum, ops, Value};
use crate::types::num::{self, NumKind, NumOp};

/// An instruction's right operand: an absolute register or an integer
/// constant of the instruction.
#[derive(Clone, Copy)]
pub(super) enum Src {
    Reg(usize),
    Imm(i64),
}

/// [`Op::Arith`](crate::code::Op::Arith) on two integers (Go's `int`);
/// `None` for a division by zero, which the general path raises.
#[inline(always)]
fn int_arith(op: Arith, x: i64, y: i64) -> Option<i64> {
    Some(match op {
        Arith::Add => x.wrapping_add(y),
        Arith::Sub => x.wrapping_sub(y),
        Arith::Mul => x.wrapping_mul(y),
        Arith::Div if y != 0 => x.wrapping_div(y),
        Arith::Rem if y != 0 => x.wrapping_rem(y),
        _ => return None,
    })
}

/// Whether the ordering `o` satisfies `op`.
#[inline(always)]
fn holds(op: Cmp, o: Ordering) -> bool {
    match op {
        Cmp::Eq => o.is_eq(),
        Cmp::Ne => o.is_ne(),
        Cmp::Lt => o.is_lt(),
        Cmp::Le => o.is_le(),
        Cmp::Gt => o.is_gt(),
        Cmp::Ge => o.is_ge(),
    }
}

impl Machine {
    /// The integer in register `r`, if it holds one unboxed.
    #[inline(always)]
    fn int_in(&self, r: usize) -> Option<i64> {
        match self.regs[r] {
            Value::Int(n) => Some(n),
            _ => None,
        }
    }

    /// The integer operand `s`, if it is one.
    #[inline(always)]
    fn int_src(&self, s: Src) -> Option<i64> {
        match s {
            Src::Reg(r) => self.int_in(r),
            Src::Imm(n) => Some(n),
        }
    }

    /// The value of operand `s`.
    fn src_value(&self, s: Src) -> Value {
        match s {
            Src::Reg(r) => self.regs[r].clone(),
            Src::Imm(n) => Value::Int(n),
        }
    }

    /// Stores the result of a general path, or raises its error.
    fn put_result(
        &mut self,
        cx: &mut Cx<'_>,
        dst: usize,
        r: Result<Value, crate::rt::Trap>,
    ) -> Result<(), Unwind> {
        match r {
            Ok(v) => {
                self.regs[dst].set(v);
                Ok(())
            }
            Err(t) => Err(raise(cx, t)),
        }
    }

    /// `regs[dst] = regs[a] op b` ([`Op::Arith`](crate::code::Op::Arith),
    /// [`Op::ArithImm`](crate::code::Op::ArithImm)).
    #[inline(always)]
    pub(super) fn arith(
        &mut self,
        cx: &mut Cx<'_>,
        op: Arith,
        dst: usize,
        a: usize,
        b: Src,
    ) -> Result<(), Unwind> {
        if let (Some(x), Some(y)) = (self.int_in(a), self.int_src(b)) {
            if let Some(v) = int_arith(op, x, y) {
                self.regs[dst].set_int(v);
                return Ok(());
            }
        }
        self.arith_general(cx, op, dst, a, b)
    }

    #[inline(never)]
    fn arith_general(
        &mut self,
        cx: &mut Cx<'_>,
        op: Arith,
        dst: usize,
        a: usize,
        b: Src,
    ) -> Result<(), Unwind> {
        let bv = self.src_value(b);
        let r = ops::arith(op, &self.regs[a], &bv);
        self.put_result(cx, dst, r)
    }

    /// `regs[dst] = regs[a] op b` on numbers of kind `kind`
    /// ([`TypedOp::Num`](crate::code::TypedOp::Num),
    /// [`Op::NumImm`](crate::code::Op::NumImm)).
    #[inline(always)]
    pub(super) fn num(
        &mut self,
        cx: &mut Cx<'_>,
        (op, kind): (NumOp, NumKind),
        dst: usize,
        a: usize,
        b: Src,
    ) -> Result<(), Unwind> {
        if let NumKind::Int(k) = kind {
            if let (Some(x), Some(y)) = (self.int_in(a), self.int_src(b)) {
                if let Ok(v) = num::int_op(op, k, x, y) {
                    self.regs[dst].set_int(v);
                    return Ok(());
                }
            }
        }
        self.num_general(cx, (op, kind), dst, a, b)
    }

    #[inline(never)]
    fn num_general(
        &mut self,
        cx: &mut Cx<'_>,
        (op, kind): (NumOp, NumKind),
        dst: usize,
        a: usize,
        b: Src,
    ) -> Result<(), Unwind> {
        let bv = self.src_value(b);
        let r = rnum::arith(op, kind, &self.regs[a], &bv);
        self.put_result(cx, dst, r)
    }

    /// `regs[a] cmp b` ([`Op::Cmp`](crate::code::Op::Cmp),
    /// [`TypedOp::NumCmp`](crate::code::TypedOp::NumCmp) and the
    /// comparisons of the fused jumps).
    #[inline(always)]
    pub(super) fn cmp(
        &mut self,
        cx: &mut Cx<'_>,
        cmp: CmpKind,
        a: usize,
        b: Src,
    ) -> Result<bool, Unwind> {
        if let (CmpKind::Any(op @ (Cmp::Eq | Cmp::Ne)), Src::Reg(b)) = (cmp, b) {
            if let (Value::Bool(x), Value::Bool(y)) = (&self.regs[a], &self.regs[b]) {
                return Ok((x == y) == (op == Cmp::Eq));
            }
        }
        if let (Some(x), Some(y)) = (self.int_in(a), self.int_src(b)) {
            match cmp {
                CmpKind::Any(op) => return Ok(holds(op, x.cmp(&y))),
                CmpKind::Num(op, NumKind::Int(k)) => return Ok(holds(op, num::int_cmp(k, x, y))),
                CmpKind::Num(_, NumKind::Float(_) | NumKind::Complex(_)) => {}
            }
        }
        self.cmp_general(cx, cmp, a, b)
    }

    #[inline(never)]
    fn cmp_general(
        &mut self,
        cx: &mut Cx<'_>,
        cmp: CmpKind,
        a: usize,
        b: Src,
    ) -> Result<bool, Unwind> {
        let bv = self.src_value(b);
        let r = match cmp {
            CmpKind::Any(op) => ops::compare(op, &self.regs[a], &bv),
            CmpKind::Num(op, kind) => rnum::compare(op, kind, &self.regs[a], &bv),
        };
        r.map_err(|t| raise(cx, t))
    }

    /// `regs[dst] = T(regs[x])` between numeric kinds
    /// ([`TypedOp::Conv`](crate::code::TypedOp::Conv)).
    #[inline(always)]
    pub(super) fn convert(
        &mut self,
        cx: &mut Cx<'_>,
        dst: usize,
        x: usize,
        (from, to): (NumKind, NumKind),
    ) -> Result<(), Unwind> {
        if let (NumKind::Int(_), NumKind::Int(t), Some(v)) = (from, to, self.int_in(x)) {
            self.regs[dst].set_int(num::wrap(t, v));
            return Ok(());
        }
        let r = rnum::convert(&self.regs[x], from, to);
        self.put_result(cx, dst, r)
    }

    /// `regs[dst] = -regs[x]` (`neg`) or `^regs[x]` on numbers of kind
    /// `kind` ([`TypedOp::NumUnary`](crate::code::TypedOp::NumUnary)).
    #[inline(always)]
    pub(super) fn unary(
        &mut self,
        cx: &mut Cx<'_>,
        dst: usize,
        x: usize,
        (neg, kind): (bool, NumKind),
    ) -> Result<(), Unwind> {
        if let (NumKind::Int(k), Some(v)) = (kind, self.int_in(x)) {
            let r = if neg { v.wrapping_neg() } else { !v };
            self.regs[dst].set_int(num::wrap(k, r));
            return Ok(());
        }
        let r = rnum::unary(neg, kind, &self.regs[x]);
        self.put_result(cx, dst, r)
    }
}
