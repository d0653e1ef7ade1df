//! `time.Timer` and `time.Ticker` in Go, over two hidden natives that arm
//! and stop a channel timer (vm/go/timers.rs); `time.NewTimer` and
//! `time.NewTicker` lowered to Go code that makes one. (minigo's
//! `time.Time` and `time.Duration` are `int`: nanoseconds.)

use std::rc::Rc;

use super::Checker;
use crate::ast::Expr as AExpr;
use crate::ir::{Builtin, Call, Expr, GoBuiltin, Target};
use crate::lexer::{PResult, Pos};
use crate::types::Type;

/// The types of `time` with methods, in Go.
pub(super) const TIME: &str = "package main
type Timer struct {
	C <-chan int
	c chan int
	s *int
}
func (t *Timer) Stop() bool {
	return minigo_timer_stop(t.c, t.s)
}
func (t *Timer) Reset(d int) bool {
	active := minigo_timer_stop(t.c, t.s)
	t.s = minigo_timer_arm(t.c, d, 0)
	return active
}
type Ticker struct {
	C <-chan int
	c chan int
	s *int
}
func (t *Ticker) Stop() {
	minigo_timer_stop(t.c, t.s)
}
func (t *Ticker) Reset(d int) {
	if d <= 0 {
		panic(\"non-positive interval for Ticker.Reset\")
	}
	minigo_timer_stop(t.c, t.s)
	t.s = minigo_timer_arm(t.c, d, d)
}
";

/// `time.NewTimer(d)` and `time.NewTicker(d)` in Go.
fn constructor(name: &str) -> Option<&'static str> {
    Some(match name {
        "NewTimer" => {
            "package main\nvar _ = func(d int) *time.Timer {\n\
             c := make(chan int, 1)\n\
             return &time.Timer{C: c, c: c, s: minigo_timer_arm(c, d, 0)}\n}(d)\n"
        }
        "NewTicker" => {
            "package main\nvar _ = func(d int) *time.Ticker {\n\
             if d <= 0 {\npanic(\"non-positive interval for NewTicker\")\n}\n\
             c := make(chan int, 1)\n\
             return &time.Ticker{C: c, c: c, s: minigo_timer_arm(c, d, d)}\n}(d)\n"
        }
        _ => return None,
    })
}

impl Checker {
    /// `time.NewTimer(d)` or `time.NewTicker(d)`; `None` for other names.
    pub(crate) fn time_constructor(
        &mut self,
        name: &str,
        args: &[AExpr],
        pos: Pos,
    ) -> Option<PResult<(Expr, Type)>> {
        let src = constructor(name)?;
        if args.len() != 1 {
            return Some(super::err(
                pos,
                format!("wrong number of arguments in call to time.{name}"),
            ));
        }
        Some(self.template_call(src, args, pos))
    }

    /// A call of the prelude's hidden natives; `None` for other names.
    pub(crate) fn timer_native(
        &mut self,
        n: &str,
        args: &[AExpr],
        pos: Pos,
    ) -> Option<PResult<(Expr, Type)>> {
        let ch = Type::Chan(crate::ast::ChanDir::Both, Rc::new(Type::Int));
        let cell = Type::Pointer(Rc::new(Type::Int));
        let (b, params, result) = match n {
            "minigo_timer_arm" => (GoBuiltin::TimerArm, vec![ch, Type::Int, Type::Int], cell),
            "minigo_timer_stop" => (GoBuiltin::TimerStop, vec![ch, cell], Type::Bool),
            _ => return None,
        };
        Some(self.args(&params, args, pos, n).map(|a| {
            let call = Call {
                target: Target::Builtin(Builtin::Go(b)),
                args: a,
            };
            (Expr::Call(Box::new(call)), result)
        }))
    }
}
