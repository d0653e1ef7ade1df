//! Control flow of issue 9: labels, `goto`, labeled `break`/`continue`,
//! `switch` with `fallthrough`, and `for range`. All of it is lowered to
//! the existing loops and conditionals plus labels and jumps
//! (`ir::CompStmt::Label`/`Goto`); one file per construct.

mod labels;
mod range;
pub(crate) mod rangefunc;
mod switch;

use std::collections::HashMap;
use std::rc::Rc;

use super::{err, Checker};
use crate::ir::{CompStmt, Stmt};
use crate::lexer::{PResult, Pos};

/// What `break` and `continue` can leave, innermost last.
#[derive(Debug, Clone)]
pub(super) struct Breakable {
    /// A loop (else a `switch`).
    pub is_loop: bool,
    /// Its label, if it is labeled.
    pub label: Option<Rc<str>>,
    /// The jump target after it (labeled loops and every `switch`).
    pub end: Option<u32>,
    /// The jump target of `continue` (labeled loops).
    pub cont: Option<u32>,
    /// A range-over-func loop, seen from its body (checker/flow/rangefunc.rs).
    pub range: bool,
}

/// A label of the function.
#[derive(Debug, Clone)]
pub(super) struct LabelInfo {
    pub id: u32,
    pub pos: Pos,
    pub defined: bool,
    pub used: bool,
}

/// The flow state of one function being checked.
#[derive(Debug, Default)]
pub(super) struct FlowCtx {
    pub breakables: Vec<Breakable>,
    pub labels: HashMap<Rc<str>, LabelInfo>,
    pub next: u32,
    /// The label of the statement being checked, for the loop or
    /// `switch` it labels.
    pub pending: Option<Rc<str>>,
    /// Every `goto`: its label and where it is.
    pub gotos: Vec<(Rc<str>, Pos)>,
}

pub(crate) fn label(id: u32) -> Stmt {
    Stmt::Comp(Box::new(CompStmt::Label(id)))
}

pub(crate) fn goto(id: u32) -> Stmt {
    Stmt::Comp(Box::new(CompStmt::Goto(id)))
}

impl Checker {
    fn flow(&mut self) -> Option<&mut FlowCtx> {
        self.fns.last_mut().map(|f| &mut f.flow)
    }

    /// A fresh jump target.
    pub(super) fn new_target(&mut self) -> u32 {
        match self.flow() {
            Some(f) => {
                f.next += 1;
                f.next - 1
            }
            None => 0,
        }
    }

    /// Runs `body` as the body of a loop (or, `is_loop` false, a `switch`)
    /// labeled by the pending label if any; the loop's `(end, cont)` jump
    /// targets when it is labeled (a `switch` always has an end).
    pub(crate) fn breakable<T>(
        &mut self,
        is_loop: bool,
        body: impl FnOnce(&mut Self) -> PResult<T>,
    ) -> PResult<(T, Option<u32>, Option<u32>)> {
        let label = self.flow().and_then(|f| f.pending.take());
        let (end, cont) = if label.is_some() || !is_loop {
            let end = self.new_target();
            (
                Some(end),
                if is_loop {
                    Some(self.new_target())
                } else {
                    None
                },
            )
        } else {
            (None, None)
        };
        if let Some(f) = self.flow() {
            f.breakables.push(Breakable {
                is_loop,
                label,
                end,
                cont,
                range: false,
            });
        }
        if is_loop {
            if let Some(f) = self.fns.last_mut() {
                f.loops += 1;
            }
        }
        let r = body(self);
        if is_loop {
            if let Some(f) = self.fns.last_mut() {
                f.loops = f.loops.saturating_sub(1);
            }
        }
        if let Some(f) = self.flow() {
            f.breakables.pop();
        }
        Ok((r?, end, cont))
    }

    /// `break` or `continue`, with or without a label.
    pub(super) fn jump(
        &mut self,
        brk: bool,
        label: Option<&(Rc<str>, Pos)>,
        pos: Pos,
    ) -> PResult<Stmt> {
        let stack = self
            .flow()
            .map(|f| f.breakables.clone())
            .unwrap_or_default();
        let target = match label {
            Some((l, lp)) => match stack.iter().rev().find(|b| b.label.as_ref() == Some(l)) {
                Some(b) if brk || b.is_loop => b.clone(),
                None if self.range_body().is_some() => {
                    let kind = if brk {
                        rangefunc::Exit::Break
                    } else {
                        rangefunc::Exit::Continue
                    };
                    return self.range_outer_jump(kind, &(l.clone(), *lp));
                }
                _ => {
                    let what = if brk { "break" } else { "continue" };
                    return err(*lp, format!("invalid {what} label {l}"));
                }
            },
            None => match stack.iter().rev().find(|b| brk || b.is_loop) {
                Some(b) => b.clone(),
                None => return self.break_continue(brk, pos),
            },
        };
        if target.range {
            if let (Some(l), Some(rb)) = (label, self.range_body()) {
                if let Some(info) = self.fns[rb.parent].flow.labels.get_mut(&l.0) {
                    info.used = true;
                }
            }
            return self.range_jump(brk);
        }
        if let Some(l) = label {
            self.use_label(&l.0, l.1);
        }
        Ok(
            match (
                brk,
                target.end,
                target.cont,
                target.is_loop,
                label.is_some(),
            ) {
                (true, _, _, true, false) => Stmt::Break,
                (false, _, _, _, false) => Stmt::Continue,
                (true, Some(end), _, _, _) => goto(end),
                (false, _, Some(cont), _, _) => goto(cont),
                _ => return err(pos, "internal error: jump without a target"),
            },
        )
    }
}
