//! Assignments, definitions and variable declarations.

use crate::ast::{BinOp, Expr as AExpr, ExprKind, Stmt as AStmt, StmtKind, VarSpec};
use std::rc::Rc;

use crate::checker::expr::{clone_expr, op_assign_arith, show, single, unparen};
use crate::checker::unsupported::{refuse, Construct};
use crate::checker::{err, zero, Binding, Checker};
use crate::ir::{Arith, CompExpr, CompStmt, Expr, Lhs, On, Place, Rhs, Stmt, Var};
use crate::lexer::{PResult, Pos};
use crate::types::Type;
use crate::value::Value;

impl Checker {
    /// `e` evaluated now into a fresh local (a statement pushed on `out`)
    /// and read from it later; a constant stays as it is.
    fn hoist(&mut self, out: &mut Vec<Stmt>, e: Expr) -> Expr {
        if matches!(e, Expr::Const(_)) {
            return e;
        }
        let slot = self.new_slot();
        out.push(Stmt::Assign {
            lhs: vec![Lhs::Declare(slot)],
            rhs: Rhs::List(vec![e]),
        });
        Expr::Load(Var::Local(slot))
    }

    pub(crate) fn var_stmt(&mut self, specs: &[VarSpec]) -> PResult<Stmt> {
        let mut out = Vec::new();
        for v in specs {
            out.push(self.local_var(v)?);
        }
        // A group declares into the enclosing scope: the IR block is only
        // a sequence.
        Ok(match out.len() {
            1 => out.remove(0),
            _ => Stmt::Block(out),
        })
    }

    pub(crate) fn op_assign(
        &mut self,
        bop: BinOp,
        lhs: &[AExpr],
        rhs: &[AExpr],
        pos: Pos,
    ) -> PResult<Stmt> {
        self.mark_target_used(&lhs[0]);
        if let Some(s) = self.typed_op_assign(bop, &lhs[0], rhs, pos)? {
            return Ok(s);
        }
        if let [r] = rhs {
            if let Some(s) = self.num_op_assign(bop, &lhs[0], r, pos)? {
                return Ok(s);
            }
        }
        let [r] = rhs else {
            return err(
                pos,
                "assignment operation requires single-valued expressions",
            );
        };
        if let Some(place) = self.elem_place(&lhs[0]) {
            let (target, t) = place?;
            let target = match self.map_op_assign(bop, (&lhs[0], r), target, &t, pos)? {
                Ok(s) => return Ok(s),
                Err(target) => target,
            };
            let target = match self.elem_num_op(bop, (&lhs[0], r), target, &t, pos)? {
                Ok(s) => return Ok(s),
                Err(target) => target,
            };
            if matches!(
                bop,
                BinOp::And | BinOp::Or | BinOp::Xor | BinOp::AndNot | BinOp::Shl | BinOp::Shr
            ) {
                return refuse(pos, Construct::Bitwise(bop.as_str()));
            }
            let re = self.value_as(r, &t, "assignment")?;
            let op = op_assign_arith(bop, &t, &re, pos)?;
            return Ok(Stmt::Comp(Box::new(CompStmt::OpAssign {
                target,
                op,
                rhs: re,
            })));
        }
        if matches!(
            bop,
            BinOp::And | BinOp::Or | BinOp::Xor | BinOp::AndNot | BinOp::Shl | BinOp::Shr
        ) {
            return refuse(pos, Construct::Bitwise(bop.as_str()));
        }
        let (var, t) = self.target_var(&lhs[0])?;
        let re = self.value_as(r, &t, "assignment")?;
        let op = op_assign_arith(bop, &t, &re, pos)?;
        Ok(Stmt::OpAssign { var, op, rhs: re })
    }

