//! Range-over-func loops (Go 1.23), lowered as gc's rangefunc rewrite
//! does: the body becomes a `yield` closure; `break`, `continue`,
//! `return` and jumps out of the body set hidden variables and return
//! false/true; `defer` in the body registers on the frame of the function
//! that has the loop (`CompStmt::DeferTo`, the core's `defer_call_to`);
//! the state checks raise gc's run-time errors (`range function continued
//! iteration after ...`, `... recovered a loop body panic and did not
//! resume panicking`).

use std::rc::Rc;

use super::Breakable;
use crate::ast::{Block, Expr as AExpr, ExprKind};
use crate::checker::{err, Checker, FnCtx};
use crate::ir::{
    Args, Builtin, Call, Cmp, CompExpr, CompStmt, Const, Expr, FuncCode, Lhs, Rhs, Stmt, Target,
    Var,
};
use crate::lexer::{PResult, Pos};
use crate::types::{FuncType, Type};

/// gc's states of a range-over-func loop (`abi.RF_*`).
const DONE: i64 = 0;
const READY: i64 = 1;
const PANIC: i64 = 2;
const EXHAUSTED: i64 = 3;
const MISSING_PANIC: i64 = 4;

/// The loop a range-over-func body belongs to, in the body's context.
#[derive(Debug, Clone)]
pub(crate) struct RangeBody {
    /// The level of the context that has the loop.
    pub(super) parent: usize,
    /// `#state` and `#next` there.
    state: u32,
    next: u32,
    /// The function that really has the loop (through nested bodies) and
    /// its activation index variable.
    real: usize,
    act: u32,
    /// Jumps out of the body to labels outside it: `(code, label, kind)`.
    outer: Vec<(i64, Rc<str>, Pos, Exit)>,
    /// The labels declared in the body (a `goto` to any other label
    /// leaves the body).
    labels: Rc<[Rc<str>]>,
}

/// How a body's jump to a label outside it continues after the iterator
/// function returned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Exit {
    Break,
    Continue,
    Goto,
}

fn int(n: i64) -> Expr {
    Expr::Const(Const::Int(n))
}

fn set(v: Var, e: Expr) -> Stmt {
    Stmt::Assign {
        lhs: vec![Lhs::Set(v)],
        rhs: Rhs::List(vec![e]),
    }
}

fn ret(b: bool) -> Stmt {
    Stmt::Return(Some(Rhs::List(vec![Expr::Const(Const::Bool(b))])), 0)
}

fn is(v: Var, n: i64) -> Expr {
    Expr::Cmp(Cmp::Eq, Box::new(Expr::Load(v)), Box::new(int(n)))
}

fn when(cond: Expr, then: Vec<Stmt>) -> Stmt {
    Stmt::If {
        init: None,
        cond,
        then,
        els: Vec::new(),
    }
}

fn panic_range(state: Expr) -> Stmt {
    let e = Expr::Comp(Box::new(CompExpr::RangeError(state)));
    Stmt::Expr(Expr::Call(Box::new(Call {
        line: 0,
        target: Target::Builtin(Builtin::Panic),
        args: Args::List(vec![e]),
    })))
}

impl Checker {
    /// A variable of context `level`, from the current context.
    pub(crate) fn var_at(&mut self, level: usize, slot: u32) -> Var {
        let cur = self.fns.len().saturating_sub(1);
        if level == cur {
            Var::Local(slot)
        } else {
            Var::Capture(self.capture(cur, (level, slot)))
        }
    }

    /// The range-over-func body the current context is, if any.
    pub(crate) fn range_body(&self) -> Option<RangeBody> {
        self.fns.last().and_then(|f| f.range_body.clone())
    }

