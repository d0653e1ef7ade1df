//! `for range` over integers, slices, arrays, strings and maps, lowered
//! to a counting loop: the operand is evaluated once into hidden locals,
//! and each iteration declares fresh iteration variables (Go 1.22) or
//! assigns the targets, then runs the body. A map is ranged over a
//! snapshot of its keys, skipping keys deleted meanwhile.

use std::rc::Rc;

use super::label;
use crate::ast::{Block, Expr as AExpr, ExprKind};
use crate::checker::composite::fresh;
use crate::checker::{err, zero, Checker};
use crate::ir::{Arith, Cmp, CompExpr, CompStmt, Const, Expr, Lhs, On, Rhs, Stmt, Var};
use crate::lexer::{PResult, Pos};
use crate::types::Type;

/// What the loop ranges over.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Over {
    Int,
    Seq(On),
    /// `slices.Backward(s)`: a slice from its end.
    Backward,
    Str,
    Map,
    /// A pointer to an array of this length: the elements are read through
    /// the pointer at each iteration (no copy), and without a value
    /// variable the pointer is never dereferenced (a nil one ranges too).
    PtrArray(u64),
}

fn comp(c: CompExpr) -> Expr {
    Expr::Comp(Box::new(c))
}

fn local(s: u32) -> Expr {
    Expr::Load(Var::Local(s))
}

fn declare(slot: u32, e: Expr) -> Stmt {
    Stmt::Assign {
        lhs: vec![Lhs::Declare(slot)],
        rhs: Rhs::List(vec![e]),
    }
}

/// `for *p, s[i] = range x { body }`: targets other than variables are
/// assigned as by an assignment statement at the start of each iteration,
/// so the loop becomes `for k', v' := range x { *p, s[i] = k', v'; body }`
/// (their operands are evaluated per iteration, as Go does). `None` when
/// every target is a variable (or `_`), or the clause declares.
fn targets_via_temps(
    key: Option<&AExpr>,
    value: Option<&AExpr>,
    define: bool,
    body: &Block,
) -> Option<(Option<AExpr>, Option<AExpr>, Block)> {
    let is_var = |e: &AExpr| matches!(crate::checker::expr::unparen(e).kind, ExprKind::Ident(_));
    if define || key.into_iter().chain(value).all(is_var) {
        return None;
    }
    let mut lhs = Vec::new();
    let mut rhs = Vec::new();
    let mut temp = |e: Option<&AExpr>, name: &str| {
        e.map(|e| {
            let blank = matches!(&e.kind, ExprKind::Ident(n) if &**n == "_");
            let t = AExpr {
                kind: ExprKind::Ident(if blank { "_".into() } else { name.into() }),
                pos: e.pos,
            };
            if !blank {
                lhs.push(e.clone());
                rhs.push(t.clone());
            }
            t
        })
    };
    let (k, v) = (temp(key, "range·key"), temp(value, "range·value"));
    let pos = lhs[0].pos;
    let assign = crate::ast::Stmt {
        kind: crate::ast::StmtKind::Assign {
            lhs,
            op: crate::ast::AssignOp::Assign,
            rhs,
        },
        pos,
    };
    let mut stmts = vec![assign];
    stmts.extend(body.stmts.iter().cloned());
    Some((
        k,
        v,
        Block {
            stmts,
            end: body.end,
        },
    ))
}

/// The length of an array type or of the array a pointer type points to.
fn constant_len(t: &Type) -> Option<u64> {
    let a = match t.underlying() {
        Type::Pointer(a) => a.underlying(),
        u => u,
    };
    match a {
        Type::Array(n, _) => Some(n),
        _ => None,
    }
}

/// The ranged operand's hidden locals.
struct Hidden {
    x: u32,
    n: u32,
    i: u32,
    keys: Option<u32>,
    /// The `range` keyword: where gc shows a nil array pointer's element
    /// load failing.
    at: Pos,
}

