//! Operators, conversions and conditions, compiled with fewer
//! instructions than the general rule of `mod.rs` (every expression into
//! a fresh temporary):
//!
//! * an operand that is a local in a register is read where it lives (no
//!   `Move` to a temporary): nothing can change such a local while an
//!   expression is evaluated — a closure that could captures it, and a
//!   pointer that could makes it a cell — so reading it at the operator
//!   gives the value Go's order of evaluation gives;
//! * an integer constant on the right of an operator is an immediate of
//!   the instruction (`ArithImm`, `NumImm`, `JumpCmpImm`);
//! * an assignment `x = a op b` (and `x := ...`, `x op= y`) to a local in
//!   a register writes the result straight into `x`'s register: the
//!   operator reads its operands before it writes, and its operands'
//!   own code never writes its destination;
//! * an `if` or loop condition that is a comparison, or `&&`, `||`, `!` of
//!   such, branches with fused compare-and-jump instructions (`JumpCmp`,
//!   `JumpCmpImm`) instead of computing a bool and testing it.
//!
//! The run-time result is the instruction's of the general rule in every
//! case (vm/fast.rs runs the general operation for anything but
//! integers).

use super::Compiler;
use crate::code::{CmpKind, Loc, Op, Reg, TypedOp};
use crate::ir::{Arith, Const, Expr, Lhs, TypedExpr, Var};
use crate::types::num::NumKind;

