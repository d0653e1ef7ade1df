//! The std shim under a red team's safe-code attacks (issue 8, second
//! pass): user code reaching the shim from places the shim does not expect
//! (a panic hook, nested goroutines while a Go panic is swallowed, a Rust
//! payload caught between a landing pad and its boundary). Run under Miri
//! too.

use std::cell::{Cell, RefCell};
use std::panic::{catch_unwind, resume_unwind, AssertUnwindSafe};
use std::rc::Rc;

use deferrt::{defer, func, go, goexit, panic, recover, Exit};

type Log = Rc<RefCell<Vec<String>>>;

fn log() -> Log {
    Rc::new(RefCell::new(Vec::new()))
}

fn push(l: &Log, s: impl Into<String>) {
    l.borrow_mut().push(s.into());
}

thread_local! {
    /// Set on the thread of the hook test only: the hook is process-wide.
    static HOOKED: Cell<bool> = const { Cell::new(false) };
    static HOOK_LOG: RefCell<Vec<String>> = const { RefCell::new(Vec::new()) };
}

// A panic hook that calls into the shim (recover, defer, a nested
// goroutine) while a Rust panic starts inside a deferred call of a Go
// panic: no abort, no aliasing (Miri), and the goroutine ends as the rules
// say: the hook runs in the deferred call, so its recover() is that call's.
#[test]
fn a_panic_hook_that_calls_the_shim() {
    let prev = std::panic::take_hook();
    std::panic::set_hook(Box::new(|_| {
        if !HOOKED.with(Cell::get) {
            return;
        }
        let v = recover().map(|v| v.to_string());
        HOOK_LOG.with(|l| l.borrow_mut().push(format!("hook recover {v:?}")));
        defer(|| HOOK_LOG.with(|l| l.borrow_mut().push("hook's defer ran".into())));
        let inner = go(|| 7);
        HOOK_LOG.with(|l| l.borrow_mut().push(format!("nested go {inner:?}")));
    }));
    HOOKED.with(|h| h.set(true));
    let r = go(|| {
        defer(|| {
            let v = recover().map(|v| v.to_string());
            HOOK_LOG.with(|l| l.borrow_mut().push(format!("outer recover {v:?}")));
        });
        func(|| {
            defer(|| std::panic!("rust panic in a deferred call"));
            panic("go panic");
        });
    });
    HOOKED.with(|h| h.set(false));
    std::panic::set_hook(prev);
    assert_eq!(r, Ok(None));
    let got = HOOK_LOG.with(|l| l.borrow().clone());
    assert_eq!(
        got,
        [
            "hook recover Some(\"go panic\")",
            "nested go Ok(Some(7))",
            "hook's defer ran",
            "outer recover Some(\"rust panic in a deferred call\")",
        ]
    );
}

// A Go panic swallowed by catch_unwind, then a nested goroutine on the same
// thread that panics and recovers on its own: the nested one does not see
// the swallowed panic, and the swallowed panic still goes on from the
// boundary afterwards.
#[test]
fn a_nested_goroutine_while_a_go_panic_is_swallowed() {
    let l = log();
    let l2 = l.clone();
    let r = go(move || {
        let l3 = l2.clone();
        defer(move || {
            push(
                &l3,
                format!("outer recover {:?}", recover().map(|v| v.to_string())),
            )
        });
        let l4 = l2.clone();
        func(move || {
            let caught = catch_unwind(|| panic("swallowed"));
            assert!(caught.is_err());
            let l5 = l4.clone();
            let inner = go(move || {
                let l6 = l5.clone();
                defer(move || {
                    push(
                        &l6,
                        format!("inner recover {:?}", recover().map(|v| v.to_string())),
                    )
                });
                panic("inner");
            });
            push(&l4, format!("inner go {inner:?}"));
            "body value"
        });
        unreachable!("the swallowed panic leaves func");
    });
    assert_eq!(r, Ok(None));
    assert_eq!(
        *l.borrow(),
        [
            "inner recover Some(\"inner\")",
            "inner go Ok(None)",
            "outer recover Some(\"swallowed\")",
        ]
    );
}