    /// `x[i] op= v` and `x[i]++` on a slice or array element of a sized
    /// integer or float type, or with a bitwise operator: the operator of
    /// the element's kind (wrapping). The target back for other elements.
    fn elem_num_op(
        &mut self,
        bop: BinOp,
        (l, r): (&AExpr, &AExpr),
        target: Place,
        elem: &Type,
        pos: Pos,
    ) -> PResult<Result<Stmt, Place>> {
        use crate::checker::expr::num::num_op;
        use crate::types::num::{NumKind, NumOp};
        let bitwise = matches!(
            bop,
            BinOp::And | BinOp::Or | BinOp::Xor | BinOp::AndNot | BinOp::Shl | BinOp::Shr
        );
        let (Some(kind), Some(op)) = (crate::checker::num_kind(elem), num_op(bop)) else {
            return Ok(Err(target));
        };
        if (*elem == Type::Int && !bitwise) || matches!(target, Place::Elem { on: On::Map, .. }) {
            return Ok(Err(target));
        }
        if matches!(kind, NumKind::Float(_))
            && !matches!(op, NumOp::Add | NumOp::Sub | NumOp::Mul | NumOp::Div)
        {
            return err(
                pos,
                format!(
                    "invalid operation: operator {} not defined on {} (variable of type {elem})",
                    bop.as_str(),
                    show(l)
                ),
            );
        }
        let rhs = if matches!(op, NumOp::Shl | NumOp::Shr) {
            let (re, rt) = self.value(r)?;
            if !matches!(crate::checker::num_kind(&rt), Some(NumKind::Int(_))) {
                return err(
                    r.pos,
                    format!(
                        "invalid operation: shift count {} (variable of type {rt}) must be integer",
                        show(r)
                    ),
                );
            }
            re
        } else {
            self.value_as(r, elem, "assignment")?
        };
        Ok(Ok(Stmt::Comp(Box::new(CompStmt::NumOpAssign {
            target,
            op,
            kind,
            rhs,
        }))))
    }

    pub(crate) fn inc_dec(&mut self, x: &AExpr, inc: bool, pos: Pos) -> PResult<Stmt> {
        self.mark_target_used(x);
        {
            let op = if inc { BinOp::Add } else { BinOp::Sub };
            let one = AExpr {
                kind: ExprKind::Int(1),
                pos,
            };
            if let Some(s) = self.typed_op_assign(op, x, std::slice::from_ref(&one), pos)? {
                return Ok(s);
            }
            if let Some(s) = self.num_op_assign(op, x, &one, pos)? {
                return Ok(s);
            }
        }
        if let Some(place) = self.elem_place(x) {
            let (target, t) = place?;
            let op = if inc { BinOp::Add } else { BinOp::Sub };
            let one = AExpr {
                kind: ExprKind::Int(1),
                pos,
            };
            let target = match self.map_op_assign(op, (x, &one), target, &t, pos)? {
                Ok(s) => return Ok(s),
                Err(target) => target,
            };
            let target = match self.elem_num_op(op, (x, &one), target, &t, pos)? {
                Ok(s) => return Ok(s),
                Err(target) => target,
            };
            if t != Type::Int {
                return err(
                    pos,
                    format!(
                        "invalid operation: {}{} (non-numeric type {t})",
                        show(x),
                        if inc { "++" } else { "--" }
                    ),
                );
            }
            let op = if inc { Arith::Add } else { Arith::Sub };
            let rhs = Expr::Const(Value::Int(1));
            return Ok(Stmt::Comp(Box::new(CompStmt::OpAssign { target, op, rhs })));
        }
        let (var, t) = self.target_var(x)?;
        if t != Type::Int {
            return err(
                pos,
                format!(
                    "invalid operation: {}{} (non-numeric type {t})",
                    show(x),
                    if inc { "++" } else { "--" }
                ),
            );
        }
        let op = if inc { Arith::Add } else { Arith::Sub };
        Ok(Stmt::OpAssign {
            var,
            op,
            rhs: Expr::Const(Value::Int(1)),
        })
    }

