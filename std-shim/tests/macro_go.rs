//! `#[deferrt::func]` and `defer!` against Go: each program in `tests/go/`
//! is ported here line by line, and the port must print exactly what Go
//! 1.27.3 printed (`tests/go/*.out`, recorded with `go run`). Every port is
//! compiled twice — with the tier the macro picks and forced to the chain —
//! and both must match Go.

use std::cell::{Cell, RefCell};

use deferrt::{defer, go, recover, Exit, Value};

thread_local! {
    static OUT: RefCell<Vec<String>> = const { RefCell::new(Vec::new()) };
}

/// `fmt.Println`, into this thread's output.
fn say(s: impl Into<String>) {
    OUT.with(|o| o.borrow_mut().push(s.into()));
}

fn take_out() -> String {
    OUT.with(|o| {
        let lines = std::mem::take(&mut *o.borrow_mut());
        lines.iter().map(|l| format!("{l}\n")).collect()
    })
}

/// A recovered value as Go prints it.
fn nil(v: Option<Value>) -> String {
    v.map_or_else(|| "<nil>".to_string(), |v| v.to_string())
}

macro_rules! ports {
    ($tier:ident) => {
        pub mod $tier {
            use super::*;

            // ---- args_at_statement.go ----
            fn show(s: &'static str, x: i32) {
                say(format!("{s} {x}"));
            }
            fn trace(s: &'static str) -> impl FnOnce() {
                say(format!("enter {s}"));
                move || say(format!("leave {s}"))
            }
            fn a(x: i32) {
                say(format!("a {x}"));
            }
            fn b(x: i32) {
                say(format!("b {x}"));
            }
            pub struct Conn {
                name: &'static str,
            }
            impl Conn {
                fn close(self) {
                    say(format!("close {}", self.name));
                }
            }

            #[deferrt::func(tier = $tier)]
            pub fn args_at_statement() {
                let mut x = 1;
                defer!(show("deferred x", x));
                let mut g: fn(i32) = a;
                defer!(g(x + 10));
                g = b;
                defer!(trace("f")());
                let mut c = Conn { name: "first" };
                defer!(c.close());
                c = Conn { name: "second" };
                x = 2;
                g(x);
                say(format!("body x {x} {}", c.name));
            }

            // ---- named_results.go ----
            #[deferrt::func(result = r, tier = $tier)]
            pub fn double() -> i32 {
                defer! { r.update(|v| v * 2); }
                3
            }

            #[deferrt::func(tier = $tier)]
            pub fn unnamed() -> i32 {
                let x = std::rc::Rc::new(Cell::new(3));
                let x2 = x.clone();
                defer! { x2.set(x2.get() * 2); }
                x.get()
            }

            #[deferrt::func(result = r, tier = $tier)]
            pub fn last_writer() -> i32 {
                defer! { r.set(1); }
                defer! { r.set(2); }
                0
            }

            #[deferrt::func(result = out, tier = $tier)]
            pub fn safe_div(a: i32, b: i32) -> Result<i32, String> {
                defer! {
                    if let Some(p) = recover() {
                        out.set(Err(format!("recovered: {p}")));
                    }
                }
                if b == 0 {
                    deferrt::panic("division by zero");
                }
                Ok(a / b)
            }

            #[deferrt::func(result = r, tier = $tier)]
            pub fn partial() -> i32 {
                defer! { recover(); }
                r.set(5);
                deferrt::panic("x")
            }

            #[deferrt::func(tier = $tier)]
            pub fn unnamed_zero() -> i32 {
                defer! { recover(); }
                deferrt::panic("x")
            }

            #[deferrt::func(result = r, tier = $tier)]
            pub fn c5() -> i32 {
                defer! {
                    if let Some(p) = recover() {
                        say(format!("c5 recovered {p}"));
                    }
                }
                defer! { deferrt::panic("late"); }
                7
            }

            // ---- recover_rules.go ----
            #[deferrt::func(tier = $tier)]
            pub fn protect(name: &'static str, f: fn()) {
                defer! {
                    if let Some(p) = recover() {
                        say(format!("{name} caught by protect: {p}"));
                    }
                }
                f();
            }

            /// A plain Rust helper: a call from the deferred block, one frame
            /// down in Go.
            fn helper() -> Option<Value> {
                recover()
            }

            #[deferrt::func(tier = $tier)]
            pub fn via_helper() {
                defer! { say(format!("helper got: {}", nil(helper()))); }
                deferrt::panic("p1");
            }

            #[deferrt::func]
            fn direct_helper() {
                if let Some(p) = recover() {
                    say(format!("directHelper recovered: {p}"));
                }
            }

            #[deferrt::func(tier = $tier)]
            pub fn defer_helper() {
                defer!(direct_helper());
                deferrt::panic("p2");
            }

            #[deferrt::func(tier = $tier)]
            pub fn deferred_by_deferred() {
                defer! {
                    defer! { say(format!("deferred by deferred: {}", nil(recover()))); }
                }
                deferrt::panic("p3");
            }

            #[deferrt::func(tier = $tier)]
            pub fn twice() {
                defer! { say(format!("second: {}", nil(recover()))); }
                defer! { say(format!("first: {}", nil(recover()))); }
                deferrt::panic("p4");
            }

            #[deferrt::func(tier = $tier)]
            pub fn normal() {
                defer! { say(format!("normal return: {}", nil(recover()))); }
            }

            #[deferrt::func(tier = $tier)]
            pub fn aborted() {
                defer! { say(format!("outer recover: {}", nil(recover()))); }
                defer! { deferrt::panic("newer"); }
                deferrt::panic("older");
            }

            #[deferrt::func(tier = $tier)]
            pub fn recovered_inside() {
                defer! { say(format!("f recover: {}", nil(recover()))); }
                defer! {
                    defer! { say(format!("inside recover: {}", nil(recover()))); }
                    deferrt::panic("newer");
                }
                deferrt::panic("older");
            }

            // ---- deferred_funcs.go ----
            #[deferrt::func(tier = $tier)]
            fn recovers_directly() {
                defer!(say("recoversDirectly's own defer"));
                say(format!("recoversDirectly got: {}", nil(recover())));
            }

            #[deferrt::func]
            fn loop_then_recover() {
                for i in 0..2 {
                    defer!(say(format!("loop defer {i}")));
                }
                say(format!("loopThenRecover got: {}", nil(recover())));
            }

            #[deferrt::func(tier = $tier)]
            fn own_defer_recovers() {
                defer! { say(format!("ownDeferRecovers' defer got: {}", nil(recover()))); }
                deferrt::panic("inner");
            }

            #[deferrt::func(tier = $tier)]
            fn own_defer_tries_outer() {
                defer! { say(format!("ownDeferTriesOuter's defer got: {}", nil(recover()))); }
            }

            #[deferrt::func(tier = $tier)]
            pub fn df_a() {
                defer!(recovers_directly());
                deferrt::panic("a");
            }
            #[deferrt::func(tier = $tier)]
            pub fn df_b() {
                defer!(loop_then_recover());
                deferrt::panic("b");
            }
            #[deferrt::func(tier = $tier)]
            pub fn df_c() {
                defer!(own_defer_recovers());
                deferrt::panic("c");
            }
            #[deferrt::func(tier = $tier)]
            pub fn df_d() {
                defer!(own_defer_tries_outer());
                deferrt::panic("d");
            }

            // ---- defer_builtins.go ----
            #[deferrt::func(result = r, tier = $tier)]
            pub fn builtins() -> i32 {
                defer! { say(format!("recovered {}", nil(recover()))); }
                defer!(deferrt::panic("at exit"));
                defer!(say("before the deferred panic"));
                let mut x = 1;
                defer!(say(format!("x at the defer statement: {}", x)));
                x = 2;
                let _ = x;
                7
            }

            // ---- goexit.go ----
            #[deferrt::func(tier = $tier)]
            fn inner() {
                defer!(say("inner defer"));
                deferrt::goexit();
            }

            #[deferrt::func(tier = $tier)]
            pub fn worker() {
                defer! { say(format!("outer recover: {}", nil(recover()))); }
                inner();
                say("unreached");
            }

            // ---- quiet_blocks.go ----
            #[deferrt::func(tier = $tier)]
            fn cleanup() {
                defer! { say(format!("helper in cleanup: {}", nil(helper()))); }
                deferrt::panic("in cleanup");
            }

            #[deferrt::func(tier = $tier)]
            pub fn defer_cleanup() {
                defer! {
                    if let Some(p) = recover() {
                        say(format!("deferCleanup recovered: {p}"));
                    }
                }
                defer!(cleanup());
            }

            #[deferrt::func(tier = $tier)]
            pub fn late_quiet() {
                defer! { say(format!("helper in lateQuiet: {}", nil(helper()))); }
                defer! { deferrt::panic("late"); }
            }

            #[deferrt::func(tier = $tier)]
            pub fn defer_late() {
                defer! {
                    if let Some(p) = recover() {
                        say(format!("deferLate recovered: {p}"));
                    }
                }
                defer!(late_quiet());
            }

            #[deferrt::func(tier = $tier)]
            pub fn loop_quiet() {
                for i in 0..2 {
                    defer! { say(format!("helper in loopQuiet {i} {}", nil(helper()))); }
                }
                defer! { deferrt::panic("loop late"); }
            }

            #[deferrt::func(tier = $tier)]
            pub fn catch_all(name: &'static str, f: fn()) {
                defer! {
                    if let Some(p) = recover() {
                        say(format!("{name} caught: {p}"));
                    }
                }
                f();
            }
        }
    };
}

