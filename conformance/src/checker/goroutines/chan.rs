//! Channel types and operations: `make(chan T, n)`, `<-ch`, `v, ok :=
//! <-ch`, `ch <- v`, `close`, `len` and `cap` of a channel. Go's compile
//! errors, as types2 words them.

use std::rc::Rc;

use crate::ast::{ChanDir, Expr as AExpr, ExprKind, TypeExpr, UnOp};
use crate::checker::expr::{operand, show, unparen};
use crate::checker::{err, zero, Checker};
use crate::ir::{Args, Builtin, Call, Expr, GoBuiltin, GoExpr, GoStmt, Rhs, Stmt, Target};
use crate::lexer::{PResult, Pos};
use crate::types::Type;

impl Checker {
    /// `chan T` as written.
    pub(crate) fn chan_type(&mut self, dir: ChanDir, elem: &TypeExpr) -> PResult<Type> {
        Ok(Type::Chan(dir, Rc::new(self.type_expr(elem)?)))
    }

    /// A channel operand of `op` ("receive from", "send to", "close"):
    /// its expression, direction and element type.
    /// A `select` case's channel operand, marked with its line (the
    /// operand is evaluated by the `select` statement and may fail there).
    pub(super) fn chan_operand_for(&mut self, e: &AExpr, op: &str) -> PResult<(Expr, Rc<Type>)> {
        let (x, t) = self.chan_operand(e, op)?;
        Ok((crate::checker::expr::at_line(x, e.pos), t))
    }

    fn chan_operand(&mut self, e: &AExpr, op: &str) -> PResult<(Expr, Rc<Type>)> {
        let (x, t) = self.value(e)?;
        let wrong = match &t.underlying() {
            Type::Chan(ChanDir::Send, _) if op != "send to" && op != "close" => "send-only",
            Type::Chan(ChanDir::Recv, _) if op != "receive from" => "receive-only",
            Type::Chan(_, elem) => return Ok((x, elem.clone())),
            _ => "",
        };
        let what = operand(e, &x, &t);
        if wrong.is_empty() {
            let t = if t == Type::Nil {
                String::new()
            } else {
                format!("{t} ")
            };
            let t = if op == "close" { String::new() } else { t };
            return err(
                e.pos,
                format!("invalid operation: cannot {op} non-channel {t}{what}"),
            );
        }
        let t = if op == "close" {
            String::new()
        } else {
            format!("{t} ")
        };
        err(
            e.pos,
            format!("invalid operation: cannot {op} {wrong} channel {t}{what}"),
        )
    }

    /// `<-ch`
    pub(crate) fn recv_expr(&mut self, ch: &AExpr) -> PResult<(Expr, Type)> {
        let (x, elem) = self.chan_operand(ch, "receive from")?;
        let zero = zero(&elem);
        Ok((
            Expr::Go(Box::new(GoExpr::Recv { ch: x, zero })),
            (*elem).clone(),
        ))
    }

    /// `v, ok = <-ch` (`targets`: the targets' types, if they are typed):
    /// `None` if `e` is not a receive.
    pub(crate) fn recv_ok(
        &mut self,
        e: &AExpr,
        targets: Option<&[Type]>,
        ctx: &str,
    ) -> PResult<Option<(Rhs, Vec<Type>)>> {
        let ExprKind::Unary(UnOp::Recv, ch) = &unparen(e).kind else {
            return Ok(None);
        };
        let (x, elem) = self.chan_operand(ch, "receive from")?;
        let types = match targets {
            Some(ts) => {
                if let Some(t) = ts.first() {
                    if !elem.assignable_to(t) {
                        return err(
                            e.pos,
                            format!(
                                "cannot use {} (comma, ok expression of type {elem}) as {t} value in {ctx}",
                                show(e)
                            ),
                        );
                    }
                }
                ts.to_vec()
            }
            None => vec![(*elem).clone(), Type::Bool],
        };
        let zero = zero(&elem);
        Ok(Some((Rhs::RecvOk { ch: x, zero }, types)))
    }

    /// `ch <- v`
    pub(crate) fn send_stmt(&mut self, ch: &AExpr, v: &AExpr) -> PResult<Stmt> {
        let (x, elem) = self.chan_operand(ch, "send to")?;
        let v = self.value_as(v, &elem, "send")?;
        Ok(Stmt::Go(GoStmt::Send { ch: x, v }))
    }

    /// The universe's `close`: `None` for other names (`make(chan T, n)`,
    /// `len` and `cap` of a channel are routed here by the composite
    /// values' builtins).
    pub(crate) fn chan_builtin(
        &mut self,
        name: &str,
        args: &[AExpr],
        pos: Pos,
    ) -> Option<PResult<(Expr, Type)>> {
        match name {
            "close" => Some(self.close_call(args, pos)),
            _ => None,
        }
    }

    pub(crate) fn make_chan(
        &mut self,
        dir: ChanDir,
        elem: &TypeExpr,
        rest: &[AExpr],
        pos: Pos,
    ) -> PResult<(Expr, Type)> {
        let t = self.chan_type(dir, elem)?;
        self.make_chan_of(t, rest, pos)
    }

    /// `make(T, n)` for a channel type `T` (a literal or a declared one).
    pub(crate) fn make_chan_of(
        &mut self,
        t: Type,
        rest: &[AExpr],
        pos: Pos,
    ) -> PResult<(Expr, Type)> {
        let size = match rest {
            [] => None,
            [n] => {
                let (x, nt) = self.value(n)?;
                let integer = matches!(
                    crate::checker::num_kind(&nt),
                    Some(crate::types::num::NumKind::Int(_))
                );
                if !integer {
                    return err(
                        n.pos,
                        format!("cannot convert {} to type int", operand(n, &x, &nt)),
                    );
                }
                let x = crate::checker::composite::builtins::size_as_int(x, nt, n)?;
                if let Expr::Const(crate::value::Value::Int(k)) = &x {
                    if *k < 0 {
                        return err(
                            n.pos,
                            format!("invalid argument: index {} (constant of type int) must not be negative", show(n)),
                        );
                    }
                }
                Some(x)
            }
            _ => {
                return err(
                    pos,
                    format!(
                        "invalid operation: make({}, ...) expects 1 or 2 arguments; found {}",
                        t,
                        rest.len() + 1
                    ),
                )
            }
        };
        Ok((Expr::Go(Box::new(GoExpr::MakeChan { size })), t))
    }

    fn close_call(&mut self, args: &[AExpr], pos: Pos) -> PResult<(Expr, Type)> {
        let [ch] = args else {
            let m = if args.is_empty() {
                "not enough"
            } else {
                "too many"
            };
            return err(
                pos,
                format!("{m} arguments for close (expected 1, found {})", args.len()),
            );
        };
        let (x, _) = self.chan_operand(ch, "close")?;
        Ok((
            go_call(GoBuiltin::Close, vec![x]),
            Type::Tuple(Rc::from(Vec::new())),
        ))
    }

    /// `len(ch)`, `cap(ch)` once the operand is checked.
    pub(crate) fn chan_len(&mut self, cap: bool, x: Expr) -> (Expr, Type) {
        let b = if cap {
            GoBuiltin::ChanCap
        } else {
            GoBuiltin::ChanLen
        };
        (go_call(b, vec![x]), Type::Int)
    }
}

/// A call of one of issue 10's builtins with checked arguments.
pub(super) fn go_call(b: GoBuiltin, args: Vec<Expr>) -> Expr {
    Expr::Call(Box::new(Call {
        line: 0,
        target: Target::Builtin(Builtin::Go(b)),
        args: Args::List(args),
    }))
}