impl Compiler<'_> {
    /// The register of `e` if it is a local that lives in a register.
    fn in_place(&self, e: &Expr) -> Option<Reg> {
        if let Some(r) = self.hoisted_reg(e) {
            return Some(r);
        }
        match e {
            Expr::Load(Var::Local(s)) => match self.loc(*s) {
                Loc::Reg(r) => Some(r),
                Loc::Cell(_) => None,
            },
            _ => None,
        }
    }

    /// The register where `e`'s value is read: its own if it is a local in
    /// a register, else `scratch` (or a new temporary) after evaluating it.
    fn operand(&mut self, e: &Expr, scratch: Option<Reg>) -> Reg {
        if let Some(r) = self.in_place(e) {
            return r;
        }
        let t = scratch.unwrap_or_else(|| self.temps(1));
        self.expr(e, t);
        t
    }

    /// The registers of a binary operator's operands, evaluated in gc's
    /// order: gc's `order` pass moves the calls of an expression into
    /// temporaries before the expression reads anything, so a right
    /// operand with calls is evaluated before a left one that only reads
    /// (`x.v + x.m()` reads `x.v` after `m` ran); otherwise left, then
    /// right. (A left operand with calls of its own and a read after them,
    /// `f() + x.v + g()`, still reads `x.v` before `g` runs: gc reads it
    /// after.)
    fn bin_operands(&mut self, a: &Expr, b: &Expr, s: Option<Reg>) -> (Reg, Reg) {
        let late_left = self.in_place(a).is_none()
            && super::order::reads_only(a)
            && !super::order::reads_only(b);
        if late_left {
            let rb = self.operand(b, None);
            let ra = self.operand(a, s);
            return (ra, rb);
        }
        let ra = self.operand(a, s);
        let rb = self.operand(b, None);
        (ra, rb)
    }

    /// `e` as an integer immediate, if it is an integer constant.
    fn imm(e: &Expr) -> Option<i64> {
        match e {
            Expr::Const(Const::Int(n)) => Some(*n),
            _ => None,
        }
    }

    /// Compiles `e` into `dst` if it is an operator or a numeric
    /// conversion (else `false`, nothing emitted). `scratch`: `dst` is a
    /// temporary that may hold the left operand meanwhile; otherwise it is
    /// a local's register, written only by the operator itself.
    pub(super) fn calc(&mut self, e: &Expr, dst: Reg, scratch: bool) -> bool {
        let s = scratch.then_some(dst);
        match e {
            Expr::Arith(op, a, b) => match Self::imm(b) {
                Some(imm) if *op != Arith::Concat => {
                    let a = self.operand(a, s);
                    self.emit(Op::ArithImm {
                        op: *op,
                        dst,
                        a,
                        imm,
                    });
                }
                _ => {
                    let (a, b) = self.bin_operands(a, b, s);
                    self.emit(Op::Arith { op: *op, dst, a, b });
                }
            },
            Expr::Cmp(op, a, b) => {
                let (a, b) = self.bin_operands(a, b, s);
                self.emit(Op::Cmp { op: *op, dst, a, b });
            }
            Expr::Typed(t) => return self.calc_typed(t, dst, s),
            _ => return false,
        }
        true
    }

    pub(super) fn calc_typed(&mut self, e: &TypedExpr, dst: Reg, s: Option<Reg>) -> bool {
        match e {
            TypedExpr::Num { op, kind, a, b } => match (kind, Self::imm(b)) {
                (NumKind::Int(k), Some(imm)) => {
                    let a = self.operand(a, s);
                    self.emit(Op::NumImm {
                        op: *op,
                        kind: *k,
                        dst,
                        a,
                        imm,
                    });
                }
                _ => {
                    let (a, b) = self.bin_operands(a, b, s);
                    self.typed(TypedOp::Num {
                        dst,
                        a,
                        b,
                        op: *op,
                        kind: *kind,
                    });
                }
            },
            TypedExpr::NumCmp { op, kind, a, b } => {
                let (a, b) = self.bin_operands(a, b, s);
                self.typed(TypedOp::NumCmp {
                    dst,
                    a,
                    b,
                    op: *op,
                    kind: *kind,
                });
            }
            TypedExpr::NumUnary { neg, kind, x } => {
                let x = self.operand(x, s);
                self.typed(TypedOp::NumUnary {
                    dst,
                    x,
                    neg: *neg,
                    kind: *kind,
                });
            }
            TypedExpr::Conv { x, from, to } => {
                let x = self.operand(x, s);
                self.typed(TypedOp::Conv {
                    dst,
                    x,
                    from: *from,
                    to: *to,
                });
            }
            _ => return false,
        }
        true
    }

    /// `lhs = e` for one target: straight into the target's register when
    /// it is a local in one and `e` is an operator, a constant or a load;
    /// `false` (nothing emitted) otherwise.
    pub(super) fn assign_direct(&mut self, lhs: Lhs, e: &Expr) -> bool {
        let (Lhs::Set(Var::Local(s)) | Lhs::Declare(s)) = lhs else {
            return false;
        };
        let Loc::Reg(dst) = self.loc(s) else {
            return false;
        };
        match e {
            Expr::Const(_) | Expr::Load(_) => {
                self.expr(e, dst);
                true
            }
            _ => self.calc(e, dst, false),
        }
    }

    /// `x op= y` on a local in a register: one instruction into it.
    pub(super) fn op_assign_direct(&mut self, var: Var, op: Arith, rhs: &Expr) -> bool {
        let Some(x) = self.in_place(&Expr::Load(var)) else {
            return false;
        };
        match Self::imm(rhs) {
            Some(imm) if op != Arith::Concat => {
                self.emit(Op::ArithImm {
                    op,
                    dst: x,
                    a: x,
                    imm,
                });
            }
            _ => {
                let b = self.operand(rhs, None);
                self.emit(Op::Arith {
                    op,
                    dst: x,
                    a: x,
                    b,
                });
            }
        }
        true
    }

    /// Emits the branch of a condition: jumps (to be patched) taken when
    /// `e` evaluates to `when`; execution falls through otherwise.
    pub(super) fn jump_when(&mut self, e: &Expr, when: bool) -> Vec<usize> {
        let mark = self.next;
        if self.hoisted_reg(e).is_some() {
            return vec![self.jump_bool(e, when)];
        }
        let jumps = match e {
            Expr::Not(x) => self.jump_when(x, !when),
            // `a && b` is false if a is; `a || b` is true if a is.
            Expr::And(a, b) | Expr::Or(a, b) => {
                let short = matches!(e, Expr::Or(..));
                // Each operand is a statement of its own for gc's order.
                let hoisted = self.hoisted.len();
                self.hoist(&[a]);
                let j = if when == short {
                    let mut j = self.jump_when(a, when);
                    self.hoist(&[b]);
                    j.extend(self.jump_when(b, when));
                    j
                } else {
                    let skip = self.jump_when(a, short);
                    self.hoist(&[b]);
                    let j = self.jump_when(b, when);
                    for s in skip {
                        self.patch(s);
                    }
                    j
                };
                self.hoisted.truncate(hoisted);
                j
            }
            Expr::Cmp(op, a, b) => vec![self.jump_cmp(CmpKind::Any(*op), None, (a, b), when)],
            Expr::Typed(t) => match &**t {
                TypedExpr::NumCmp { op, kind, a, b } => {
                    let k = match kind {
                        NumKind::Int(k) => Some(*k),
                        NumKind::Float(_) | NumKind::Complex(_) => None,
                    };
                    vec![self.jump_cmp(CmpKind::Num(*op, *kind), k, (a, b), when)]
                }
                _ => vec![self.jump_bool(e, when)],
            },
            _ => vec![self.jump_bool(e, when)],
        };
        self.next = mark;
        jumps
    }

    /// A compare-and-jump; `int_kind`: the integer kind of a `NumCmp` (an
    /// integer constant on the right is an immediate of it; `Any` takes one
    /// too).
    fn jump_cmp(
        &mut self,
        cmp: CmpKind,
        int_kind: Option<crate::types::table::IntKind>,
        (a, b): (&Expr, &Expr),
        when: bool,
    ) -> usize {
        let imm_kind = match cmp {
            CmpKind::Any(_) => Some(None),
            CmpKind::Num(..) => int_kind.map(Some),
        };
        if let (Some(kind), Some(imm)) = (imm_kind, Self::imm(b)) {
            let a = self.operand(a, None);
            let (CmpKind::Any(op) | CmpKind::Num(op, _)) = cmp;
            return self.emit(Op::JumpCmpImm {
                op,
                kind,
                a,
                imm,
                when,
                to: 0,
            });
        }
        let (a, b) = self.bin_operands(a, b, None);
        self.emit(Op::JumpCmp {
            cmp,
            a,
            b,
            when,
            to: 0,
        })
    }

    /// The general branch: the bool into a temporary, then a jump on it.
    fn jump_bool(&mut self, e: &Expr, when: bool) -> usize {
        let t = self.temps(1);
        self.expr(e, t);
        if when {
            self.emit(Op::JumpIf { cond: t, to: 0 })
        } else {
            self.emit(Op::JumpIfNot { cond: t, to: 0 })
        }
    }

    /// `return a, b, ...` where every value is a constant or a local in a
    /// register and every result lives in a register: the values move
    /// straight into the results, in order, when no later value is read
    /// from a result an earlier move wrote (`return r, q` into `q, r`
    /// needs the temporaries). `false`: nothing emitted.
    pub(super) fn return_moves(&mut self, es: &[Expr], results: &[u32]) -> bool {
        if es.len() != results.len() {
            return false;
        }
        let mut dsts = Vec::with_capacity(results.len());
        for &s in results {
            match self.loc(s) {
                Loc::Reg(r) => dsts.push(r),
                Loc::Cell(_) => return false,
            }
        }
        let mut srcs = Vec::with_capacity(es.len());
        for e in es {
            match (self.in_place(e), e) {
                (Some(r), _) => srcs.push(Some(r)),
                (None, Expr::Const(_)) => srcs.push(None),
                _ => return false,
            }
        }
        for (j, src) in srcs.iter().enumerate() {
            if src.is_some_and(|r| dsts[..j].contains(&r)) {
                return false;
            }
        }
        for ((e, src), dst) in es.iter().zip(srcs).zip(dsts) {
            if src != Some(dst) {
                self.expr(e, dst);
            }
        }
        true
    }
}