    /// `m[k] op= v` and `m[k]++` on a map whose element type is not plain
    /// `int` (for which [`CompStmt::OpAssign`]'s integer zero is right):
    /// `m`, `k` and then `v` are evaluated once into temporaries, then the
    /// element is read (its type's zero value when `k` is missing, as Go's
    /// `m[k]` reads), combined with the operator of its type (string
    /// concatenation, float or sized-integer arithmetic) and stored back.
    /// The target back for other targets.
    fn map_op_assign(
        &mut self,
        bop: BinOp,
        (l, r): (&AExpr, &AExpr),
        target: Place,
        elem: &Type,
        pos: Pos,
    ) -> PResult<Result<Stmt, Place>> {
        let (x, i) = match target {
            Place::Elem { x, i, on: On::Map } if *elem != Type::Int => (x, i),
            other => return Ok(Err(other)),
        };
        let mut out = Vec::new();
        let m = self.hoist(&mut out, x);
        let k = self.hoist(&mut out, i);
        let cur = Expr::Comp(Box::new(CompExpr::Index {
            x: clone_expr(&m),
            i: clone_expr(&k),
            on: On::Map,
            zero: zero(elem),
        }));
        let v = if crate::checker::num_kind(elem).is_some() {
            let (re, rt) = self.value(r)?;
            let re = self.hoist(&mut out, re);
            self.num_binary(bop, (l, r), (cur, elem.clone()), (re, rt), pos)?
                .0
        } else {
            let re = self.value_as(r, elem, "assignment")?;
            let op = op_assign_arith(bop, elem, &re, pos)?;
            let re = self.hoist(&mut out, re);
            Expr::Arith(op, Box::new(cur), Box::new(re))
        };
        out.push(Stmt::Comp(Box::new(CompStmt::Assign {
            targets: vec![Place::Elem {
                x: m,
                i: k,
                on: On::Map,
            }],
            rhs: Rhs::List(vec![v]),
        })));
        Ok(Ok(Stmt::Block(out)))
    }

    /// Right-hand sides assigned to targets of the given types.
    pub(crate) fn rhs_for(
        &mut self,
        types: &[Type],
        exprs: &[AExpr],
        pos: Pos,
        ctx: &str,
    ) -> PResult<Rhs> {
        if let [one] = exprs {
            if types.len() > 1 {
                let (x, t) = self.expr(one)?;
                let Type::Tuple(ts) = &t else {
                    return err(
                        pos,
                        format!("assignment mismatch: {} variables but 1 value", types.len()),
                    );
                };
                if ts.len() != types.len() {
                    return err(
                        pos,
                        format!(
                            "assignment mismatch: {} variables but {} returns {} values",
                            types.len(),
                            show(one),
                            ts.len()
                        ),
                    );
                }
                for (have, want) in ts.iter().zip(types) {
                    if !have.assignable_to(want) {
                        return err(
                            one.pos,
                            format!("cannot use {} value as {want} value in {ctx}", have),
                        );
                    }
                }
                return Ok(Rhs::Multi(x));
            }
        }
        if exprs.len() != types.len() {
            let m = if ctx == "return statement" {
                if exprs.len() > types.len() {
                    "too many return values"
                } else {
                    "not enough return values"
                }
                .to_string()
            } else {
                format!(
                    "assignment mismatch: {} variables but {} values",
                    types.len(),
                    exprs.len()
                )
            };
            return err(pos, m);
        }
        let mut out = Vec::new();
        for (e, t) in exprs.iter().zip(types) {
            out.push(self.value_as(e, t, ctx)?);
        }
        Ok(Rhs::List(out))
    }

    /// Checks right-hand sides whose types decide the targets' types
    /// (`:=`, `var x = ...`); `declared` is the declared type if any.
    /// Right-hand sides of `var a, b T = ...` (none: zero values).
    fn declared_rhs(
        &mut self,
        n: usize,
        exprs: &[AExpr],
        pos: Pos,
        t: &Type,
    ) -> PResult<(Rhs, Vec<Type>)> {
        if exprs.is_empty() {
            return Ok((
                Rhs::List(
                    (0..n)
                        .map(|_| crate::checker::composite::fresh(Expr::Const(zero(t)), t))
                        .collect(),
                ),
                vec![t.clone(); n],
            ));
        }
        let types = vec![t.clone(); n];
        if n == 2 && exprs.len() == 1 {
            if let ExprKind::Assert(x, te) = &unparen(&exprs[0]).kind {
                return self.assert_ok(x, te, exprs[0].pos, &types);
            }
            if let Some(r) = self.recv_ok(&exprs[0], Some(&types), "variable declaration")? {
                return Ok(r);
            }
        }
        Ok((
            self.rhs_for(&types, exprs, pos, "variable declaration")?,
            types,
        ))
    }