// A Goexit swallowed by catch_unwind in a body: the goroutine still ends
// by Goexit, every deferred call runs, recover() stays None.
#[test]
fn a_swallowed_goexit_still_ends_the_goroutine() {
    let l = log();
    let l2 = l.clone();
    let r = go(move || {
        let l3 = l2.clone();
        defer(move || push(&l3, format!("deferred, recover {:?}", recover().is_some())));
        func(move || {
            let _ = catch_unwind(|| goexit());
            push(
                &l2,
                format!("after catch, recover {:?}", recover().is_some()),
            );
            1
        });
        unreachable!("Goexit leaves func");
    });
    assert_eq!(r, Err(Exit::Goexit));
    assert_eq!(
        *l.borrow(),
        ["after catch, recover false", "deferred, recover false"]
    );
}

// A Rust panic's payload caught between the frame it started in and its
// boundary, then resumed in another goroutine. With `deferrt::func` the
// frame catches it itself: the user catches a Go unwind, and resuming that
// elsewhere is a forged unwind (documented). With a `#[deferrt::func]` none
// of whose deferred calls can recover, a landing pad runs the frame's calls
// and lets the Rust unwind pass: the user catches the real payload. Either
// way the first goroutine's panic is not lost (it goes on and is
// reported), and the second goroutine dies of what was resumed.
#[deferrt::func]
fn landing_frame(l: Log) {
    defer! { push(&l, "landing frame's defer"); }
    std::panic::panic_any("rust payload");
}

#[test]
fn a_rust_payload_caught_mid_way_and_resumed_elsewhere() {
    for landing in [false, true] {
        let l = log();
        let stash: Rc<RefCell<Option<Box<dyn std::any::Any + Send>>>> = Rc::default();
        let (s2, l2) = (stash.clone(), l.clone());
        let r = go(move || {
            func(move || {
                let p = catch_unwind(AssertUnwindSafe(|| {
                    if landing {
                        landing_frame(l2);
                    } else {
                        func(|| std::panic::panic_any("rust payload"));
                    }
                }))
                .unwrap_err();
                *s2.borrow_mut() = Some(p);
            });
        });
        let Err(Exit::Panic(text)) = &r else {
            panic!("the first goroutine's panic was lost: {r:?}")
        };
        assert!(text.starts_with("panic: "), "{text}");
        if landing {
            assert_eq!(*l.borrow(), ["landing frame's defer"]);
        }
        let p = stash.borrow_mut().take().unwrap();
        let r2 = go(move || resume_unwind(p));
        let Err(Exit::Panic(text2)) = &r2 else {
            panic!("{r2:?}")
        };
        if landing {
            assert_eq!(text2, "panic: rust payload\n\ngoroutine 1 [running]:\n");
        } else {
            assert!(text2.contains("resume_unwind"), "{text2}");
        }
        // Observation: through the landing pad the first goroutine's value is
        // a placeholder ("(a Rust panic, its payload not caught yet)"): the
        // payload left with the user's catch_unwind before any boundary saw it.
        if !landing {
            assert_eq!(text, "panic: rust payload\n\ngoroutine 1 [running]:\n");
        }
    }
}

// Deferred calls that each start a goroutine which panics and crashes, in a
// goroutine that is itself panicking: crashes of nested goroutines are
// their own; the outer recovers its own value.
#[test]
fn nested_goroutines_crash_inside_deferred_calls_of_a_panic() {
    let l = log();
    let l2 = l.clone();
    let r = go(move || {
        let l3 = l2.clone();
        defer(move || {
            push(
                &l3,
                format!("outer recover {:?}", recover().map(|v| v.to_string())),
            )
        });
        for i in 0..3 {
            let l4 = l2.clone();
            defer(move || {
                let inner = go(move || -> () { panic(i) });
                push(&l4, format!("{inner:?}"));
            });
        }
        panic("outer");
    });
    assert_eq!(r, Ok(None));
    let want: Vec<String> = (0..3)
        .rev()
        .map(|i| format!("Err(Panic(\"panic: {i}\\n\\ngoroutine 1 [running]:\\n\"))"))
        .chain(["outer recover Some(\"outer\")".to_string()])
        .collect();
    assert_eq!(*l.borrow(), want);
}