ports!(auto);
ports!(chain);

// if_blocks.go has a loop defer: the chain whatever the tier says.
#[deferrt::func]
fn if_blocks(c: bool) {
    defer!(say("first"));
    if c {
        defer!(say("in if"));
        {
            defer!(say("in block"));
        }
    } else {
        defer!(say("in else"));
    }
    for i in 0..3 {
        defer!(say(format!("loop {i}")));
    }
    say("body end");
}

/// Every record back in the pool after the goroutine (the pool is this
/// test thread's own).
fn accounted() {
    let a = deferrt::pool_accounting();
    assert_eq!(a.carved, a.free, "records not accounted for: {a:?}");
}

macro_rules! for_each_tier {
    ($go:literal, |$m:ident| $body:expr) => {{
        let want = include_str!(concat!("go/", $go, ".out"));
        {
            use auto as $m;
            $body;
            assert_eq!(take_out(), want, "tier auto vs {}", $go);
            accounted();
        }
        {
            use chain as $m;
            $body;
            assert_eq!(take_out(), want, "tier chain vs {}", $go);
            accounted();
        }
    }};
}

#[test]
fn args_are_evaluated_at_the_defer_statement() {
    for_each_tier!("args_at_statement", |m| {
        assert_eq!(go(m::args_at_statement), Ok(Some(())))
    });
}

