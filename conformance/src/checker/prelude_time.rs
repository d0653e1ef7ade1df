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
type Duration int64
func (d Duration) String() string {
	if d == 0 {
		return \"0s\"
	}
	u := uint64(d)
	if d < 0 {
		u = uint64(-d)
	}
	var s string
	if u < 1000000000 {
		switch {
		case u < 1000:
			s = minigo_time_utoa(u) + \"ns\"
		case u < 1000000:
			s = minigo_time_frac(u, 3) + \"µs\"
		default:
			s = minigo_time_frac(u, 6) + \"ms\"
		}
	} else {
		s = minigo_time_frac(u%60000000000, 9) + \"s\"
		if m := u / 60000000000; m > 0 {
			s = minigo_time_utoa(m%60) + \"m\" + s
			if h := m / 60; h > 0 {
				s = minigo_time_utoa(h) + \"h\" + s
			}
		}
	}
	if d < 0 {
		s = \"-\" + s
	}
	return s
}
func (d Duration) Nanoseconds() int64 {
	return int64(d)
}
func (d Duration) Microseconds() int64 {
	return int64(d) / 1000
}
func (d Duration) Milliseconds() int64 {
	return int64(d) / 1000000
}
func (d Duration) Seconds() float64 {
	return float64(d/1000000000) + float64(d%1000000000)/1e9
}
func (d Duration) Minutes() float64 {
	return float64(d/60000000000) + float64(d%60000000000)/6e10
}
func (d Duration) Hours() float64 {
	return float64(d/3600000000000) + float64(d%3600000000000)/3.6e12
}
func minigo_time_utoa(v uint64) string {
	if v == 0 {
		return \"0\"
	}
	s := \"\"
	for v > 0 {
		s = string(rune('0'+v%10)) + s
		v /= 10
	}
	return s
}
func minigo_time_frac(v uint64, prec int) string {
	p := uint64(1)
	for i := 0; i < prec; i++ {
		p *= 10
	}
	s := minigo_time_utoa(v / p)
	f := v % p
	if f == 0 {
		return s
	}
	digits := \"\"
	for i := 0; i < prec; i++ {
		digits = string(rune('0'+f%10)) + digits
		f /= 10
	}
	for digits[len(digits)-1] == '0' {
		digits = digits[:len(digits)-1]
	}
	return s + \".\" + digits
}
type Timer struct {
	C <-chan int
	c chan int
	s *int
}
func (t *Timer) Stop() bool {
	return minigo_timer_stop(t.c, t.s)
}
func (t *Timer) Reset(d time.Duration) bool {
	active := minigo_timer_stop(t.c, t.s)
	t.s = minigo_timer_arm(t.c, int(d), 0)
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
func (t *Ticker) Reset(d time.Duration) {
	if d <= 0 {
		panic(\"non-positive interval for Ticker.Reset\")
	}
	minigo_timer_stop(t.c, t.s)
	t.s = minigo_timer_arm(t.c, int(d), int(d))
}
";

/// `time.NewTimer(d)`, `time.NewTicker(d)` and `time.Tick(d)` in Go.
fn constructor(name: &str) -> Option<&'static str> {
    Some(match name {
        "NewTimer" => {
            "package main\nvar _ = func(d time.Duration) *time.Timer {\n\
             c := make(chan int, 1)\n\
             return &time.Timer{C: c, c: c, s: minigo_timer_arm(c, int(d), 0)}\n}(d)\n"
        }
        "NewTicker" => {
            "package main\nvar _ = func(d time.Duration) *time.Ticker {\n\
             if d <= 0 {\npanic(\"non-positive interval for NewTicker\")\n}\n\
             c := make(chan int, 1)\n\
             return &time.Ticker{C: c, c: c, s: minigo_timer_arm(c, int(d), int(d))}\n}(d)\n"
        }
        "Tick" => {
            "package main\nvar _ = func(d time.Duration) <-chan int {\n\
             if d <= 0 {\nreturn nil\n}\nreturn time.NewTicker(d).C\n}(d)\n"
        }
        _ => return None,
    })
}

impl Checker {
    /// `time.Duration` (of the prelude; `int` when `time` is not imported).
    pub(crate) fn duration(&self) -> Type {
        self.pkg_types
            .get("time.Duration")
            .cloned()
            .unwrap_or(Type::Int)
    }

    /// `time.Duration(x)`: a conversion to a named integer type.
    pub(crate) fn duration_conversion(
        &mut self,
        args: &[AExpr],
        pos: Pos,
    ) -> PResult<(Expr, Type)> {
        let d = self.duration();
        let [x] = args else {
            return self.conversion(&d, args, pos);
        };
        if let Some(r) = self.num_conversion(&d, x)? {
            return Ok(r);
        }
        self.typed_conversion(&d, x, pos)
    }

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
            "minigo_pc_frame" => (
                GoBuiltin::PcFrame,
                vec![Type::IntK(crate::types::table::IntKind::Uintptr)],
                Type::Tuple(Rc::from([Type::Str, Type::Str, Type::Int])),
            ),
            _ => return None,
        };
        Some(self.args(&params, args, pos, n).map(|a| {
            let call = Call {
                line: 0,
                target: Target::Builtin(Builtin::Go(b)),
                args: a,
            };
            (Expr::Call(Box::new(call)), result)
        }))
    }
}