    pub(crate) fn infer_rhs(
        &mut self,
        n: usize,
        exprs: &[AExpr],
        pos: Pos,
        declared: Option<&Type>,
    ) -> PResult<(Rhs, Vec<Type>)> {
        if let Some(t) = declared {
            return self.declared_rhs(n, exprs, pos, t);
        }
        if n == 2 && exprs.len() == 1 {
            if let ExprKind::Assert(x, te) = &unparen(&exprs[0]).kind {
                let to = self.type_expr(te)?;
                return self.assert_ok(x, te, exprs[0].pos, &[to, Type::Bool]);
            }
            if let Some(r) = self.recv_ok(&exprs[0], None, "assignment")? {
                return Ok(r);
            }
            if let Some(r) = self.map_ok(&exprs[0]) {
                return r;
            }
        }
        if exprs.len() == 1 && n > 1 {
            let (x, t) = self.expr(&exprs[0])?;
            let Type::Tuple(ts) = &t else {
                return err(
                    pos,
                    format!("assignment mismatch: {n} variables but 1 value"),
                );
            };
            if ts.len() != n {
                return err(
                    pos,
                    format!(
                        "assignment mismatch: {n} variables but {} returns {} values",
                        show(&exprs[0]),
                        ts.len()
                    ),
                );
            }
            return Ok((Rhs::Multi(x), ts.to_vec()));
        }
        if exprs.len() != n {
            return err(
                pos,
                format!(
                    "assignment mismatch: {n} variables but {} values",
                    exprs.len()
                ),
            );
        }
        let mut out = Vec::new();
        let mut types = Vec::new();
        for e in exprs {
            let (x, t) = self.expr(e)?;
            let (x, t) = single(e, x, t)?;
            if t == Type::Nil {
                return err(e.pos, "use of untyped nil in assignment");
            }
            let x = crate::checker::expr::settle(x, &t, e, "assignment")?;
            let x = crate::checker::composite::fresh(x, &t);
            out.push(x);
            types.push(t);
        }
        Ok((Rhs::List(out), types))
    }

    /// `v, ok = x.(T)` for targets of types `targets`.
    pub(crate) fn assert_ok(
        &mut self,
        x: &AExpr,
        te: &crate::ast::TypeExpr,
        pos: Pos,
        targets: &[Type],
    ) -> PResult<(Rhs, Vec<Type>)> {
        let to = self.type_expr(te)?;
        let (xe, _) = self.assert_operand(x, (te, &to))?;
        if !to.assignable_to(&targets[0]) || !Type::Bool.assignable_to(&targets[1]) {
            return err(
                pos,
                format!("cannot assign {to}, bool to {}, {}", targets[0], targets[1]),
            );
        }
        let z = zero(&to);
        Ok((Rhs::AssertOk { x: xe, to, zero: z }, targets.to_vec()))
    }

    /// Values of a `var` spec (local or global).
    pub(crate) fn var_values(
        &mut self,
        v: &VarSpec,
        declared: Option<&Type>,
    ) -> PResult<(Rhs, Vec<Type>)> {
        self.infer_rhs(v.names.len(), &v.values, v.pos, declared)
    }

    pub(crate) fn local_var(&mut self, v: &VarSpec) -> PResult<Stmt> {
        let declared = match &v.ty {
            Some(t) => Some(self.type_expr(t)?),
            None => None,
        };
        let (rhs, types) = self.var_values(v, declared.as_ref())?;
        let mut lhs = Vec::new();
        for ((name, pos), t) in v.names.iter().zip(types) {
            if &**name == "_" {
                lhs.push(Lhs::Blank);
                continue;
            }
            let slot = self.new_slot();
            self.bind_local(name, *pos, slot, t, false)?;
            lhs.push(Lhs::Declare(slot));
        }
        Ok(Stmt::Assign { lhs, rhs })
    }

