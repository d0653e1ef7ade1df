//! Checking statements.

use std::collections::HashMap;

use super::expr::{op_assign_arith, show, single, unparen};
use super::{err, zero, Binding, Checker};
use crate::ast::{AssignOp, Block, Expr as AExpr, ExprKind, Stmt as AStmt, StmtKind, VarSpec};
use crate::ir::{Arith, Builtin, Expr, Lhs, Rhs, Stmt, Target, Var};
use crate::lexer::{PResult, Pos};
use crate::types::Type;
use crate::value::Value;

impl Checker {
    /// Statements of a block whose scope the caller opened.
    pub(super) fn block_stmts(&mut self, stmts: &[AStmt]) -> PResult<Vec<Stmt>> {
        let mut out = Vec::new();
        for s in stmts {
            if let Some(s) = self.stmt(s)? {
                out.push(s);
            }
        }
        Ok(out)
    }

    fn block(&mut self, b: &Block) -> PResult<Vec<Stmt>> {
        let level = self.fns.len().saturating_sub(1);
        self.scopes.push((HashMap::new(), level));
        let r = self.block_stmts(&b.stmts);
        self.scopes.pop();
        r
    }

    fn stmt(&mut self, s: &AStmt) -> PResult<Option<Stmt>> {
        Ok(Some(match &s.kind {
            StmtKind::Empty => return Ok(None),
            StmtKind::Var(specs) => {
                let mut out = Vec::new();
                for v in specs {
                    out.push(self.local_var(v)?);
                }
                // A group declares into the enclosing scope: the IR block
                // is only a sequence.
                match out.len() {
                    1 => out.remove(0),
                    _ => Stmt::Block(out),
                }
            }
            StmtKind::Expr(e) => self.expr_stmt(e)?,
            StmtKind::Assign { lhs, op, rhs } => match op {
                AssignOp::Define => self.define(lhs, rhs, s.pos)?,
                AssignOp::Assign => self.assign(lhs, rhs, s.pos)?,
                AssignOp::Op(bop) => {
                    let (var, t) = self.target_var(&lhs[0])?;
                    let [r] = rhs.as_slice() else {
                        return err(
                            s.pos,
                            "assignment operation requires single-valued expressions",
                        );
                    };
                    let re = self.value_as(r, &t, "assignment")?;
                    let op = op_assign_arith(*bop, &t, &re, s.pos)?;
                    Stmt::OpAssign { var, op, rhs: re }
                }
            },
            StmtKind::IncDec { x, inc } => {
                let (var, t) = self.target_var(x)?;
                if t != Type::Int {
                    return err(
                        s.pos,
                        format!(
                            "invalid operation: {}{} (non-numeric type {t})",
                            show(x),
                            if *inc { "++" } else { "--" }
                        ),
                    );
                }
                let op = if *inc { Arith::Add } else { Arith::Sub };
                Stmt::OpAssign {
                    var,
                    op,
                    rhs: Expr::Const(Value::Int(1)),
                }
            }
            StmtKind::Return(exprs) => self.return_stmt(exprs, s.pos)?,
            StmtKind::Break | StmtKind::Continue => {
                let brk = matches!(s.kind, StmtKind::Break);
                if self.fns.last().map_or(0, |f| f.loops) == 0 {
                    let m = if brk {
                        "break is not in a loop, switch, or select"
                    } else {
                        "continue is not in a loop"
                    };
                    return err(s.pos, m);
                }
                if brk {
                    Stmt::Break
                } else {
                    Stmt::Continue
                }
            }
            StmtKind::Block(b) => Stmt::Block(self.block(b)?),
            StmtKind::If {
                init,
                cond,
                then,
                els,
            } => {
                let level = self.fns.len().saturating_sub(1);
                self.scopes.push((HashMap::new(), level));
                let r = self.if_stmt(init.as_deref(), cond, then, els.as_deref());
                self.scopes.pop();
                r?
            }
            StmtKind::For {
                init,
                cond,
                post,
                body,
            } => {
                let level = self.fns.len().saturating_sub(1);
                self.scopes.push((HashMap::new(), level));
                let r = self.for_stmt(init.as_deref(), cond.as_ref(), post.as_deref(), body);
                self.scopes.pop();
                r?
            }
            StmtKind::Defer(e) => self.defer_stmt(e, s.pos)?,
        }))
    }

