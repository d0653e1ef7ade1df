//! One unwind per panic: a `#[deferrt::func]` none of whose deferred calls
//! can recover (no `recover()` in its `defer!` blocks, no call form) does not
//! catch; its deferred calls run from a landing pad while the single Rust
//! unwind passes, the panic state staying in the core. These tests drive
//! that path: Go panics, Rust panics, Goexit, and deferred calls that panic
//! again during the unwind (never a double-panic abort).

use std::cell::RefCell;

use deferrt::{defer, go, recover, Exit, Value};

/// Every record back in this test thread's pool.
fn accounted() {
    let a = deferrt::pool_accounting();
    assert_eq!(a.carved, a.free, "records not accounted for: {a:?}");
}

thread_local! {
    static OUT: RefCell<Vec<String>> = const { RefCell::new(Vec::new()) };
}

fn say(s: impl Into<String>) {
    OUT.with(|o| o.borrow_mut().push(s.into()));
}

fn take_out() -> Vec<String> {
    OUT.with(|o| std::mem::take(&mut *o.borrow_mut()))
}

fn quiet<R>(f: impl FnOnce() -> R) -> R {
    let prev = std::panic::take_hook();
    std::panic::set_hook(Box::new(|_| {}));
    let r = f();
    std::panic::set_hook(prev);
    r
}

/// 16 levels that cannot recover; level 0 panics with `how`.
#[deferrt::func]
fn level(n: u32, how: &'static str) -> u32 {
    defer! { say(format!("leave {n}")); }
    if n == 0 {
        match how {
            "go" => deferrt::panic("deep"),
            "rust" => {
                let x: Option<u32> = std::hint::black_box(None);
                return x.expect("deep rust panic");
            }
            "goexit" => deferrt::goexit(),
            _ => return 0,
        }
    }
    level(n - 1, how) + 1
}

#[deferrt::func(result = r)]
fn outermost(how: &'static str) -> Result<u32, String> {
    defer! {
        if let Some(p) = recover() {
            r.set(Err(p.to_string()));
        }
    }
    Ok(level(15, how))
}

fn leaves() -> Vec<String> {
    (0..16).map(|n| format!("leave {n}")).collect()
}

#[test]
fn a_go_panic_passes_sixteen_landing_pads_and_is_recovered_once() {
    let r = go(|| outermost("go"));
    assert_eq!(r, Ok(Some(Err("deep".to_string()))));
    assert_eq!(take_out(), leaves());
    let r = go(|| outermost("none"));
    assert_eq!(r, Ok(Some(Ok(15))));
    assert_eq!(take_out(), leaves());
    accounted();
}

#[test]
fn a_rust_panic_through_landing_pads_keeps_its_payload() {
    let r = quiet(|| go(|| outermost("rust")));
    assert_eq!(r, Ok(Some(Err("deep rust panic".to_string()))));
    assert_eq!(take_out(), leaves());
    // Unrecovered: the crash report prints the payload.
    let r = quiet(|| go(|| level(3, "rust")));
    assert_eq!(
        r,
        Err(Exit::Panic(
            "panic: deep rust panic\n\ngoroutine 1 [running]:\n".into()
        ))
    );
    take_out();
    accounted();
}

#[test]
fn goexit_passes_landing_pads() {
    let r = go(|| {
        defer(|| {
            say(format!(
                "goroutine defer, recover {:?}",
                recover().is_some()
            ))
        });
        outermost("goexit")
    });
    assert_eq!(r, Err(Exit::Goexit));
    let mut want = leaves();
    want.push("goroutine defer, recover false".into());
    assert_eq!(take_out(), want);
    accounted();
}

#[deferrt::func]
fn panics_again_while_unwinding(how: &'static str) {
    defer! { say("earlier defer still runs"); }
    defer! {
        match how {
            "go" => deferrt::panic("second"),
            _ => {
                let x: Option<u8> = std::hint::black_box(None);
                x.expect("second, from Rust");
            }
        }
    }
    deferrt::panic("first");
}

#[deferrt::func]
fn recovers_the_newest(how: &'static str) -> String {
    defer! {
        let v: Option<Value> = recover();
        say(format!("recovered {}", v.map(|v| v.to_string()).unwrap_or_default()));
    }
    panics_again_while_unwinding(how);
    unreachable!()
}