    /// The right-hand sides of `:=` and the targets' types: inferred for
    /// new names, the existing variable's for names of this scope.
    fn define_rhs(
        &mut self,
        names: &[(Rc<str>, Pos)],
        existing: &[Option<Binding>],
        rhs: &[AExpr],
        pos: Pos,
    ) -> PResult<(Rhs, Vec<Type>)> {
        let (r, inferred) = self.infer_rhs(names.len(), rhs, pos, None)?;
        let mut types = Vec::new();
        for (i, t) in inferred.into_iter().enumerate() {
            let want = match existing.get(i) {
                Some(Some(Binding::Local { ty, .. } | Binding::Global { ty, .. })) => ty,
                _ => {
                    types.push(t);
                    continue;
                }
            };
            if !t.assignable_to(want) {
                return err(
                    names[i].1,
                    format!("cannot use value of type {t} as {want} value in assignment"),
                );
            }
            types.push(want.clone());
        }
        Ok((r, types))
    }

    pub(crate) fn define(&mut self, lhs: &[AExpr], rhs: &[AExpr], pos: Pos) -> PResult<Stmt> {
        let mut names = Vec::new();
        for l in lhs {
            match &l.kind {
                ExprKind::Ident(n) => names.push((n.clone(), l.pos)),
                _ => return err(l.pos, format!("non-name {} on left side of :=", show(l))),
            }
        }
        // Existing names of this scope are assigned, with their types.
        let existing: Vec<Option<Binding>> = names
            .iter()
            .map(|(n, _)| self.in_current_scope(n).cloned())
            .collect();
        if names
            .iter()
            .zip(&existing)
            .all(|((n, _), b)| b.is_some() || &**n == "_")
        {
            return err(pos, "no new variables on left side of :=");
        }
        let (rhs, types) = self.define_rhs(&names, &existing, rhs, pos)?;
        let mut out = Vec::new();
        for (((name, p), t), b) in names.iter().zip(types).zip(existing) {
            if &**name == "_" {
                out.push(Lhs::Blank);
                continue;
            }
            match b {
                Some(b) => match self.var_ref(&b) {
                    Some((v, _)) => out.push(Lhs::Set(v)),
                    None => return err(*p, format!("cannot assign to {name}")),
                },
                None => {
                    let slot = self.new_slot();
                    self.bind_local(name, *p, slot, t, false)?;
                    out.push(Lhs::Declare(slot));
                }
            }
        }
        Ok(Stmt::Assign { lhs: out, rhs })
    }

    /// A variable that can be assigned to, and its type.
    pub(crate) fn target_var(&mut self, l: &AExpr) -> PResult<(Var, Type)> {
        if let ExprKind::Selector(x, name, _) = &unparen(l).kind {
            if let ExprKind::Ident(p) = &unparen(x).kind {
                if self.lookup(p).is_none() && self.imports.contains_key(&**p) {
                    return Err(crate::lexer::SyntaxError::unsupported(
                        x.pos,
                        &format!("assignments to package variables (`{p}.{name}`)"),
                    ));
                }
            }
        }
        if matches!(
            &unparen(l).kind,
            ExprKind::Index(..)
                | ExprKind::Selector(..)
                | ExprKind::Unary(crate::ast::UnOp::Deref, _)
        ) {
            return refuse(l.pos, Construct::AssignToNonVariable);
        }
        let ExprKind::Ident(n) = &unparen(l).kind else {
            return err(
                l.pos,
                format!(
                    "cannot assign to {} (neither addressable nor a map index expression)",
                    show(l)
                ),
            );
        };
        match self.lookup(n).cloned() {
            Some(b @ (Binding::Local { .. } | Binding::Global { .. })) => match self.var_ref(&b) {
                Some(r) => Ok(r),
                None => err(l.pos, format!("cannot assign to {n}")),
            },
            Some(
                Binding::Func { .. }
                | Binding::Const { .. }
                | Binding::Type(_)
                | Binding::Generic(_),
            ) => err(
                l.pos,
                format!("cannot assign to {n} (neither addressable nor a map index expression)"),
            ),
            None => err(l.pos, format!("undefined: {n}")),
        }
    }

