//! `sort.Slice`, `sort.SliceStable`, `slices.SortFunc` and
//! `slices.SortStableFunc`: their comparison functions are Go code, so the
//! sort is lowered to Go-level loops here (no native calls back into the
//! machine). It is gc's insertion sort, which `sort.Slice` and
//! `slices.SortFunc` use for up to 12 elements (the same calls of `less`
//! in the same order); longer slices are sorted stably by the same loop,
//! which is the result of the stable sorts and may order equal elements
//! differently from gc's pdqsort.

use std::rc::Rc;

use super::expr::{show, unparen};
use super::{err, Checker};
use crate::ast::{Expr as AExpr, ExprKind};
use crate::ir::{
    Args, Arith, Call, Cmp, CompExpr, CompStmt, Const, Expr, Lhs, On, Place, Rhs, Stmt, Target, Var,
};
use crate::lexer::{PResult, Pos};
use crate::types::{FuncType, Type};

fn local(s: u32) -> Expr {
    Expr::Load(Var::Local(s))
}

fn declare(slot: u32, e: Expr) -> Stmt {
    Stmt::Assign {
        lhs: vec![Lhs::Declare(slot)],
        rhs: Rhs::List(vec![e]),
    }
}

fn int(n: i64) -> Expr {
    Expr::Const(Const::Int(n))
}

fn minus1(e: Expr) -> Expr {
    Expr::Arith(Arith::Sub, Box::new(e), Box::new(int(1)))
}

fn elem(s: u32, i: Expr) -> Expr {
    Expr::Comp(Box::new(CompExpr::Index {
        x: local(s),
        i,
        on: On::Slice,
        zero: Const::Nil,
    }))
}

fn call(f: u32, args: Vec<Expr>) -> Expr {
    Expr::Call(Box::new(Call {
        line: 0,
        target: Target::Value(local(f)),
        args: Args::List(args),
    }))
}

impl Checker {
    /// The statement of a sort with a Go comparison function; `None` when
    /// `e` is not a call of one.
    pub(crate) fn sort_stmt(&mut self, e: &AExpr) -> Option<PResult<Stmt>> {
        let ExprKind::Call(f, args, None) = &unparen(e).kind else {
            return None;
        };
        let ExprKind::Selector(p, name, _) = &unparen(f).kind else {
            return None;
        };
        let ExprKind::Ident(pkg) = &unparen(p).kind else {
            return None;
        };
        if self.lookup(pkg).is_some() || !self.imports.contains_key(pkg) {
            return None;
        }
        if &**pkg == "sort" && matches!(&**name, "Sort" | "Stable") {
            if let Some(i) = self.imports.get_mut(pkg) {
                i.used = true;
            }
            return Some(self.sort_interface(args, e.pos));
        }
        let by_index = match (&**pkg, &**name) {
            ("sort", "Slice" | "SliceStable") => true,
            ("slices", "SortFunc" | "SortStableFunc") => false,
            _ => return None,
        };
        if let Some(i) = self.imports.get_mut(pkg) {
            i.used = true;
        }
        Some(self.sort_lowered(&format!("{pkg}.{name}"), by_index, args, e.pos))
    }

    fn sort_lowered(
        &mut self,
        fname: &str,
        by_index: bool,
        args: &[AExpr],
        pos: Pos,
    ) -> PResult<Stmt> {
        let [x, cmp] = args else {
            return err(pos, format!("wrong number of arguments in call to {fname}"));
        };
        let (xe, xt) = self.value(x)?;
        let xu = xt.underlying();
        let Type::Slice(el) = &xu else {
            return err(
                x.pos,
                format!(
                    "cannot use {} (value of type {}) as slice value in argument to {fname}",
                    show(x),
                    xt.describe()
                ),
            );
        };
        let want = if by_index {
            FuncType {
                params: vec![Type::Int, Type::Int],
                results: vec![Type::Bool],
                variadic: false,
            }
        } else {
            let e = el.scalar();
            FuncType {
                params: vec![e.clone(), e],
                results: vec![Type::Int],
                variadic: false,
            }
        };
        let fe = self.value_as(
            cmp,
            &Type::Func(Rc::new(want)),
            &format!("argument to {fname}"),
        )?;
        let (s, f, n, i, j) = (
            self.new_slot(),
            self.new_slot(),
            self.new_slot(),
            self.new_slot(),
            self.new_slot(),
        );
        let less = if by_index {
            call(f, vec![local(j), minus1(local(j))])
        } else {
            let c = call(f, vec![elem(s, local(j)), elem(s, minus1(local(j)))]);
            Expr::Cmp(Cmp::Lt, Box::new(c), Box::new(int(0)))
        };
        let cond = Expr::And(
            Box::new(Expr::Cmp(Cmp::Gt, Box::new(local(j)), Box::new(int(0)))),
            Box::new(less),
        );
        let outer = insertion_loops(s, n, i, j, cond);
        Ok(Stmt::Block(vec![
            declare(s, xe),
            declare(f, fe),
            declare(n, Expr::Comp(Box::new(CompExpr::Len(local(s))))),
            outer,
        ]))
    }
}