#[test]
fn a_deferred_call_that_panics_during_the_unwind_supersedes_it() {
    for (how, newest) in [("go", "second"), ("rust", "second, from Rust")] {
        let r = quiet(|| go(|| recovers_the_newest(how)));
        // Recovered: the function returns String::default().
        assert_eq!(r, Ok(Some(String::new())), "{how}");
        assert_eq!(
            take_out(),
            [
                "earlier defer still runs".to_string(),
                format!("recovered {newest}")
            ],
            "{how}"
        );
        // Unrecovered: Go's report of a panic during a panic.
        let r = quiet(|| go(|| panics_again_while_unwinding(how)));
        assert_eq!(
            r,
            Err(Exit::Panic(format!(
                "panic: first\n\tpanic: {newest}\n\ngoroutine 1 [running]:\n"
            ))),
            "{how}"
        );
        take_out();
    }
    accounted();
}

#[test]
fn a_function_form_defer_in_a_macro_function_can_recover() {
    // Go: `defer func() { recover() }()` — written with the function form,
    // the macro sees the call and the function catches.
    #[deferrt::func]
    fn f() {
        defer(|| say(format!("function form recover {:?}", recover().is_some())));
        defer! { say("block"); }
        deferrt::panic("p");
    }
    #[deferrt::func]
    fn catcher() {
        defer! { say(format!("catcher recover {:?}", recover().is_some())); }
        f();
    }
    assert_eq!(go(catcher), Ok(Some(())));
    assert_eq!(
        take_out(),
        [
            "block",
            "function form recover true",
            "catcher recover false"
        ]
    );
    accounted();
}

/// Registers a deferred call on whatever frame is innermost: the macro
/// cannot see it from the function that calls this helper.
fn register_hidden_recover() {
    defer(|| say(format!("hidden recover {:?}", recover().is_some())));
}

#[test]
fn recover_in_a_landing_pad_call_is_nil() {
    // A deferred call the macro cannot see (registered by a helper) in a
    // function that does not catch: from the landing pad it cannot stop the
    // unwind, so its recover() is nil and the panic goes on.
    #[deferrt::func]
    fn f() {
        register_hidden_recover();
        defer! { say("block"); }
        deferrt::panic("p");
    }
    #[deferrt::func]
    fn catcher() {
        defer! { say(format!("catcher recover {:?}", recover().is_some())); }
        f();
    }
    assert_eq!(go(catcher), Ok(Some(())));
    assert_eq!(
        take_out(),
        ["block", "hidden recover false", "catcher recover true"]
    );
    accounted();
}

/// A guard whose `Drop` calls Go functions: it runs while the Go panic
/// unwinds through its frame.
struct CleanupGuard;

impl Drop for CleanupGuard {
    fn drop(&mut self) {
        cleanup_with_own_panic();
        say(format!("recover in the guard: {:?}", recover().is_some()));
    }
}

/// A Go function with defers of its own, which panics and recovers inside.
#[deferrt::func]
fn cleanup_with_own_panic() {
    defer! {
        let v = recover().map(|v| v.to_string());
        say(format!("cleanup recovered its own {v:?}"));
    }
    defer! { say("cleanup defer"); }
    deferrt::panic("cleanup's own panic");
}

#[deferrt::func]
fn guarded_body() {
    let _g = CleanupGuard;
    defer! { say("guarded_body defer"); }
    deferrt::panic("outer");
}

#[deferrt::func]
fn recovers_outer() {
    defer! {
        let v = recover().map(|v| v.to_string());
        say(format!("outer recovered {v:?}"));
    }
    guarded_body();
}

#[test]
fn a_drop_during_a_go_unwind_can_call_go_functions() {
    let r = go(recovers_outer);
    assert_eq!(r, Ok(Some(())));
    assert_eq!(
        take_out(),
        [
            "cleanup defer",
            "cleanup recovered its own Some(\"cleanup's own panic\")",
            "recover in the guard: false",
            "guarded_body defer",
            "outer recovered Some(\"outer\")",
        ]
    );
    accounted();
}