    pub(crate) fn assign(&mut self, lhs: &[AExpr], rhs: &[AExpr], pos: Pos) -> PResult<Stmt> {
        if let Some(s) = self.assign_converted(lhs, rhs, pos)? {
            return Ok(s);
        }
        if lhs.len() > 1 && lhs.iter().any(super::typed::is_typed_target) {
            return self.assign_mixed(lhs, rhs, pos);
        }
        if let Some(s) = self.typed_assign(lhs, rhs, pos)? {
            return Ok(s);
        }
        let mut places = Vec::new();
        let mut types = Vec::new();
        for l in lhs {
            let (p, t) = self.assign_target(l)?;
            places.push(p);
            types.push(t);
        }
        let mut r = self.assign_rhs(lhs, &types, rhs, pos)?;
        if let ([place], [Some(t)], Rhs::List(xs)) = (places.as_slice(), types.as_slice(), &mut r) {
            // Arrays are storage: `a = b` writes into `a`'s arrays, which
            // slices of `a` and pointers into it see. (With several
            // targets every right-hand side is read first, so only one.)
            let shape = crate::checker::composite::copy_shape(t);
            if let (Some(shape), [x], Some(old)) = (shape, xs.as_mut_slice(), current(place, t)) {
                let new = std::mem::replace(x, Expr::Const(crate::ir::Const::Nil));
                *x = super::typed::overwrite(old, new, shape);
            }
        }
        if places.iter().all(|p| matches!(p, Place::Var(_))) {
            let lhs = places
                .into_iter()
                .map(|p| match p {
                    Place::Var(l) => l,
                    _ => Lhs::Blank,
                })
                .collect();
            return Ok(Stmt::Assign { lhs, rhs: r });
        }
        Ok(Stmt::Comp(Box::new(CompStmt::Assign {
            targets: places,
            rhs: r,
        })))
    }

    /// `a, p.f, *q, m[k] = ...` with fields or pointees among the targets,
    /// in the spec's two phases: first the operands of the targets'
    /// index expressions and pointer indirections, left to right (with
    /// the right-hand sides, into temporaries); then the assignments, left
    /// to right, so a target stored before one that panics keeps its value
    /// (`*p, m[k] = 1, 2` with a nil `m` sets `*p`).
    fn assign_mixed(&mut self, lhs: &[AExpr], rhs: &[AExpr], pos: Pos) -> PResult<Stmt> {
        let (mut pre, mut post, mut temps, mut types) =
            (Vec::new(), Vec::new(), Vec::new(), Vec::new());
        for l in lhs {
            let (p, t) = if super::typed::is_typed_target(l) {
                let Some(p) = self.target_place(l)? else {
                    return err(l.pos, format!("cannot assign to {}", show(l)));
                };
                (Mixed::Typed(self.root_hoisted(&mut pre, p)), None)
            } else {
                let (p, t) = self.assign_target(l)?;
                // An element's operands are evaluated now, in their turn
                // among the targets' (the pointers' above).
                let p = match p {
                    Place::Elem { x, i, on } => {
                        let x = self.hoist(&mut pre, x);
                        let i = self.hoist(&mut pre, i);
                        Place::Elem { x, i, on }
                    }
                    p => p,
                };
                (Mixed::Place(p), t)
            };
            if matches!(p, Mixed::Place(Place::Var(Lhs::Blank))) {
                temps.push(Lhs::Blank);
                types.push(t);
                continue;
            }
            let tmp = self.new_slot();
            temps.push(Lhs::Declare(tmp));
            let t = match &p {
                Mixed::Typed(tp) => Some(tp.ty.clone()),
                Mixed::Place(_) => t,
            };
            types.push(t);
            let v = Expr::Load(Var::Local(tmp));
            post.push(match p {
                Mixed::Typed(tp) => super::typed::store(tp, v),
                Mixed::Place(Place::Var(l)) => Stmt::Assign {
                    lhs: vec![l],
                    rhs: Rhs::List(vec![v]),
                },
                Mixed::Place(p) => Stmt::Comp(Box::new(CompStmt::Assign {
                    targets: vec![p],
                    rhs: Rhs::List(vec![v]),
                })),
            });
        }
        let r = self.assign_rhs(lhs, &types, rhs, pos)?;
        pre.push(Stmt::Assign { lhs: temps, rhs: r });
        pre.extend(post);
        Ok(Stmt::Block(pre))
    }

