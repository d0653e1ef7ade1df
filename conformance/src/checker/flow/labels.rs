//! Labeled statements and `goto`.

use std::rc::Rc;

use super::{goto, label, LabelInfo};
use crate::ast::{Stmt as AStmt, StmtKind};

/// The labels declared in `stmts` and the blocks nested in them (not in
/// function literals: those have labels of their own).
pub(super) fn declared(stmts: &[AStmt]) -> Vec<Rc<str>> {
    let mut out = Vec::new();
    stmts.iter().for_each(|s| declared_in(s, &mut out));
    out
}

fn declared_in(s: &AStmt, out: &mut Vec<Rc<str>>) {
    let all = |ss: &[AStmt], out: &mut Vec<Rc<str>>| ss.iter().for_each(|s| declared_in(s, out));
    match &s.kind {
        StmtKind::Labeled { label, stmt } => {
            out.push(label.0.clone());
            declared_in(stmt, out);
        }
        StmtKind::Block(b) => all(&b.stmts, out),
        StmtKind::If { then, els, .. } => {
            all(&then.stmts, out);
            if let Some(e) = els {
                declared_in(e, out);
            }
        }
        StmtKind::For { body, .. } | StmtKind::Range { body, .. } => all(&body.stmts, out),
        StmtKind::Switch { clauses, .. } => clauses.iter().for_each(|c| all(&c.body, out)),
        StmtKind::TypeSwitch { clauses, .. } => clauses.iter().for_each(|c| all(&c.body, out)),
        StmtKind::Select(clauses) => clauses.iter().for_each(|c| all(&c.body, out)),
        _ => {}
    }
}
use crate::checker::{err, Checker};
use crate::ir::Stmt;
use crate::lexer::{PResult, Pos};

impl Checker {
    /// The jump target of a label (created at its first mention).
    fn label_id(&mut self, name: &Rc<str>, pos: Pos) -> u32 {
        if let Some(l) = self.flow().and_then(|f| f.labels.get(name)) {
            return l.id;
        }
        let id = self.new_target();
        if let Some(f) = self.flow() {
            f.labels.insert(
                name.clone(),
                LabelInfo {
                    id,
                    pos,
                    defined: false,
                    used: false,
                },
            );
        }
        id
    }

    /// Marks a label used (by `goto`, `break L`, `continue L`).
    pub(super) fn use_label(&mut self, name: &Rc<str>, pos: Pos) -> u32 {
        let id = self.label_id(name, pos);
        if let Some(l) = self.flow().and_then(|f| f.labels.get_mut(name)) {
            l.used = true;
        }
        id
    }

    /// `label: stmt`.
    pub(crate) fn labeled(&mut self, name: &Rc<str>, pos: Pos, stmt: &AStmt) -> PResult<Stmt> {
        let id = self.label_id(name, pos);
        let Some(info) = self.flow().and_then(|f| f.labels.get_mut(name)) else {
            return err(pos, "internal error: label");
        };
        if info.defined {
            let at = info.pos;
            return err(pos, format!("label {name} already defined at {at}"));
        }
        info.defined = true;
        info.pos = pos;
        let labels_loop = matches!(
            stmt.kind,
            StmtKind::For { .. } | StmtKind::Range { .. } | StmtKind::Switch { .. }
        );
        if labels_loop {
            if let Some(f) = self.flow() {
                f.pending = Some(name.clone());
            }
        }
        let inner = self.stmt(stmt);
        if let Some(f) = self.flow() {
            f.pending = None;
        }
        let mut out = vec![label(id)];
        out.extend(inner?);
        Ok(Stmt::Block(out))
    }

    /// `goto label` (from a range-over-func body to a label outside it:
    /// the jump is done after the iterator function returned).
    pub(crate) fn goto_stmt(&mut self, name: &Rc<str>, pos: Pos) -> PResult<Stmt> {
        if self.goto_leaves_body(name) {
            return self.range_outer_jump(super::rangefunc::Exit::Goto, &(name.clone(), pos));
        }
        if let Some(f) = self.flow() {
            f.gotos.push((name.clone(), pos));
        }
        Ok(goto(self.use_label(name, pos)))
    }

    /// A `goto` back to a label makes a loop, as gc sees it: the defer
    /// statements between the label and the `goto` are in a loop (their
    /// function's defers go on the chain).
    fn backward_gotos(&mut self, labels: &[(Rc<str>, LabelInfo)], gotos: &[(Rc<str>, Pos)]) {
        let Some(f) = self.fns.last_mut() else {
            return;
        };
        for (name, at) in gotos {
            let Some((_, l)) = labels.iter().find(|(n, _)| n == name) else {
                continue;
            };
            if !l.defined || l.pos > *at {
                continue;
            }
            for (site, p) in f.defer_pos.iter().enumerate() {
                if *p >= l.pos && *p <= *at {
                    if let Some(s) = f.site_in_loop.get_mut(site) {
                        *s = true;
                    }
                    if f.defer_in_loop.is_none_or(|d| *p < d) {
                        f.defer_in_loop = Some(*p);
                    }
                }
            }
        }
    }

    /// Go's errors for the labels of the function just checked.
    pub(crate) fn check_labels(&mut self) -> PResult<()> {
        let Some(f) = self.flow() else {
            return Ok(());
        };
        let gotos = std::mem::take(&mut f.gotos);
        let mut ls: Vec<(Rc<str>, LabelInfo)> = f.labels.drain().collect();
        self.backward_gotos(&ls, &gotos);
        ls.sort_by_key(|(_, l)| l.pos);
        for (name, l) in ls {
            if !l.defined {
                return err(l.pos, format!("label {name} not defined"));
            }
            if !l.used {
                return err(l.pos, format!("label {name} defined and not used"));
            }
        }
        Ok(())
    }
}