impl Checker {
    /// `for key, value := range x { body }` (or `=`, or no variables).
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn range_stmt(
        &mut self,
        key: Option<&AExpr>,
        value: Option<&AExpr>,
        define: bool,
        x: &AExpr,
        range_pos: Pos,
        body: &Block,
    ) -> PResult<Stmt> {
        if let Some((k, v, b)) = targets_via_temps(key, value, define, body) {
            return self.range_stmt(k.as_ref(), v.as_ref(), true, x, range_pos, &b);
        }
        // `range slices.All(s)` and friends range over the slice itself.
        // (Not before go1.23, where ranging over them is an error.)
        let iterator = match self.lang_at(x.pos).allows(23) {
            true => slices_iterator(self, x),
            false => None,
        };
        let (x, key, value, backward) = match iterator {
            Some(("All", s)) => (s, key, value, false),
            Some(("Keys", m)) => (m, key, None, false),
            Some(("MapValues", m)) => (m, None, key, false),
            Some(("Backward", s)) => (s, key, value, true),
            Some((_, s)) => (s, None, key, false),
            None => (x, key, value, false),
        };
        self.scoped(|c| {
            let (xe, xt) = c.value(x)?;
            c.range_lang(x, &xe, &xt)?;
            let (over, kt, vt) = match &xt.underlying() {
                // Any integer type: the iteration values have `x`'s type
                // (`range uint8(3)`, `range n` of a declared integer type).
                Type::Int | Type::IntK(_) => (Over::Int, xt.clone(), None),
                Type::Slice(e) if backward => (Over::Backward, Type::Int, Some(e.scalar())),
                Type::Slice(e) => (Over::Seq(On::Slice), Type::Int, Some(e.scalar())),
                Type::Array(_, e) => (Over::Seq(On::Array), Type::Int, Some(e.scalar())),
                Type::Pointer(a) if matches!(a.underlying(), Type::Array(..)) => {
                    let Type::Array(n, e) = a.underlying() else {
                        unreachable!("matched above")
                    };
                    (Over::PtrArray(n), Type::Int, Some(e.scalar()))
                }
                Type::Str => (
                    Over::Str,
                    Type::Int,
                    Some(Type::IntK(crate::types::table::IntKind::I32)),
                ),
                Type::Map(k, v) => (Over::Map, (**k).clone(), Some((**v).clone())),
                Type::Func(_) => return c.range_func(xe, &xt, [key, value], define, x, body),
                Type::Chan(..) => return c.range_chan(xe, &xt, (key, value), define, x, body),
                _ => {
                    return err(
                        x.pos,
                        format!(
                            "cannot range over {} (variable of type {})",
                            crate::checker::expr::show(x),
                            xt.describe()
                        ),
                    )
                }
            };
            if value.is_some() && vt.is_none() {
                let v = value.map_or(range_pos, |v| v.pos);
                return err(
                    v,
                    format!(
                        "range over {} permits only one iteration variable",
                        crate::checker::expr::show(x)
                    ),
                );
            }
            // With at most one iteration variable over an array (or a
            // pointer to one) whose length is a constant (no call or
            // receive in `x`), Go does not evaluate `x`: `range *p` with a
            // nil `p` runs `len` times.
            let (over, xe) = match constant_len(&xt) {
                Some(n) if value.is_none() && !backward && c.no_call_or_recv(x) => {
                    (Over::PtrArray(n), Expr::Const(Const::Nil))
                }
                _ => (over, xe),
            };
            let mut out = Vec::new();
            let mut h = c.range_setup(over, xe, &xt, value.is_some(), &mut out);
            h.at = range_pos;
            let vt = vt.unwrap_or(Type::Int);
            let (lp, _, _) = c.breakable(true, |c| {
                c.range_loop(over, &h, (key, kt), (value, vt), define, body)
            })?;
            out.extend(lp);
            Ok(Stmt::Block(out))
        })
    }

    /// gc's errors for ranging over an integer before go1.22 and over a
    /// function before go1.23 (types2's `rangeKeyVal`), at the operand.
    fn range_lang(&self, x: &AExpr, xe: &Expr, xt: &Type) -> PResult<()> {
        let minor = match xt.underlying() {
            Type::Int | Type::IntK(_) => 22,
            Type::Func(_) => 23,
            _ => return Ok(()),
        };
        let at = crate::checker::expr::start_pos(x);
        let lang = self.lang_at(at);
        if lang.allows(minor) {
            return Ok(());
        }
        let shown = crate::checker::expr::show(x);
        let what = match (xe, xt) {
            (Expr::Const(_), Type::Int) if matches!(x.kind, ExprKind::Int(_)) => {
                format!("{shown} (untyped int constant)")
            }
            (Expr::Const(Const::Int(v)), Type::Int) => {
                format!("{shown} (untyped int constant {v})")
            }
            (Expr::Const(Const::Int(v)), t) => format!("{shown} (constant {v} of type {t})"),
            _ => crate::checker::expr::operand(x, xe, xt),
        };
        err(
            at,
            format!(
                "cannot range over {what}: requires go1.{minor} or later {}",
                lang.why()
            ),
        )
    }