// A panic value whose Drop starts a nested goroutine that panics, recovered
// and dropped inside the engine: parked, then dropped in the caller, where
// the nested goroutine runs to its own crash.
#[test]
fn a_recovered_value_whose_drop_runs_a_goroutine() {
    struct Spawns(Log);
    impl Drop for Spawns {
        fn drop(&mut self) {
            let r = go(|| -> () { panic("from drop") });
            push(&self.0, format!("{}", matches!(r, Err(Exit::Panic(_)))));
        }
    }
    let l = log();
    let l2 = l.clone();
    let r = go(move || {
        func(move || {
            defer(|| {
                let _ = recover();
            });
            panic(Spawns(l2));
        });
        5
    });
    assert_eq!(r, Ok(Some(5)));
    assert_eq!(*l.borrow(), ["true"]);
}

// A deferred closure captured by another goroutine's deferred closure
// cannot happen (they are 'static closures of their own goroutine); but a
// closure discarded when a goroutine ends with pending calls (registered
// in a nested goroutine's frame-less context) drops in the caller of go.
#[test]
fn a_closure_discarded_at_goroutine_end_drops_in_the_caller() {
    struct Note(Log);
    impl Drop for Note {
        fn drop(&mut self) {
            push(
                &self.0,
                format!("dropped, recover {:?}", recover().is_some()),
            );
        }
    }
    let l = log();
    let l2 = l.clone();
    let r = go(move || {
        let n = Note(l2);
        // Goexit with a call registered in a deferred call of the last
        // frame: everything runs, nothing is discarded.
        defer(move || {
            let n = n;
            defer(move || drop(n));
        });
        goexit();
    });
    assert_eq!(r, Err(Exit::Goexit));
    assert_eq!(*l.borrow(), ["dropped, recover false"]);
    let _ = AssertUnwindSafe(());
}

// A Go panic swallowed by catch_unwind inside a #[deferrt::func] whose
// deferred calls cannot recover (the macro gives it a landing pad, no
// catch) and inside the same function written with `deferrt::func` (which
// catches): the crate docs say the boundary the panic was travelling to
// goes on with it whatever the code returns there, and the macro docs say
// the tiers give the same results. The function must not return normally
// in one form and unwind in the other.
thread_local! {
    static TIER_LOG: RefCell<Vec<String>> = const { RefCell::new(Vec::new()) };
}

fn tier_log(s: impl Into<String>) {
    TIER_LOG.with(|l| l.borrow_mut().push(s.into()));
}

#[deferrt::func]
fn swallows_with_landing() -> i32 {
    defer! { tier_log("inner defer"); }
    let _ = catch_unwind(|| panic("x"));
    5
}

fn swallows_with_func() -> i32 {
    func(|| {
        defer(|| tier_log("inner defer"));
        let _ = catch_unwind(|| panic("x"));
        5
    })
    .unwrap_or(0)
}

#[test]
fn a_swallowed_go_panic_in_a_landing_frame_behaves_as_in_a_catching_frame() {
    let mut logs = Vec::new();
    for landing in [false, true] {
        TIER_LOG.with(|l| l.borrow_mut().clear());
        let r = go(move || {
            defer(|| {
                tier_log(format!(
                    "outer recover {:?}",
                    recover().map(|v| v.to_string())
                ))
            });
            let v = if landing {
                swallows_with_landing()
            } else {
                swallows_with_func()
            };
            tier_log(format!("after inner returned {v}"));
        });
        logs.push((r, TIER_LOG.with(|l| l.borrow().clone())));
    }
    assert_eq!(logs[0], logs[1], "catching frame vs landing frame");
}

// A #[deferrt::func] whose deferred call is registered with the function
// form `deferrt::defer` (no `defer!` site): Go's
// `func f() (r int) { defer func() { recover() }(); panic("boom") }`
// recovers and returns normally. The macro sees the function-form call and
// makes the function catch (it used to look at `defer!` sites only and gave
// the function a landing pad, where recover() is None).
#[deferrt::func]
fn function_form_recover() -> i32 {
    deferrt::defer(|| tier_log(format!("recover {:?}", recover().map(|v| v.to_string()))));
    panic("boom");
}

#[test]
fn function_form_defer_in_a_macro_function_can_recover() {
    TIER_LOG.with(|l| l.borrow_mut().clear());
    let r = go(function_form_recover);
    let got = TIER_LOG.with(|l| l.borrow().clone());
    assert_eq!(
        (r, got),
        (Ok(Some(0)), vec!["recover Some(\"boom\")".to_string()])
    );
}