    /// `for k, v := range f { body }` over an iterator function `f` (of
    /// type `xt`, whose underlying type is a func type).
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn range_func(
        &mut self,
        fe: Expr,
        xt: &Type,
        vars: [Option<&AExpr>; 2],
        define: bool,
        x: &AExpr,
        body: &Block,
    ) -> PResult<Stmt> {
        let what = || crate::checker::expr::operand(x, &fe, xt);
        let yield_ft = match iterator_yield(xt) {
            Ok(y) => y,
            Err(cause) => return err(x.pos, format!("cannot range over {}: {cause}", what())),
        };
        let too_many = match yield_ft.params.len() {
            0 => vars[0].map(|k| (k, "permits no iteration variables")),
            1 => vars[1].map(|v| (v, "permits only one iteration variable")),
            _ => None,
        };
        if let Some((v, cause)) = too_many {
            return err(v.pos, format!("range over {} {cause}", what()));
        }
        let parent = self.fns.len().saturating_sub(1);
        let (state, next) = (self.new_slot(), self.new_slot());
        let mut out = vec![
            Stmt::Assign {
                lhs: vec![Lhs::Declare(state)],
                rhs: Rhs::List(vec![int(READY)]),
            },
            Stmt::Assign {
                lhs: vec![Lhs::Declare(next)],
                rhs: Rhs::List(vec![int(0)]),
            },
        ];
        let (real, act) = match self.range_body() {
            Some(rb) => (rb.real, rb.act),
            None => {
                let act = self.new_slot();
                out.push(Stmt::Assign {
                    lhs: vec![Lhs::Declare(act)],
                    rhs: Rhs::List(vec![Expr::Comp(Box::new(CompExpr::ActIndex))]),
                });
                (parent, act)
            }
        };
        let info = RangeBody {
            parent,
            state,
            next,
            real,
            act,
            outer: Vec::new(),
            labels: super::labels::declared(&body.stmts).into(),
        };
        let label = self.flow().and_then(|f| f.pending.take());
        let (code, info) = self.yield_fn(&yield_ft, vars, define, body, info, label)?;
        out.push(Stmt::Expr(Expr::Call(Box::new(Call {
            line: 0,
            target: Target::Value(fe),
            args: Args::List(vec![Expr::Lit(code)]),
        }))));
        out.extend(self.after_iterator(&info)?);
        Ok(Stmt::Block(out))
    }

    /// The checks and jumps after the iterator function returned.
    fn after_iterator(&mut self, info: &RangeBody) -> PResult<Vec<Stmt>> {
        let st = Var::Local(info.state);
        let next = Var::Local(info.next);
        let mut out = vec![
            when(is(st, PANIC), vec![panic_range(int(MISSING_PANIC))]),
            set(st, int(EXHAUSTED)),
        ];
        out.push(when(is(next, -1), self.return_from_here()));
        for (code, l, p, kind) in &info.outer {
            let jump = match kind {
                Exit::Goto => self.goto_stmt(l, *p)?,
                _ => self.jump(*kind == Exit::Break, Some(&(l.clone(), *p)), *p)?,
            };
            out.push(when(is(next, *code), vec![jump]));
        }
        Ok(out)
    }

    /// A pending `return` of the real function: from a body, passed on;
    /// from the real function, the return itself (results already set).
    fn return_from_here(&mut self) -> Vec<Stmt> {
        match self.range_body() {
            Some(rb) => {
                let next = self.var_at(rb.parent, rb.next);
                let st = self.var_at(rb.parent, rb.state);
                vec![set(next, int(-1)), set(st, int(DONE)), ret(false)]
            }
            None => vec![Stmt::Return(None, 0)],
        }
    }

    /// The body as the `yield` function.
    fn yield_fn(
        &mut self,
        yft: &FuncType,
        vars: [Option<&AExpr>; 2],
        define: bool,
        body: &Block,
        info: RangeBody,
        label: Option<Rc<str>>,
    ) -> PResult<(Rc<FuncCode>, RangeBody)> {
        self.lit_count += 1;
        let name = self.go_name(body.end, true);
        let own = name.is_some();
        let name = name
            .unwrap_or_else(|| format!("{}.minigo-range{}", self.cur_name, self.lit_count).into());
        let level = self.fns.len();
        let mut ctx = FnCtx {
            results: vec![Type::Bool],
            range_body: Some(info),
            ..FnCtx::default()
        };
        ctx.flow.breakables.push(Breakable {
            is_loop: true,
            label,
            end: None,
            cont: None,
            range: true,
        });
        self.fns.push(ctx);
        self.scopes.push((Default::default(), level));
        if own {
            self.go_names.push((name.clone(), 0, 0));
        }
        let r = self.yield_body(yft, vars, define, body);
        if own {
            self.go_names.pop();
        }
        let r = r.and_then(|v| self.check_labels().map(|()| v));
        self.scopes.pop();
        let ctx = self.fns.pop().unwrap_or_default();
        let (stmts, result) = r?;
        let info = ctx
            .range_body
            .clone()
            .ok_or(())
            .or_else(|_| err(body.end, "internal error: range body"))?;
        let sig = Rc::new(FuncType {
            params: yft.params.clone(),
            results: vec![Type::Bool],
            variadic: false,
        });
        let code = Rc::new(FuncCode {
            name,
            sig: sig.clone(),
            nparams: yft.params.len(),
            results: vec![(result, Const::Bool(false))],
            nslots: ctx.nslots as usize,
            captures: ctx.captures,
            body: stmts,
            open: true,
            end_line: 0,
            wrapper: false,
        });
        Ok((code, info))
    }