    /// Evaluates the operand once: `x`, its length `n`, the counter `i`
    /// (and a map's keys).
    fn range_setup(
        &mut self,
        over: Over,
        xe: Expr,
        xt: &Type,
        copies: bool,
        out: &mut Vec<Stmt>,
    ) -> Hidden {
        let (x, n, i) = (self.new_slot(), self.new_slot(), self.new_slot());
        // A ranged array is a copy when its elements are read.
        let xe = if copies { fresh(xe, xt) } else { xe };
        out.push(declare(x, xe));
        let mut keys = None;
        let len = match over {
            Over::Int => local(x),
            Over::PtrArray(n) => Expr::Const(Const::Int(n as i64)),
            Over::Map => {
                let k = self.new_slot();
                out.push(declare(k, comp(CompExpr::MapKeys(local(x)))));
                keys = Some(k);
                comp(CompExpr::Len(local(k)))
            }
            _ => comp(CompExpr::Len(local(x))),
        };
        out.push(declare(n, len));
        out.push(declare(i, Expr::Const(Const::Int(0))));
        Hidden {
            x,
            n,
            i,
            keys,
            at: Pos::default(),
        }
    }

    fn range_loop(
        &mut self,
        over: Over,
        h: &Hidden,
        key: (Option<&AExpr>, Type),
        value: (Option<&AExpr>, Type),
        define: bool,
        body: &Block,
    ) -> PResult<Vec<Stmt>> {
        let (end, cont) = self
            .flow()
            .and_then(|f| f.breakables.last())
            .map_or((None, None), |b| (b.end, b.cont));
        let mut stmts = Vec::new();
        let (kv, vv) = self.range_values(over, h, &mut stmts);
        // The value variable is a copy (of the arrays the element holds).
        let vv = fresh(vv, &value.1);
        // Below go1.22 the variables are the loop's: declared before it.
        let mut before = Vec::new();
        let shared = !self.per_iteration_vars(body.end);
        self.scoped(|c| {
            let mut pre = shared.then_some(&mut before);
            c.bind_range_var(key.0, key.1, kv, define, &mut stmts, pre.as_deref_mut())?;
            c.bind_range_var(value.0, value.1, vv, define, &mut stmts, pre)?;
            stmts.extend(c.block(body)?);
            Ok(())
        })?;
        if let Some(cont) = cont {
            stmts.push(label(cont));
        }
        let step = match over {
            Over::Str => comp(CompExpr::DecodeRune {
                s: local(h.x),
                i: local(h.i),
                width: true,
            }),
            _ => Expr::Const(Const::Int(1)),
        };
        let post = Stmt::OpAssign {
            var: Var::Local(h.i),
            op: Arith::Add,
            rhs: step,
        };
        let cond = Expr::Cmp(Cmp::Lt, Box::new(local(h.i)), Box::new(local(h.n)));
        let mut out = before;
        out.push(Stmt::For {
            init: None,
            cond: Some(cond),
            post: Some(Box::new(post)),
            body: stmts,
            per_iter: Vec::new(),
        });
        if let Some(end) = end {
            out.push(label(end));
        }
        Ok(out)
    }

    /// The key and value of the current iteration (a map's deleted keys
    /// are skipped here).
    fn range_values(&mut self, over: Over, h: &Hidden, stmts: &mut Vec<Stmt>) -> (Expr, Expr) {
        let i = || local(h.i);
        match over {
            Over::Int => (i(), Expr::Const(Const::Nil)),
            Over::Backward => {
                let n1 = Expr::Arith(
                    Arith::Sub,
                    Box::new(local(h.n)),
                    Box::new(Expr::Const(Const::Int(1))),
                );
                let k = Expr::Arith(Arith::Sub, Box::new(n1), Box::new(i()));
                let slot = self.new_slot();
                stmts.push(declare(slot, k));
                let v = comp(CompExpr::Index {
                    x: local(h.x),
                    i: local(slot),
                    on: On::Slice,
                    zero: Const::Nil,
                });
                (local(slot), v)
            }
            Over::Seq(on) => {
                let v = comp(CompExpr::Index {
                    x: local(h.x),
                    i: i(),
                    on,
                    zero: Const::Nil,
                });
                (i(), v)
            }
            Over::PtrArray(_) => {
                let a = crate::ir::TypedExpr::Deref(local(h.x));
                let v = comp(CompExpr::Index {
                    x: Expr::Typed(Box::new(a)),
                    i: i(),
                    on: On::Array,
                    zero: Const::Nil,
                });
                let v = crate::checker::expr::at_line(v, h.at);
                (i(), v)
            }
            Over::Str => {
                let r = comp(CompExpr::DecodeRune {
                    s: local(h.x),
                    i: i(),
                    width: false,
                });
                (i(), r)
            }
            Over::Map => {
                let keys = h.keys.unwrap_or(h.x);
                let (k, v, ok) = (self.new_slot(), self.new_slot(), self.new_slot());
                let key = comp(CompExpr::Index {
                    x: local(keys),
                    i: i(),
                    on: On::Slice,
                    zero: Const::Nil,
                });
                stmts.push(declare(k, key));
                stmts.push(Stmt::Assign {
                    lhs: vec![Lhs::Declare(v), Lhs::Declare(ok)],
                    rhs: Rhs::MapOk {
                        m: local(h.x),
                        k: local(k),
                        zero: Const::Nil,
                        at: Some(i()),
                    },
                });
                stmts.push(Stmt::If {
                    init: None,
                    cond: Expr::Not(Box::new(local(ok))),
                    then: vec![Stmt::Continue],
                    els: Vec::new(),
                });
                (local(k), local(v))
            }
        }
    }

