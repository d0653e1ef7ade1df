//! Expression `switch` statements with `fallthrough`: lowered to a chain
//! of conditional jumps to the clauses (cases in source order, `default`
//! last), each clause ending in a jump past the switch or, with
//! `fallthrough`, into the next clause.

use super::{goto, label};
use crate::ast::{CaseClause, Expr as AExpr, Stmt as AStmt, StmtKind};
use crate::checker::expr::{coerce, show};
use crate::checker::{err, Checker};
use crate::ir::{Cmp, Expr, Lhs, Rhs, Stmt, Var};
use crate::lexer::{PResult, Pos};
use crate::types::Type;

impl Checker {
    /// `switch init; tag { clauses }`.
    pub(crate) fn switch_stmt(
        &mut self,
        init: Option<&AStmt>,
        tag: Option<&AExpr>,
        clauses: &[CaseClause],
    ) -> PResult<Stmt> {
        self.scoped(|c| {
            let mut out = Vec::new();
            if let Some(i) = init {
                out.extend(c.stmt(i)?);
            }
            let tag = match tag {
                Some(t) => Some(c.switch_tag(t, &mut out)?),
                None => None,
            };
            let (body, _, _) = c.breakable(false, |c| c.switch_body(tag, clauses))?;
            out.extend(body);
            Ok(Stmt::Block(out))
        })
    }

    /// Evaluates the tag once, into a hidden local.
    fn switch_tag(&mut self, t: &AExpr, out: &mut Vec<Stmt>) -> PResult<(u32, Type)> {
        let (e, ty) = self.value(t)?;
        if ty == Type::Nil {
            return err(t.pos, "use of untyped nil in switch expression");
        }
        let slot = self.new_slot();
        out.push(Stmt::Assign {
            lhs: vec![Lhs::Declare(slot)],
            rhs: Rhs::List(vec![e]),
        });
        Ok((slot, ty))
    }

    fn switch_body(
        &mut self,
        tag: Option<(u32, Type)>,
        clauses: &[CaseClause],
    ) -> PResult<Vec<Stmt>> {
        let end = self
            .flow()
            .and_then(|f| f.breakables.last())
            .and_then(|b| b.end)
            .unwrap_or(0);
        let targets: Vec<u32> = clauses.iter().map(|_| self.new_target()).collect();
        let mut out = Vec::new();
        let mut default = None;
        for (k, cl) in clauses.iter().enumerate() {
            let Some(exprs) = &cl.exprs else {
                if default.is_some() {
                    return err(cl.pos, "multiple defaults in switch");
                }
                default = Some(targets[k]);
                continue;
            };
            for e in exprs {
                let cond = self.case_cond(tag.as_ref(), e)?;
                out.push(Stmt::If {
                    init: None,
                    cond,
                    then: vec![goto(targets[k])],
                    els: Vec::new(),
                });
            }
        }
        out.push(goto(default.unwrap_or(end)));
        for (k, cl) in clauses.iter().enumerate() {
            out.push(label(targets[k]));
            let (stmts, fall) = split_fallthrough(&cl.body);
            out.extend(self.scoped(|c| c.block_stmts(stmts))?);
            match fall {
                Some(p) if k + 1 == clauses.len() => {
                    return err(p, "cannot fallthrough final case in switch")
                }
                Some(_) => out.push(goto(targets[k + 1])),
                None => out.push(goto(end)),
            }
        }
        out.push(label(end));
        Ok(out)
    }

    /// The condition of one case expression.
    fn case_cond(&mut self, tag: Option<&(u32, Type)>, e: &AExpr) -> PResult<Expr> {
        let (x, t) = self.value(e)?;
        let Some((slot, tt)) = tag else {
            // `case i:` with an interface `i`: compared with the tag `true`.
            if t.is_interface() {
                let tru = crate::checker::expr::typed::to_iface(
                    Expr::Const(crate::value::Value::Bool(true)),
                    &Type::Bool,
                );
                return Ok(Expr::Cmp(Cmp::Eq, Box::new(x), Box::new(tru)));
            }
            if t != Type::Bool {
                return err(
                    e.pos,
                    format!(
                        "invalid case {} in switch (mismatched types {} and bool)",
                        show(e),
                        t.describe()
                    ),
                );
            }
            return Ok(x);
        };
        // An untyped numeric constant takes the tag's numeric type.
        let untyped = matches!(x, Expr::Const(_)) && matches!(t, Type::Int | Type::Float(64));
        if untyped && *tt != t && crate::checker::num_kind(tt).is_some() {
            let x = coerce(x, &t, tt, e, "switch case")?;
            let tag = Expr::Load(Var::Local(*slot));
            return Ok(Expr::Cmp(Cmp::Eq, Box::new(tag), Box::new(x)));
        }
        // `case nil` on a tag of a type comparable only to nil.
        if t == Type::Nil {
            let tag = Expr::Load(Var::Local(*slot));
            match tt.underlying() {
                Type::Slice(_) | Type::Map(..) => {
                    let c = crate::ir::CompExpr::IsNil { x: tag, neg: false };
                    return Ok(Expr::Comp(Box::new(c)));
                }
                Type::Func(_) => return Ok(Expr::IsNil(Box::new(tag), false)),
                _ => {}
            }
        }
        if !(t.assignable_to(tt) || tt.assignable_to(&t)) || !tt.comparable() {
            return err(
                e.pos,
                format!(
                    "invalid case {} in switch on tag (mismatched types {} and {})",
                    show(e),
                    t.describe(),
                    tt
                ),
            );
        }
        let x = if t.assignable_to(tt) {
            coerce(x, &t, tt, e, "switch case")?
        } else {
            x
        };
        let tag = Expr::Load(Var::Local(*slot));
        Ok(Expr::Cmp(Cmp::Eq, Box::new(tag), Box::new(x)))
    }
}

/// A clause's statements without a final `fallthrough`, and where that
/// `fallthrough` is.
fn split_fallthrough(body: &[AStmt]) -> (&[AStmt], Option<Pos>) {
    let last = body
        .iter()
        .rposition(|s| !matches!(s.kind, StmtKind::Empty));
    match last {
        Some(i) if matches!(body[i].kind, StmtKind::Fallthrough) => (&body[..i], Some(body[i].pos)),
        _ => (body, None),
    }
}