    fn yield_body(
        &mut self,
        yft: &FuncType,
        vars: [Option<&AExpr>; 2],
        define: bool,
        body: &Block,
    ) -> PResult<(Vec<Stmt>, u32)> {
        let params: Vec<u32> = yft.params.iter().map(|_| self.new_slot()).collect();
        let result = self.new_slot();
        let Some(rb) = self.range_body() else {
            return err(body.end, "internal error: range body");
        };
        let st = self.var_at(rb.parent, rb.state);
        let tmp = self.new_slot();
        let mut out = vec![
            when(
                Expr::Not(Box::new(is(st, READY))),
                vec![
                    Stmt::Assign {
                        lhs: vec![Lhs::Declare(tmp)],
                        rhs: Rhs::List(vec![Expr::Load(st)]),
                    },
                    set(st, int(PANIC)),
                    panic_range(Expr::Load(Var::Local(tmp))),
                ],
            ),
            set(st, int(PANIC)),
        ];
        for ((v, slot), t) in vars.iter().zip(&params).zip(&yft.params) {
            let Some(v) = v else { continue };
            self.bind_yield_var(v, *slot, t, define, &mut out)?;
        }
        out.extend(self.block(body)?);
        let st = self.var_at(rb.parent, rb.state);
        out.push(set(st, int(READY)));
        out.push(ret(true));
        Ok((out, result))
    }

    fn bind_yield_var(
        &mut self,
        v: &AExpr,
        slot: u32,
        t: &Type,
        define: bool,
        out: &mut Vec<Stmt>,
    ) -> PResult<()> {
        if matches!(&v.kind, ExprKind::Ident(n) if &**n == "_") {
            return Ok(());
        }
        if define {
            let ExprKind::Ident(n) = &v.kind else {
                return err(
                    v.pos,
                    format!(
                        "non-name {} on left side of :=",
                        crate::checker::expr::show(v)
                    ),
                );
            };
            return self.bind_local(n, v.pos, slot, t.clone(), false);
        }
        let (target, want) = self.target_var(v)?;
        if !t.assignable_to(&want) {
            return err(
                v.pos,
                format!(
                    "cannot assign {t} to {} in range",
                    crate::checker::expr::show(v)
                ),
            );
        }
        out.push(Stmt::Assign {
            lhs: vec![Lhs::Set(target)],
            rhs: Rhs::List(vec![Expr::Load(Var::Local(slot))]),
        });
        Ok(())
    }

    /// `break`/`continue` of the range-over-func loop itself, from its body.
    pub(crate) fn range_jump(&mut self, brk: bool) -> PResult<Stmt> {
        let Some(rb) = self.range_body() else {
            return err(Pos::default(), "internal error: range jump");
        };
        let st = self.var_at(rb.parent, rb.state);
        Ok(Stmt::Block(if brk {
            vec![set(st, int(DONE)), ret(false)]
        } else {
            vec![set(st, int(READY)), ret(true)]
        }))
    }

    /// Whether `goto label` in the current context leaves a range-over-func
    /// body: the label is not one the body declares.
    pub(crate) fn goto_leaves_body(&self, label: &str) -> bool {
        self.range_body()
            .is_some_and(|rb| !rb.labels.iter().any(|l| &**l == label))
    }