    /// Declares (`:=`) or assigns (`=`) one iteration variable.
    fn bind_range_var(
        &mut self,
        var: Option<&AExpr>,
        t: Type,
        v: Expr,
        define: bool,
        stmts: &mut Vec<Stmt>,
        shared: Option<&mut Vec<Stmt>>,
    ) -> PResult<()> {
        let Some(var) = var else {
            return Ok(());
        };
        if define {
            let ExprKind::Ident(n) = &var.kind else {
                return err(
                    var.pos,
                    format!(
                        "non-name {} on left side of :=",
                        crate::checker::expr::show(var)
                    ),
                );
            };
            if &**n == "_" {
                return Ok(());
            }
            let slot = self.new_slot();
            match shared {
                // One variable for the loop (before go1.22): declared
                // before it, assigned at each iteration.
                Some(before) => {
                    before.push(declare(slot, fresh(Expr::Const(zero(&t)), &t)));
                    stmts.push(Stmt::Assign {
                        lhs: vec![Lhs::Set(Var::Local(slot))],
                        rhs: Rhs::List(vec![v]),
                    });
                }
                None => stmts.push(declare(slot, v)),
            }
            self.bind_local(n, var.pos, slot, t, false)?;
            return Ok(());
        }
        if matches!(&var.kind, ExprKind::Ident(n) if &**n == "_") {
            return Ok(());
        }
        if let Some(p) = self.elem_place(var) {
            let (place, want) = p?;
            check_assignable(&t, &want, var)?;
            stmts.push(Stmt::Comp(Box::new(CompStmt::Assign {
                targets: vec![place],
                rhs: Rhs::List(vec![v]),
            })));
            return Ok(());
        }
        let (target, want) = self.target_var(var)?;
        check_assignable(&t, &want, var)?;
        stmts.push(Stmt::Assign {
            lhs: vec![Lhs::Set(target)],
            rhs: Rhs::List(vec![v]),
        });
        Ok(())
    }
}

fn check_assignable(t: &Type, want: &Type, var: &AExpr) -> PResult<()> {
    if !t.assignable_to(want) {
        return err(
            var.pos,
            format!(
                "cannot assign {t} to {} (variable of type {want}) in range",
                crate::checker::expr::show(var)
            ),
        );
    }
    let _ = Rc::new(());
    Ok(())
}

/// `slices.All(s)`, `slices.Values(s)`, `slices.Backward(s)` of the
/// imported `slices`: the function and the slice expression.
fn slices_iterator<'a>(c: &mut Checker, x: &'a AExpr) -> Option<(&'static str, &'a AExpr)> {
    let ExprKind::Call(f, args, None) = &x.kind else {
        return None;
    };
    let ExprKind::Selector(p, name, _) = &f.kind else {
        return None;
    };
    let ExprKind::Ident(pkg) = &p.kind else {
        return None;
    };
    if c.lookup(pkg).is_some() || !c.imports.contains_key(pkg) {
        return None;
    }
    let which = match (&**pkg, &**name) {
        ("slices", "All") => "All",
        ("slices", "Values") => "Values",
        ("slices", "Backward") => "Backward",
        ("maps", "Keys") => "Keys",
        ("maps", "Values") => "MapValues",
        ("maps", "All") => "All",
        _ => return None,
    };
    let [s] = args.as_slice() else {
        return None;
    };
    if let Some(i) = c.imports.get_mut(pkg) {
        i.used = true;
    }
    Some((which, s))
}