    fn if_stmt(
        &mut self,
        init: Option<&AStmt>,
        cond: &AExpr,
        then: &Block,
        els: Option<&AStmt>,
    ) -> PResult<Stmt> {
        let init = match init {
            Some(s) => self.stmt(s)?.map(Box::new),
            None => None,
        };
        let (c, t) = self.value(cond)?;
        if t != Type::Bool {
            return err(cond.pos, "non-boolean condition in if statement");
        }
        let then = self.block(then)?;
        let els = match els {
            Some(s) => self.stmt(s)?.into_iter().collect(),
            None => Vec::new(),
        };
        Ok(Stmt::If {
            init,
            cond: c,
            then,
            els,
        })
    }

    fn for_stmt(
        &mut self,
        init: Option<&AStmt>,
        cond: Option<&AExpr>,
        post: Option<&AStmt>,
        body: &Block,
    ) -> PResult<Stmt> {
        let init = match init {
            Some(s) => self.stmt(s)?.map(Box::new),
            None => None,
        };
        let per_iter = match init.as_deref() {
            Some(Stmt::Assign { lhs, .. }) => lhs
                .iter()
                .filter_map(|l| match l {
                    Lhs::Declare(s) => Some(*s),
                    _ => None,
                })
                .collect(),
            _ => Vec::new(),
        };
        let cond = match cond {
            Some(c) => {
                let (e, t) = self.value(c)?;
                if t != Type::Bool {
                    return err(c.pos, "non-boolean condition in for statement");
                }
                Some(e)
            }
            None => None,
        };
        let post = match post {
            Some(s) => self.stmt(s)?.map(Box::new),
            None => None,
        };
        if let Some(f) = self.fns.last_mut() {
            f.loops += 1;
        }
        // On an error the context stack is abandoned as it is.
        let body = self.block(body)?;
        if let Some(f) = self.fns.last_mut() {
            f.loops = f.loops.saturating_sub(1);
        }
        Ok(Stmt::For {
            init,
            cond,
            post,
            body,
            per_iter,
        })
    }

    fn expr_stmt(&mut self, e: &AExpr) -> PResult<Stmt> {
        let inner = unparen(e);
        let ExprKind::Call(f, _) = &inner.kind else {
            let (_, t) = self.expr(e)?;
            return err(e.pos, format!("{} ({}) is not used", show(e), t.describe()));
        };
        let (x, t) = self.expr(inner)?;
        if let Expr::Call(c) = &x {
            if matches!(c.target, Target::Builtin(Builtin::Len)) {
                return err(
                    e.pos,
                    format!("{} (value of type int) is not used", show(e)),
                );
            }
            return Ok(Stmt::Expr(x));
        }
        let _ = f;
        err(
            e.pos,
            format!("{} (value of type {}) is not used", show(e), t.describe()),
        )
    }

    fn defer_stmt(&mut self, e: &AExpr, pos: Pos) -> PResult<Stmt> {
        if matches!(e.kind, ExprKind::Paren(_)) {
            return err(e.pos, "expression in defer must not be parenthesized");
        }
        if !matches!(e.kind, ExprKind::Call(..)) {
            return err(e.pos, "expression in defer must be function call");
        }
        let (x, _) = self.expr(e)?;
        let Expr::Call(call) = x else {
            return err(e.pos, "defer requires function call, not conversion");
        };
        if matches!(call.target, Target::Builtin(Builtin::Len)) {
            return err(e.pos, format!("defer discards result of {}", show(e)));
        }
        let Some(f) = self.fns.last_mut() else {
            return err(pos, "defer outside function");
        };
        let site = f.defers;
        f.defers += 1;
        f.defer_pos.push(pos);
        f.site_in_loop.push(f.loops > 0);
        if f.loops > 0 && f.defer_in_loop.is_none() {
            f.defer_in_loop = Some(pos);
        }
        Ok(Stmt::Defer { call: *call, site })
    }