#[test]
fn defers_in_ifs_and_blocks_run_at_function_exit() {
    let r = go(|| {
        if_blocks(true);
        if_blocks(false);
    });
    assert_eq!(r, Ok(Some(())));
    assert_eq!(take_out(), include_str!("go/if_blocks.out"));
    accounted();
}

#[test]
fn named_results_read_and_replaced_by_deferred_calls() {
    for_each_tier!("named_results", |m| {
        let r = go(|| {
            say(format!("double {}", m::double()));
            say(format!("unnamed {}", m::unnamed()));
            say(format!("lastWriter {}", m::last_writer()));
            for (a, b) in [(7, 2), (7, 0)] {
                match m::safe_div(a, b) {
                    Ok(q) => say(format!("safeDiv {q} <nil>")),
                    Err(e) => say(format!("safeDiv 0 {e}")),
                }
            }
            say(format!("partial {}", m::partial()));
            say(format!("unnamedZero {}", m::unnamed_zero()));
            say(format!("c5 {}", m::c5()));
        });
        assert_eq!(r, Ok(Some(())));
    });
}

#[test]
fn recover_rules_and_nested_panics() {
    for_each_tier!("recover_rules", |m| {
        let r = go(|| {
            m::protect("viaHelper", m::via_helper);
            m::protect("deferHelper", m::defer_helper);
            m::protect("deferredByDeferred", m::deferred_by_deferred);
            m::protect("twice", m::twice);
            m::protect("normal", m::normal);
            m::protect("aborted", m::aborted);
            m::protect("recoveredInside", m::recovered_inside);
        });
        assert_eq!(r, Ok(Some(())));
    });
}

