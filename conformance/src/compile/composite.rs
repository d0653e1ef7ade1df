//! Compiles issue 9's composite values: index, slice and map expressions,
//! literals, `make`, `append`, `copy`, `len`, `cap`, conversions, element
//! assignments and `delete`.

use super::Compiler;
use crate::code::{CompOp, DeferTarget, Op, Reg, NO_REG};
use crate::ir::{Call, CompExpr, CompStmt, Const, Expr, On, Place, Rhs, Target};

impl Compiler<'_> {
    fn comp(&mut self, op: CompOp) {
        self.emit(Op::Comp(op));
    }

    /// Evaluates a composite expression into `dst`.
    pub(super) fn comp_expr(&mut self, c: &CompExpr, dst: Reg) {
        match c {
            CompExpr::Index { x, i, on, zero } => {
                let t = self.operands(x, i, dst);
                let zero = self.konst(zero);
                self.comp(CompOp::Index {
                    dst,
                    x: dst,
                    i: t,
                    on: *on,
                    zero,
                });
            }
            CompExpr::SliceOf { x, lo, hi, max, on } => self.slice_of(x, [lo, hi, max], *on, dst),
            CompExpr::MakeSlice {
                len,
                cap,
                zero,
                shape,
            } => {
                let t = self.temps(1);
                self.expr(len, dst);
                if let Some(c) = cap {
                    self.expr(c, t);
                }
                let zero = self.konst(zero);
                let shape = self.shape(shape);
                self.comp(CompOp::MakeSlice {
                    dst,
                    len: dst,
                    cap: cap.as_ref().map(|_| t),
                    zero,
                    shape,
                });
            }
            CompExpr::MakeMap => self.comp(CompOp::MakeMap { dst }),
            CompExpr::Lit {
                on,
                len,
                zero,
                shape,
                elems,
            } => {
                let shape = self.shape(shape);
                self.literal(*on, *len, zero, shape, elems, dst)
            }
            CompExpr::Append { .. } => self.append_expr(c, dst),
            _ => self.comp_simple(c, dst),
        }
    }

    /// `x[lo:hi:max]` into `dst`.
    fn slice_of(&mut self, x: &Expr, [lo, hi, max]: [&Option<Expr>; 3], on: On, dst: Reg) {
        let t = self.temps(3);
        self.expr(x, dst);
        let mut has = 0u8;
        for (bit, e) in [lo, hi, max].into_iter().enumerate() {
            if let Some(e) = e {
                self.expr(e, t + bit as u32);
                has |= 1 << bit;
            }
        }
        self.comp(CompOp::SliceOf {
            dst,
            x: dst,
            lo: t,
            has,
            on,
        });
    }

    /// `append(s, vals...)` into `dst`.
    fn append_expr(&mut self, c: &CompExpr, dst: Reg) {
        let CompExpr::Append {
            s,
            vals,
            spread,
            size,
            pointers,
            zero,
            shape,
        } = c
        else {
            return;
        };
        let zero = self.konst(zero);
        let shape = self.shape(shape);
        let first = self.temps(vals.len().max(1) as u32);
        self.expr(s, dst);
        for (k, v) in vals.iter().enumerate() {
            self.expr(v, first + k as u32);
        }
        self.comp(CompOp::Append {
            dst,
            s: dst,
            vals: first,
            n: vals.len() as u32,
            spread: *spread,
            size: *size,
            pointers: *pointers,
            zero,
            shape,
        });
    }

    /// The composite expressions of one operand and one operation.
    fn comp_simple(&mut self, c: &CompExpr, dst: Reg) {
        match c {
            CompExpr::Copy {
                dst: to,
                src,
                shape,
            } => {
                let t = self.operands(to, src, dst);
                let shape = self.shape(shape);
                self.comp(CompOp::Copy {
                    dst,
                    to: dst,
                    from: t,
                    shape,
                });
            }
            CompExpr::Len(x) | CompExpr::Cap(x) => {
                self.expr(x, dst);
                self.comp(if matches!(c, CompExpr::Len(_)) {
                    CompOp::Len { dst, x: dst }
                } else {
                    CompOp::Cap { dst, x: dst }
                });
            }
            CompExpr::Then(x, k) => {
                self.expr(x, dst);
                self.expr(&Expr::Const(k.clone()), dst);
            }
            CompExpr::Convert { x, how } => {
                self.expr(x, dst);
                self.comp(CompOp::Convert {
                    dst,
                    x: dst,
                    how: *how,
                });
            }
            CompExpr::DecodeRune { s, i, width } => {
                let t = self.operands(s, i, dst);
                self.comp(CompOp::DecodeRune {
                    dst,
                    s: dst,
                    i: t,
                    width: *width,
                });
            }
            CompExpr::ActIndex => self.comp(CompOp::ActIndex { dst }),
            CompExpr::SetGlobal { global, value } => {
                self.expr(value, dst);
                self.emit(Op::StoreGlobal {
                    global: *global,
                    src: dst,
                });
            }
            CompExpr::RangeError(x) => {
                self.expr(x, dst);
                self.comp(CompOp::RangeError { dst, x: dst });
            }
            CompExpr::MapKeys(m) => {
                self.expr(m, dst);
                self.comp(CompOp::MapKeys { dst, m: dst });
            }
            CompExpr::IsNil { x, neg } => {
                self.expr(x, dst);
                self.comp(CompOp::IsNil {
                    dst,
                    x: dst,
                    neg: *neg,
                });
            }
            CompExpr::CopyArray { x, shape } => {
                self.expr(x, dst);
                let shape = self.shape(shape);
                self.comp(CompOp::CopyArray { dst, x: dst, shape });
            }
            CompExpr::Overwrite { old, new, shape } => {
                self.expr(new, dst);
                let t = self.temps(1);
                self.expr(old, t);
                let shape = self.shape(shape);
                self.comp(CompOp::Overwrite { dst, old: t, shape });
            }
            _ => {}
        }
    }

    /// A copy shape's index among the function's paths.
    fn shape(&mut self, shape: &[u32]) -> u32 {
        self.f.paths.push(shape.into());
        self.f.paths.len() as u32 - 1
    }

    /// A slice, array or map literal: made empty (or zeroed), then its
    /// elements stored in source order.
    fn literal(
        &mut self,
        on: On,
        len: u32,
        zero: &Const,
        shape: u32,
        elems: &[(Expr, Expr)],
        dst: Reg,
    ) {
        if on == On::Map {
            self.comp(CompOp::MakeMap { dst });
        } else {
            let n = self.temps(1);
            let k = self.konst(&Const::Int(i64::from(len)));
            self.emit(Op::Const { dst: n, k });
            let zero = self.konst(zero);
            self.comp(CompOp::MakeSlice {
                dst,
                len: n,
                cap: None,
                zero,
                shape,
            });
        }
        let t = self.temps(2);
        let mark = self.next;
        for i in super::order::elem_order(on, elems) {
            let (key, v) = &elems[i];
            // gc stores a map literal's entries one statement each
            // (compile/hoist.rs).
            let hoisted = self.hoisted.len();
            if on == On::Map {
                self.hoist_fixed(&[key, v]);
            }
            self.expr(key, t);
            self.expr(v, t + 1);
            self.comp(CompOp::SetIndex {
                x: dst,
                i: t,
                v: t + 1,
                on: if on == On::Map { On::Map } else { On::Slice },
            });
            self.hoisted.truncate(hoisted);
            self.next = mark;
        }
    }

    /// `v, ok = m[k]` into `t`, `t + 1`.
    /// In a `range` loop, `at` is the key's index in the loop's snapshot.
    pub(super) fn map_ok(
        &mut self,
        m: &Expr,
        (k, at): (&Expr, Option<&Expr>),
        zero: &Const,
        t: Reg,
    ) {
        let kr = self.temps(2);
        self.expr(m, t);
        self.expr(k, kr);
        let at = match at {
            Some(a) => {
                self.expr(a, kr + 1);
                kr + 1
            }
            None => NO_REG,
        };
        let zero = self.konst(zero);
        self.comp(CompOp::MapOk {
            dst: t,
            m: t,
            k: kr,
            at,
            zero,
        });
    }

    /// `x[i] op= rhs`: the element read once, `apply(element, rhs)` leaves
    /// the result in the element's register, which is stored back; a place
    /// other than an element emits nothing (the checker lowers those).
    fn elem_op_assign(
        &mut self,
        target: &Place,
        rhs: &Expr,
        apply: impl FnOnce(&mut Self, Reg, Reg),
    ) {
        let Place::Elem { x, i, on } = target else {
            return;
        };
        let t = self.temps(4);
        self.expr(x, t);
        self.expr(i, t + 1);
        self.expr(rhs, t + 3);
        let zero = self.konst(&Const::Int(0));
        self.comp(CompOp::Index {
            dst: t + 2,
            x: t,
            i: t + 1,
            on: *on,
            zero,
        });
        apply(self, t + 2, t + 3);
        self.comp(CompOp::SetIndex {
            x: t,
            i: t + 1,
            v: t + 2,
            on: *on,
        });
    }

    /// A statement on composite values.
    pub(super) fn comp_stmt(&mut self, s: &CompStmt) {
        match s {
            CompStmt::Assign { targets, rhs } => self.assign_places(targets, rhs),
            CompStmt::OpAssign { target, op, rhs } => {
                self.elem_op_assign(target, rhs, |c, v, b| {
                    c.emit(Op::Arith {
                        op: *op,
                        dst: v,
                        a: v,
                        b,
                    });
                })
            }
            CompStmt::NumOpAssign {
                target,
                op,
                kind,
                rhs,
            } => self.elem_op_assign(target, rhs, |c, v, b| {
                c.typed(crate::code::TypedOp::Num {
                    dst: v,
                    a: v,
                    b,
                    op: *op,
                    kind: *kind,
                });
            }),
            CompStmt::DeferTo { call, act } => {
                let a = self.temps(1);
                self.expr(act, a);
                let (target, args, nargs) = self.defer_parts(call);
                self.comp(CompOp::DeferTo {
                    target,
                    args,
                    nargs,
                    act: a,
                });
            }
            CompStmt::Label(l) => {
                let at = self.here();
                self.jumps.labels.insert(*l, at);
            }
            CompStmt::Goto(l) => {
                let j = self.emit(Op::Jump { to: 0 });
                self.jumps.gotos.push((j, *l));
            }
            CompStmt::Delete { m, k } => {
                let t = self.temps(2);
                self.expr(m, t);
                self.expr(k, t + 1);
                self.comp(CompOp::Delete { m: t, k: t + 1 });
            }
        }
    }

    /// Go's order: the targets' operands first, then the values, then the
    /// stores from left to right.
    fn assign_places(&mut self, targets: &[Place], rhs: &Rhs) {
        let mut operands = Vec::new();
        for p in targets {
            match p {
                Place::Elem { x, i, .. } => {
                    let t = self.temps(2);
                    self.expr(x, t);
                    self.expr(i, t + 1);
                    operands.push(Some(t));
                }
                Place::Pointee { p, .. } => {
                    let t = self.temps(1);
                    self.expr(p, t);
                    operands.push(Some(t));
                }
                Place::Var(_) | Place::Field { .. } => operands.push(None),
            }
        }
        let vals = self.rhs(rhs, targets.len() as u32);
        for (k, (p, ops)) in targets.iter().zip(operands).enumerate() {
            let v = vals + k as u32;
            match (p, ops) {
                (Place::Elem { on, .. }, Some(t)) => self.comp(CompOp::SetIndex {
                    x: t,
                    i: t + 1,
                    v,
                    on: *on,
                }),
                (Place::Var(l), _) => self.store(*l, v),
                (Place::Pointee { path, .. }, Some(t)) => self.store_pointee(t, path, v),
                (Place::Field { var, path }, _) => self.store_field(*var, path, v),
                _ => {}
            }
        }
    }
}