    fn return_stmt(&mut self, exprs: &[AExpr], pos: Pos) -> PResult<Stmt> {
        let Some(f) = self.fns.last_mut() else {
            return err(pos, "return outside function");
        };
        f.returns += 1;
        let results = f.results.clone();
        let named = f.named_results;
        if exprs.is_empty() {
            if !results.is_empty() && !named {
                return err(pos, "not enough return values\n\thave ()");
            }
            return Ok(Stmt::Return(None));
        }
        if results.is_empty() {
            return err(exprs[0].pos, "too many return values");
        }
        let rhs = self.rhs_for(&results, exprs, pos, "return statement")?;
        Ok(Stmt::Return(Some(rhs)))
    }

    /// Right-hand sides assigned to targets of the given types.
    fn rhs_for(&mut self, types: &[Type], exprs: &[AExpr], pos: Pos, ctx: &str) -> PResult<Rhs> {
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
    fn infer_rhs(
        &mut self,
        n: usize,
        exprs: &[AExpr],
        pos: Pos,
        declared: Option<&Type>,
    ) -> PResult<(Rhs, Vec<Type>)> {
        if let Some(t) = declared {
            if exprs.is_empty() {
                return Ok((
                    Rhs::List((0..n).map(|_| Expr::Const(zero(t))).collect()),
                    vec![t.clone(); n],
                ));
            }
            let types = vec![t.clone(); n];
            if n == 2 && exprs.len() == 1 {
                if let ExprKind::Assert(x, te) = &unparen(&exprs[0]).kind {
                    return self.assert_ok(x, te, exprs[0].pos, &types);
                }
            }
            return Ok((
                self.rhs_for(&types, exprs, pos, "variable declaration")?,
                types,
            ));
        }
        if n == 2 && exprs.len() == 1 {
            if let ExprKind::Assert(x, te) = &unparen(&exprs[0]).kind {
                let to = self.type_expr(te)?;
                return self.assert_ok(x, te, exprs[0].pos, &[to, Type::Bool]);
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
            out.push(x);
            types.push(t);
        }
        Ok((Rhs::List(out), types))
    }

    /// `v, ok = x.(T)` for targets of types `targets`.
    fn assert_ok(
        &mut self,
        x: &AExpr,
        te: &crate::ast::TypeExpr,
        pos: Pos,
        targets: &[Type],
    ) -> PResult<(Rhs, Vec<Type>)> {
        let to = self.type_expr(te)?;
        let (xe, _) = self.assert_operand(x, &to, pos)?;
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
    pub(super) fn var_values(
        &mut self,
        v: &VarSpec,
        declared: Option<&Type>,
    ) -> PResult<(Rhs, Vec<Type>)> {
        self.infer_rhs(v.names.len(), &v.values, v.pos, declared)
    }

    fn local_var(&mut self, v: &VarSpec) -> PResult<Stmt> {
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

    fn define(&mut self, lhs: &[AExpr], rhs: &[AExpr], pos: Pos) -> PResult<Stmt> {
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
        let (rhs, types) = if existing.iter().any(Option::is_some) {
            let mut types = Vec::new();
            let mut all = Vec::new();
            for b in &existing {
                match b {
                    Some(Binding::Local { ty, .. }) | Some(Binding::Global { ty, .. }) => {
                        all.push(Some(ty.clone()))
                    }
                    _ => all.push(None),
                }
            }
            let (r, inferred) = self.infer_rhs(names.len(), rhs, pos, None)?;
            for (i, t) in inferred.into_iter().enumerate() {
                if let Some(Some(want)) = all.get(i) {
                    if !t.assignable_to(want) {
                        return err(
                            names[i].1,
                            format!("cannot use value of type {t} as {want} value in assignment"),
                        );
                    }
                    types.push(want.clone());
                } else {
                    types.push(t);
                }
            }
            (r, types)
        } else {
            self.infer_rhs(names.len(), rhs, pos, None)?
        };
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
    fn target_var(&mut self, l: &AExpr) -> PResult<(Var, Type)> {
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
            Some(Binding::Func { .. }) => err(
                l.pos,
                format!("cannot assign to {n} (neither addressable nor a map index expression)"),
            ),
            None => err(l.pos, format!("undefined: {n}")),
        }
    }

    fn assign(&mut self, lhs: &[AExpr], rhs: &[AExpr], pos: Pos) -> PResult<Stmt> {
        let mut targets = Vec::new();
        let mut types = Vec::new();
        for l in lhs {
            if matches!(&l.kind, ExprKind::Ident(n) if &**n == "_") {
                targets.push(Lhs::Blank);
                types.push(None);
                continue;
            }
            let (v, t) = self.target_var(l)?;
            targets.push(Lhs::Set(v));
            types.push(Some(t));
        }
        if types.iter().all(Option::is_some) {
            let types: Vec<Type> = types.into_iter().flatten().collect();
            if types.len() == 2 && rhs.len() == 1 {
                if let ExprKind::Assert(x, te) = &unparen(&rhs[0]).kind {
                    let (r, _) = self.assert_ok(x, te, rhs[0].pos, &types)?;
                    return Ok(Stmt::Assign {
                        lhs: targets,
                        rhs: r,
                    });
                }
            }
            let r = self.rhs_for(&types, rhs, pos, "assignment")?;
            return Ok(Stmt::Assign {
                lhs: targets,
                rhs: r,
            });
        }
        // Some targets are blank: infer, then check the typed ones.
        let (r, inferred) = self.infer_rhs_blank(lhs.len(), rhs, pos)?;
        for ((t, want), l) in inferred.iter().zip(&types).zip(lhs) {
            if let Some(w) = want {
                if !t.assignable_to(w) {
                    return err(
                        l.pos,
                        format!("cannot use value of type {t} as {w} value in assignment"),
                    );
                }
            }
        }
        Ok(Stmt::Assign {
            lhs: targets,
            rhs: r,
        })
    }

    /// Like `infer_rhs`, but untyped nil is allowed (assigned to `_` it
    /// is still an error in Go, reported here).
    fn infer_rhs_blank(&mut self, n: usize, rhs: &[AExpr], pos: Pos) -> PResult<(Rhs, Vec<Type>)> {
        self.infer_rhs(n, rhs, pos, None)
    }
}

/// Go's terminating statements (spec §Terminating statements), for
/// "missing return".
pub(super) fn terminates_block(stmts: &[AStmt]) -> bool {
    stmts
        .iter()
        .rev()
        .find(|s| !matches!(s.kind, StmtKind::Empty))
        .is_some_and(terminates)
}

fn terminates(s: &AStmt) -> bool {
    match &s.kind {
        StmtKind::Return(_) => true,
        StmtKind::Expr(e) => matches!(&unparen(e).kind,
            ExprKind::Call(f, _) if matches!(&f.kind, ExprKind::Ident(n) if &**n == "panic")),
        StmtKind::Block(b) => terminates_block(&b.stmts),
        StmtKind::If {
            then, els: Some(e), ..
        } => terminates_block(&then.stmts) && terminates(e),
        StmtKind::For {
            cond: None, body, ..
        } => !has_break(&body.stmts),
        _ => false,
    }
}

/// Whether a `break` in `stmts` (not in a nested loop) targets the loop.
fn has_break(stmts: &[AStmt]) -> bool {
    stmts.iter().any(|s| match &s.kind {
        StmtKind::Break => true,
        StmtKind::Block(b) => has_break(&b.stmts),
        StmtKind::If { then, els, .. } => {
            has_break(&then.stmts)
                || els
                    .as_deref()
                    .is_some_and(|e| has_break(std::slice::from_ref(e)))
        }
        _ => false,
    })
}