/// The deferred calls of functions that cannot recover run with `recover`
/// off at their depth (no mode of their own): the deferred function whose
/// own panic runs them (it adopted the deferred call's frame on the chain,
/// so they set their mode after all), and a normal return that a later call
/// turns into a panic (C5), on the open tier, in a loop, and in a deferred
/// function (an adopted open frame).
#[test]
fn blocks_of_functions_that_cannot_recover_keep_recover_off_for_helpers() {
    for_each_tier!("quiet_blocks", |m| {
        let r = go(|| {
            m::defer_cleanup();
            m::catch_all("lateQuiet", m::late_quiet);
            m::catch_all("loopQuiet", m::loop_quiet);
            m::defer_late();
        });
        assert_eq!(r, Ok(Some(())));
    });
}

#[test]
fn deferred_functions_with_defers_of_their_own() {
    for_each_tier!("deferred_funcs", |m| {
        let r = go(|| {
            m::protect("a", m::df_a);
            m::protect("b", m::df_b);
            m::protect("c", m::df_c);
            m::protect("d", m::df_d);
        });
        assert_eq!(r, Ok(Some(())));
    });
}

#[test]
fn deferred_builtins_panic_at_exit_and_evaluate_now() {
    for_each_tier!("defer_builtins", |m| {
        let r = go(|| say(format!("f returned {}", m::builtins())));
        assert_eq!(r, Ok(Some(())));
    });
}

#[test]
fn goexit_runs_every_deferred_call_and_recover_is_nil() {
    for_each_tier!("goexit", |m| {
        assert_eq!(go(m::worker), Err(Exit::Goexit))
    });
}

#[test]
fn the_function_form_of_defer_still_works_next_to_the_macro() {
    let r = go(|| {
        defer(|| say("function form"));
        chain::normal();
    });
    assert_eq!(r, Ok(Some(())));
    assert_eq!(take_out(), "normal return: <nil>\nfunction form\n");
}

// ---- crash_*.go: the crash report's head, up to the blank line ----

mod crashes {
    use super::*;

    #[deferrt::func]
    pub fn repanic() {
        defer! { deferrt::repanic(recover().unwrap()); }
        deferrt::panic("message");
    }

    #[deferrt::func]
    pub fn nested() {
        defer! { deferrt::panic("second"); }
        deferrt::panic("first");
    }

    #[deferrt::func]
    pub fn goexit_panic() {
        defer! { deferrt::panic("hello"); }
        deferrt::goexit();
    }

    #[deferrt::func]
    pub fn recovered_then_crash() {
        defer! { deferrt::panic("third"); }
        defer! {
            recover();
            deferrt::panic("second");
        }
        deferrt::panic("first");
    }
}

fn report_head(f: fn()) -> String {
    match go(f) {
        Err(Exit::Panic(text)) => text
            .strip_suffix("\ngoroutine 1 [running]:\n")
            .expect("the report ends with the goroutine line")
            .to_string(),
        other => panic!("expected a crash, got {other:?}"),
    }
}

#[test]
fn crash_reports_through_the_macro_match_go() {
    for (f, want) in [
        (
            crashes::repanic as fn(),
            include_str!("go/crash_repanic.out"),
        ),
        (crashes::nested, include_str!("go/crash_nested.out")),
        (
            crashes::goexit_panic,
            include_str!("go/crash_goexit_panic.out"),
        ),
        (
            crashes::recovered_then_crash,
            include_str!("go/crash_recovered_then_crash.out"),
        ),
    ] {
        assert_eq!(report_head(f), want);
        accounted();
    }
}