    /// A field or pointee target whose pointer is evaluated now into a
    /// temporary (the first phase of a multiple assignment).
    fn root_hoisted(
        &mut self,
        pre: &mut Vec<Stmt>,
        mut p: crate::checker::expr::typed::Place,
    ) -> crate::checker::expr::typed::Place {
        use crate::checker::expr::typed::Root;
        p.root = match std::mem::replace(&mut p.root, Root::Var(Var::Local(0))) {
            Root::Ptr(e) => Root::Ptr(self.hoist(pre, e)),
            root => root,
        };
        p
    }

    /// A target of `=`: `_` (no type), a variable, or an element.
    fn assign_target(&mut self, l: &AExpr) -> PResult<(Place, Option<Type>)> {
        if matches!(&l.kind, ExprKind::Ident(n) if &**n == "_") {
            return Ok((Place::Var(Lhs::Blank), None));
        }
        if let Some(r) = self.elem_place(l) {
            let (p, t) = r?;
            return Ok((p, Some(t)));
        }
        if let Some((p, t)) = self.typed_place(l)? {
            return Ok((p, Some(t)));
        }
        let (v, t) = self.target_var(l)?;
        Ok((Place::Var(Lhs::Set(v)), Some(t)))
    }

    /// `a, b = f()` of variables where some of `f`'s results become
    /// interface values of the variables' types: checked as `{ r0, r1 :=
    /// f(); a, b = r0, r1 }`, so each result is converted as a single
    /// value is (the targets are variables: nothing on the left is
    /// evaluated); `None` when no result needs it.
    fn assign_converted(
        &mut self,
        lhs: &[AExpr],
        rhs: &[AExpr],
        pos: Pos,
    ) -> PResult<Option<Stmt>> {
        let [one] = rhs else { return Ok(None) };
        let plain = lhs.iter().all(|l| matches!(l.kind, ExprKind::Ident(_)));
        if lhs.len() < 2 || !plain || !matches!(unparen(one).kind, ExprKind::Call(..)) {
            return Ok(None);
        }
        let mut types = Vec::new();
        for l in lhs {
            match self.assign_target(l) {
                Ok((_, t)) => types.push(t),
                Err(_) => return Ok(None),
            }
        }
        let Ok((_, Type::Tuple(ts))) = self.expr(one) else {
            return Ok(None);
        };
        let boxes = ts.len() == types.len()
            && ts
                .iter()
                .zip(&types)
                .any(|(have, want)| want.as_ref().is_some_and(|w| w.is_interface() && have != w));
        if !boxes {
            return Ok(None);
        }
        let (names, define) = super::spill_results(one, ts.len(), pos);
        // Without the blank targets (`a, _ = r0, r1` would infer, not
        // convert).
        let (targets, values): (Vec<AExpr>, Vec<AExpr>) = lhs
            .iter()
            .cloned()
            .zip(names.iter().cloned())
            .filter(|(l, _)| !matches!(&l.kind, ExprKind::Ident(n) if &**n == "_"))
            .unzip();
        let set = AStmt {
            pos,
            kind: StmtKind::Assign {
                lhs: targets,
                op: crate::ast::AssignOp::Assign,
                rhs: values,
            },
        };
        let used = AStmt {
            pos,
            kind: StmtKind::Assign {
                lhs: names.iter().map(|_| blank(pos)).collect(),
                op: crate::ast::AssignOp::Assign,
                rhs: names,
            },
        };
        let block = crate::ast::Block {
            stmts: vec![define, used, set],
            end: pos,
        };
        Ok(Some(Stmt::Block(self.block(&block)?)))
    }