/// The labels of a function and the jumps to them, patched when the
/// function is finished.
#[derive(Default)]
pub(super) struct Labels {
    labels: std::collections::HashMap<u32, u32>,
    gotos: Vec<(usize, u32)>,
}

impl Compiler<'_> {
    /// Points every `goto` at its label.
    pub(super) fn patch_gotos(&mut self) {
        for (at, l) in std::mem::take(&mut self.jumps.gotos) {
            let to = self.jumps.labels.get(&l).copied().unwrap_or(0);
            if let Some(Op::Jump { to: t }) = self.f.ops.get_mut(at) {
                *t = to;
            }
        }
    }
}

impl Compiler<'_> {
    /// What a `defer` statement defers and its arguments, evaluated.
    fn defer_parts(&mut self, c: &Call) -> (DeferTarget, Reg, u32) {
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
                return (DeferTarget::Value(f), args, nargs);
            }
        };
        let (args, nargs) = self.args(&c.args);
        (target, args, nargs)
    }
}

impl Compiler<'_> {
    /// `f(a, b, s...)` of a native: the arguments through the spill buffer.
    pub(super) fn unpack_args(&mut self, fixed: &[Expr], rest: &Expr) -> (Reg, u32) {
        let t = self.temps(fixed.len() as u32 + 1);
        for (i, e) in fixed.iter().enumerate() {
            self.expr(e, t + i as u32);
        }
        let x = t + fixed.len() as u32;
        self.expr(rest, x);
        self.comp(CompOp::Unpack {
            first: t,
            n: fixed.len() as u32,
            x,
        });
        (t, super::ALL)
    }
}