/// gc's insertion sort over the slice in local `s` of length `n`, with
/// counters `i`, `j`: `for i := 1; i < n; i++ { for j := i; cond; j-- {
/// s[j], s[j-1] = s[j-1], s[j] } }`.
fn insertion_loops(s: u32, n: u32, i: u32, j: u32, cond: Expr) -> Stmt {
    let place = |k: Expr| Place::Elem {
        x: local(s),
        i: k,
        on: On::Slice,
    };
    let swap = Stmt::Comp(Box::new(CompStmt::Assign {
        targets: vec![place(local(j)), place(minus1(local(j)))],
        rhs: Rhs::List(vec![elem(s, minus1(local(j))), elem(s, local(j))]),
    }));
    let step = |v: u32, op: Arith| Stmt::OpAssign {
        var: Var::Local(v),
        op,
        rhs: int(1),
    };
    let inner = Stmt::For {
        init: Some(Box::new(declare(j, local(i)))),
        cond: Some(cond),
        post: Some(Box::new(step(j, Arith::Sub))),
        body: vec![swap],
        per_iter: Vec::new(),
    };
    Stmt::For {
        init: Some(Box::new(declare(i, int(1)))),
        cond: Some(Expr::Cmp(Cmp::Lt, Box::new(local(i)), Box::new(local(n)))),
        post: Some(Box::new(step(i, Arith::Add))),
        body: vec![inner],
        per_iter: Vec::new(),
    }
}

/// `sort.Sort(data)` as Go code: gc's insertion sort over `Len`, `Less`
/// and `Swap` (the statement `sort_d := data` is replaced by the call's
/// argument; the names cannot clash: the argument is evaluated before they
/// are in scope).
const SORT_INTERFACE: &str = "package main
func f() {
	sort_d := 0
	sort_n := sort_d.Len()
	for sort_i := 1; sort_i < sort_n; sort_i++ {
		for sort_j := sort_i; sort_j > 0 && sort_d.Less(sort_j, sort_j-1); sort_j-- {
			sort_d.Swap(sort_j, sort_j-1)
		}
	}
}
";

impl Checker {
    /// `sort.Sort(data)` and `sort.Stable(data)`, lowered to Go code that
    /// calls the methods of `data`.
    fn sort_interface(&mut self, args: &[AExpr], pos: Pos) -> PResult<Stmt> {
        let [data] = args else {
            return err(pos, "wrong number of arguments in call to sort.Sort");
        };
        // `sort.Sort(sort.Reverse(x))`: x's Less with its operands swapped.
        let (data, src) = match reversed(self, data) {
            Some(inner) => (
                inner,
                SORT_INTERFACE.replace(
                    "sort_d.Less(sort_j, sort_j-1)",
                    "sort_d.Less(sort_j-1, sort_j)",
                ),
            ),
            None => (data, SORT_INTERFACE.to_string()),
        };
        let file = crate::parser::parse_snippet(&src)?;
        let Some(crate::ast::Decl::Func(f)) = file.decls.into_iter().next() else {
            return err(pos, "internal error: sort template");
        };
        let Some(mut body) = f.body else {
            return err(pos, "internal error: sort template");
        };
        if let Some(crate::ast::StmtKind::Assign { rhs, .. }) =
            body.stmts.first_mut().map(|s| &mut s.kind)
        {
            rhs[0] = data.clone();
        }
        self.scoped(|c| {
            let stmts = c.block_stmts(&body.stmts)?;
            Ok(Stmt::Block(stmts))
        })
    }
}

/// The argument of `sort.Reverse(x)`, when `e` is that call.
fn reversed<'a>(c: &mut Checker, e: &'a AExpr) -> Option<&'a AExpr> {
    let ExprKind::Call(f, args, None) = &unparen(e).kind else {
        return None;
    };
    let ExprKind::Selector(p, name, _) = &unparen(f).kind else {
        return None;
    };
    let ExprKind::Ident(pkg) = &unparen(p).kind else {
        return None;
    };
    if &**pkg != "sort" || &**name != "Reverse" || c.lookup(pkg).is_some() {
        return None;
    }
    match args.as_slice() {
        [x] => Some(x),
        _ => None,
    }
}