    /// The right-hand sides of `=` for targets of types `types` (`None`:
    /// `_`).
    fn assign_rhs(
        &mut self,
        lhs: &[AExpr],
        types: &[Option<Type>],
        rhs: &[AExpr],
        pos: Pos,
    ) -> PResult<Rhs> {
        if types.iter().all(Option::is_some) {
            let types: Vec<Type> = types.iter().flatten().cloned().collect();
            if types.len() == 2 && rhs.len() == 1 {
                if let ExprKind::Assert(x, te) = &unparen(&rhs[0]).kind {
                    return Ok(self.assert_ok(x, te, rhs[0].pos, &types)?.0);
                }
                if let Some(r) = self.map_ok(&rhs[0]) {
                    let (r, got) = r?;
                    self.check_targets(lhs, &got, types.iter().cloned().map(Some).collect())?;
                    return Ok(r);
                }
                if let Some((r, _)) = self.recv_ok(&rhs[0], Some(&types), "assignment")? {
                    return Ok(r);
                }
            }
            return self.rhs_for(&types, rhs, pos, "assignment");
        }
        // Some targets are blank: a list converts each value to its
        // typed target (`f, _ = &T{}, 1` boxes into an interface `f`).
        if rhs.len() == types.len() && rhs.len() > 1 {
            let mut out = Vec::new();
            for (e, t) in rhs.iter().zip(types) {
                match t {
                    Some(t) => out.push(self.value_as(e, t, "assignment")?),
                    None => match self.infer_rhs_blank(1, std::slice::from_ref(e), pos)?.0 {
                        Rhs::List(mut v) if v.len() == 1 => out.push(v.remove(0)),
                        _ => return err(pos, "internal error: blank assignment"),
                    },
                }
            }
            return Ok(Rhs::List(out));
        }
        // Otherwise infer, then check the typed ones.
        let (r, inferred) = self.infer_rhs_blank(lhs.len(), rhs, pos)?;
        self.check_targets(lhs, &inferred, types.to_vec())?;
        Ok(r)
    }

    fn check_targets(&self, lhs: &[AExpr], got: &[Type], want: Vec<Option<Type>>) -> PResult<()> {
        for ((t, want), l) in got.iter().zip(&want).zip(lhs) {
            if let Some(w) = want {
                if !t.assignable_to(w) {
                    return err(
                        l.pos,
                        format!("cannot use value of type {t} as {w} value in assignment"),
                    );
                }
            }
        }
        Ok(())
    }

    /// Like `infer_rhs`, but untyped nil is allowed (assigned to `_` it
    /// is still an error in Go, reported here).
    pub(crate) fn infer_rhs_blank(
        &mut self,
        n: usize,
        rhs: &[AExpr],
        pos: Pos,
    ) -> PResult<(Rhs, Vec<Type>)> {
        self.infer_rhs(n, rhs, pos, None)
    }
}

/// A target of a multiple assignment with fields or pointees among them.
enum Mixed {
    /// A field or pointee (stored by `typed::store`).
    Typed(crate::checker::expr::typed::Place),
    /// A variable, `_` or an element.
    Place(Place),
}

/// The current value of an assignment's target of type `t`, when reading
/// it again evaluates nothing twice: a variable, or an element of an array
/// or slice whose operand and index are variables or constants.
fn current(p: &Place, t: &Type) -> Option<Expr> {
    let simple = |e: &Expr| matches!(e, Expr::Load(_) | Expr::Const(_));
    match p {
        Place::Var(Lhs::Set(v)) => Some(Expr::Load(*v)),
        Place::Elem { x, i, on } if *on != On::Map && simple(x) && simple(i) => {
            Some(Expr::Comp(Box::new(CompExpr::Index {
                x: crate::checker::expr::clone_expr(x),
                i: crate::checker::expr::clone_expr(i),
                on: *on,
                zero: crate::checker::zero(t),
            })))
        }
        _ => None,
    }
}

/// `_` at `pos`.
fn blank(pos: Pos) -> AExpr {
    AExpr {
        pos,
        kind: ExprKind::Ident("_".into()),
    }
}