    /// A jump from the body to a label outside it (`break L`, `continue L`,
    /// `goto L`): a code in `#next`, the jump itself done after the
    /// iterator function returned.
    pub(crate) fn range_outer_jump(&mut self, kind: Exit, l: &(Rc<str>, Pos)) -> PResult<Stmt> {
        let Some(mut rb) = self.range_body() else {
            let what = if kind == Exit::Break {
                "break"
            } else {
                "continue"
            };
            return err(l.1, format!("invalid {what} label {}", l.0));
        };
        let code = 2 + rb.outer.len() as i64;
        rb.outer.push((code, l.0.clone(), l.1, kind));
        let (next, st) = (
            self.var_at(rb.parent, rb.next),
            self.var_at(rb.parent, rb.state),
        );
        if let Some(f) = self.fns.last_mut() {
            f.range_body = Some(rb);
        }
        Ok(Stmt::Block(vec![
            set(next, int(code)),
            set(st, int(DONE)),
            ret(false),
        ]))
    }

    /// `return` in a range-over-func body: the real function's results are
    /// set, then the body stops the loop.
    pub(crate) fn range_return(&mut self, exprs: &[AExpr], pos: Pos) -> PResult<Stmt> {
        let Some(rb) = self.range_body() else {
            return err(pos, "internal error: range return");
        };
        let (results, slots, named) = {
            let f = &self.fns[rb.real];
            (f.results.clone(), f.result_slots.clone(), f.named_results)
        };
        if let Some(s) = self.return_converted(&results, exprs, pos, false)? {
            return Ok(s);
        }
        let mut out = Vec::new();
        if exprs.is_empty() {
            if !results.is_empty() && !named {
                return err(pos, "not enough return values\n\thave ()");
            }
        } else {
            let rhs = self.rhs_for(&results, exprs, pos, "return statement")?;
            let lhs = slots
                .iter()
                .map(|s| Lhs::Set(self.var_at(rb.real, *s)))
                .collect();
            out.push(Stmt::Assign { lhs, rhs });
        }
        let (next, st) = (
            self.var_at(rb.parent, rb.next),
            self.var_at(rb.parent, rb.state),
        );
        out.extend([set(next, int(-1)), set(st, int(DONE)), ret(false)]);
        Ok(Stmt::Block(out))
    }

    /// `defer` in a range-over-func body: counted on the real function
    /// (its defers go to the chain, as gc's do), registered on its frame.
    pub(crate) fn range_defer(&mut self, call: Call, pos: Pos) -> PResult<Stmt> {
        let Some(rb) = self.range_body() else {
            return err(pos, "internal error: range defer");
        };
        let f = &mut self.fns[rb.real];
        f.defers += 1;
        f.defer_pos.push(pos);
        f.site_in_loop.push(true);
        if f.defer_in_loop.is_none() {
            f.defer_in_loop = Some(pos);
        }
        let act = Expr::Load(self.var_at(rb.real, rb.act));
        Ok(Stmt::Comp(Box::new(CompStmt::DeferTo { call, act })))
    }
}

/// The `yield` function type of an iterator `func(yield func(...) bool)`
/// (types2's rule: the iterator's underlying type is a func type with one
/// parameter and no results; that parameter's core type, its underlying
/// one, is a func type of at most two parameters returning `bool`, not
/// variadic), or why `xt` is not an iterator.
fn iterator_yield(xt: &Type) -> Result<FuncType, String> {
    const SHAPE: &str = "func must be func(yield func(...) bool)";
    let Type::Func(ft) = xt.underlying() else {
        return Err(format!("{SHAPE}: argument is not func"));
    };
    let y = match (ft.params.as_slice(), ft.results.as_slice()) {
        ([y], []) => y,
        ([_], _) => return Err(format!("{SHAPE}: unexpected results")),
        _ => return Err(format!("{SHAPE}: wrong argument count")),
    };
    let Type::Func(yt) = y.underlying() else {
        return Err(format!("{SHAPE}: argument is not func"));
    };
    if yt.params.len() > 2 {
        return Err(format!("{SHAPE}: yield func has too many parameters"));
    }
    match yt.results.as_slice() {
        [Type::Bool] => {}
        [r] if r.underlying() == Type::Bool => {
            return Err(format!(
                "{SHAPE}: yield func returns user-defined boolean, not bool"
            ))
        }
        _ => return Err(format!("{SHAPE}: yield func does not return bool")),
    }
    if yt.variadic {
        let shown = Type::Func(yt.clone());
        return Err(format!("yield func of type {shown} cannot be variadic"));
    }
    Ok((*yt).clone())
}
