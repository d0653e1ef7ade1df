//! The std layer under hostile but safe use (issue 8, findings 4 and 6, and
//! forged unwinds): user code that runs while the engine works — `Drop` of
//! panic values, of return values, of discarded closures — and Go panics
//! caught by `catch_unwind`. Run under Miri too.

use std::cell::RefCell;
use std::panic::{catch_unwind, resume_unwind, AssertUnwindSafe};
use std::rc::Rc;

use deferrt::{defer, func, go, panic, recover, Exit};

/// Every record back in this test thread's pool.
fn accounted() {
    let a = deferrt::pool_accounting();
    assert_eq!(a.carved, a.free, "records not accounted for: {a:?}");
}

type Log = Rc<RefCell<Vec<String>>>;

fn log() -> Log {
    Rc::new(RefCell::new(Vec::new()))
}

fn push(l: &Log, s: impl Into<String>) {
    l.borrow_mut().push(s.into());
}

fn quiet<R>(f: impl FnOnce() -> R) -> R {
    let prev = std::panic::take_hook();
    std::panic::set_hook(Box::new(|_| {}));
    let r = f();
    std::panic::set_hook(prev);
    r
}

/// A value whose `Drop` calls back into the shim.
struct CallsRecover(Log, &'static str);

impl Drop for CallsRecover {
    fn drop(&mut self) {
        let v = recover();
        push(
            &self.0,
            format!("{} dropped, recover {:?}", self.1, v.map(|v| v.to_string())),
        );
    }
}

#[test]
fn a_panic_value_whose_drop_calls_recover() {
    let l = log();
    let l2 = l.clone();
    let r = go(move || {
        let l3 = l2.clone();
        defer(move || {
            let v = recover();
            push(&l3, format!("recovered {}", v.is_some()));
        });
        panic(CallsRecover(l2, "panic value"));
    });
    assert_eq!(r, Ok(None));
    assert_eq!(
        *l.borrow(),
        ["recovered true", "panic value dropped, recover None"]
    );
    accounted();
}

#[test]
fn a_return_value_whose_drop_calls_recover_while_a_deferred_call_panics() {
    let l = log();
    let l2 = l.clone();
    let r = go(move || {
        let l3 = l2.clone();
        defer(move || {
            let v = recover();
            push(
                &l3,
                format!("outer recovered {:?}", v.map(|v| v.to_string())),
            );
        });
        func(|| {
            defer(|| panic("from a deferred call"));
            CallsRecover(l2, "return value")
        });
        unreachable!("the deferred call's panic leaves func");
    });
    assert_eq!(r, Ok(None));
    assert_eq!(
        *l.borrow(),
        [
            "return value dropped, recover None",
            "outer recovered Some(\"from a deferred call\")"
        ]
    );
    accounted();
}

/// A value whose `Drop` starts a Go panic.
struct Panics(&'static str);

impl Drop for Panics {
    fn drop(&mut self) {
        panic(self.0);
    }
}

#[test]
fn a_recovered_panic_value_whose_drop_panics_panics_in_the_caller() {
    // The value is dropped when the recovery completes; its panic starts after
    // the func returned, in the caller, where a deferred call recovers it.
    let l = log();
    let l2 = l.clone();
    let r = go(move || {
        let l3 = l2.clone();
        defer(move || {
            let v = recover();
            push(
                &l3,
                format!("caller recovered {:?}", v.map(|v| v.to_string())),
            );
        });
        let out = func(move || {
            defer(|| {
                recover();
            });
            panic(Panics("from drop"));
        });
        push(&l2, format!("func returned {}", out.is_none()));
    });
    assert_eq!(r, Ok(None));
    assert_eq!(*l.borrow(), ["caller recovered Some(\"from drop\")"]);
    accounted();
}

/// A value whose `Drop` registers a deferred call, whose closure holds a
/// value that calls `recover` when it is dropped.
struct RegistersDefer(Log);

impl Drop for RegistersDefer {
    fn drop(&mut self) {
        let captured = CallsRecover(self.0.clone(), "captured");
        let l = self.0.clone();
        defer(move || {
            let _keep = &captured;
            push(&l, "ran");
        });
    }
}

#[test]
fn a_discarded_closure_whose_capture_calls_the_shim() {
    // The recovered panic value is dropped after the goroutine's first
    // function returned: its `defer` registers outside any frame, so the
    // closure never runs; it is discarded when the goroutine ends.
    let l = log();
    let l2 = l.clone();
    let r = go(move || {
        defer(|| {
            recover();
        });
        panic(RegistersDefer(l2));
    });
    assert_eq!(r, Ok(None));
    assert_eq!(*l.borrow(), ["captured dropped, recover None"]);
    accounted();
}

// ---- finding 6: Go panics caught by catch_unwind ----

#[test]
fn a_go_panic_swallowed_in_a_deferred_call_goes_on_from_that_call() {
    // As if the deferred call had panicked: the newer panic supersedes the
    // one running the call, the outer deferred call recovers the newer one.
    let l = log();
    let l2 = l.clone();
    let r = go(move || {
        let l3 = l2.clone();
        defer(move || {
            let v = recover();
            push(&l3, format!("outer recover {:?}", v.map(|v| v.to_string())));
        });
        defer(move || {
            let caught = catch_unwind(|| panic("swallowed")).is_err();
            let v = recover();
            push(
                &l2,
                format!(
                    "caught {caught}, inner recover {:?}",
                    v.map(|v| v.to_string())
                ),
            );
        });
        panic("original");
    });
    assert_eq!(r, Ok(None));
    assert_eq!(
        *l.borrow(),
        [
            "caught true, inner recover None",
            "outer recover Some(\"swallowed\")"
        ]
    );
    accounted();
}

#[test]
fn a_go_panic_swallowed_in_a_body_is_not_lost() {
    let r = go(|| {
        let _ = catch_unwind(|| panic("not lost"));
        7
    });
    assert_eq!(
        r,
        Err(Exit::Panic(
            "panic: not lost\n\ngoroutine 1 [running]:\n".into()
        ))
    );
    let l = log();
    let l2 = l.clone();
    let r = go(move || {
        let out = func(|| {
            let l3 = l2.clone();
            defer(move || {
                let v = recover();
                push(&l3, format!("recovered {:?}", v.map(|v| v.to_string())));
            });
            let _ = catch_unwind(|| panic("swallowed"));
            push(
                &l2,
                format!(
                    "after catch_unwind, recover {:?}",
                    recover().map(|v| v.to_string())
                ),
            );
            7
        });
        push(&l2, format!("func returned {out:?}"));
    });
    assert_eq!(r, Ok(Some(())));
    assert_eq!(
        *l.borrow(),
        [
            "after catch_unwind, recover None",
            "recovered Some(\"swallowed\")",
            "func returned None"
        ]
    );
    accounted();
}

#[test]
fn after_a_swallowed_go_panic_a_new_panic_or_func_is_refused() {
    for second in ["panic", "func", "goexit"] {
        let l = log();
        let l2 = l.clone();
        let r = quiet(|| {
            go(move || {
                let l3 = l2.clone();
                defer(move || {
                    let v = recover();
                    push(&l3, format!("recovered {:?}", v.map(|v| v.to_string())));
                });
                let _ = catch_unwind(|| panic("first"));
                let refused = catch_unwind(AssertUnwindSafe(|| match second {
                    "panic" => panic("second"),
                    "func" => {
                        func(|| ());
                    }
                    _ => deferrt::goexit(),
                }))
                .unwrap_err();
                let msg = refused
                    .downcast_ref::<String>()
                    .cloned()
                    .unwrap_or_default();
                push(&l2, msg);
            })
        });
        assert_eq!(r, Ok(None), "{second}");
        let l = l.borrow();
        assert_eq!(l.len(), 2, "{second}: {l:?}");
        assert!(l[0].starts_with("deferrt: "), "{second}: {l:?}");
        assert!(l[0].contains("caught by catch_unwind"), "{second}: {l:?}");
        assert_eq!(l[1], "recovered Some(\"first\")", "{second}");
    }
    accounted();
}

#[test]
fn recover_in_a_drop_during_a_go_unwind_is_nil() {
    // The guard is dropped while "inner" unwinds through the deferred call:
    // "inner" is not running any deferred call yet, so recover() is nil.
    let l = log();
    let l2 = l.clone();
    let r = go(move || {
        let l3 = l2.clone();
        defer(move || {
            let v = recover();
            push(&l3, format!("outer recover {:?}", v.map(|v| v.to_string())));
        });
        defer(move || {
            let _guard = CallsRecover(l2, "guard");
            panic("inner");
        });
        panic("outer");
    });
    assert_eq!(r, Ok(None));
    assert_eq!(
        *l.borrow(),
        [
            "guard dropped, recover None",
            "outer recover Some(\"inner\")"
        ]
    );
    accounted();
}

// ---- forged unwinds: a Go panic's payload resumed where it does not belong ----

#[test]
fn a_go_unwind_resumed_in_another_goroutine_is_an_ordinary_go_panic() {
    let stolen = Rc::new(RefCell::new(None));
    let s2 = stolen.clone();
    let r = go(move || {
        *s2.borrow_mut() = Some(catch_unwind(|| panic("a")).unwrap_err());
    });
    assert_eq!(
        r,
        Err(Exit::Panic("panic: a\n\ngoroutine 1 [running]:\n".into()))
    );
    let payload = stolen.borrow_mut().take().unwrap();
    let r = go(move || resume_unwind(payload));
    let Err(Exit::Panic(text)) = r else {
        panic!("expected a panic, got {r:?}")
    };
    assert!(text.starts_with("panic: deferrt: "), "{text}");
    assert!(text.contains("resume_unwind"), "{text}");
    accounted();
}

#[test]
fn a_go_unwind_resumed_after_its_frame_took_it_is_an_ordinary_go_panic() {
    let l = log();
    let l2 = l.clone();
    let r = go(move || {
        let stash = Rc::new(RefCell::new(None));
        let s2 = stash.clone();
        let l3 = l2.clone();
        let first = func(move || {
            defer(move || {
                push(
                    &l3,
                    format!("first: {:?}", recover().map(|v| v.to_string())),
                )
            });
            func(move || {
                *s2.borrow_mut() = Some(catch_unwind(|| panic("a")).unwrap_err());
            });
        });
        assert!(first.is_none());
        let payload = stash.borrow_mut().take().unwrap();
        let l4 = l2.clone();
        let second = func(move || {
            defer(move || {
                let v = recover().map(|v| v.to_string()).unwrap_or_default();
                push(&l4, format!("second: {}", v.starts_with("deferrt: ")));
            });
            resume_unwind(payload);
        });
        assert!(second.is_none());
    });
    assert_eq!(r, Ok(Some(())));
    assert_eq!(*l.borrow(), ["first: Some(\"a\")", "second: true"]);
    accounted();
}

// ---- the same through #[deferrt::func] (open tier, landing pads) ----

#[deferrt::func]
fn swallows_in_a_landing_function(l: Log) -> u32 {
    let l2 = l.clone();
    // No recover() here: this function does not catch (a landing pad).
    defer! { push(&l2, "landing defer"); }
    let _ = catch_unwind(|| panic("swallowed in a landing function"));
    push(&l, "after catch_unwind");
    7
}

/// No defer! at all: still a Go function, and the boundary of its body.
#[deferrt::func]
fn swallows_without_defers(l: Log) -> u32 {
    let _ = catch_unwind(|| panic("swallowed without defers"));
    push(&l, "after catch_unwind");
    7
}

#[deferrt::func]
fn catches_for_the_one_without_defers(l: Log) -> u32 {
    let l2 = l.clone();
    defer! {
        let v = recover();
        push(&l2, format!("caller recovered {:?}", v.map(|v| v.to_string())));
    }
    let n = swallows_without_defers(l.clone());
    push(&l, "caller continued after the call"); // must not: the panic goes on
    n + 1
}

#[test]
fn a_go_panic_swallowed_in_a_function_without_defers_goes_on_from_it() {
    let l = log();
    let l2 = l.clone();
    let r = go(move || catches_for_the_one_without_defers(l2));
    assert_eq!(r, Ok(Some(0)));
    assert_eq!(
        *l.borrow(),
        [
            "after catch_unwind",
            "caller recovered Some(\"swallowed without defers\")"
        ]
    );
    accounted();
}

#[deferrt::func]
fn catches_for_it(l: Log) -> u32 {
    let l2 = l.clone();
    defer! {
        let v = recover();
        push(&l2, format!("caller recovered {:?}", v.map(|v| v.to_string())));
    }
    let n = swallows_in_a_landing_function(l.clone());
    push(&l, "caller continued after the call"); // must not: the panic goes on
    n + 1
}

#[test]
fn a_go_panic_swallowed_in_a_function_that_does_not_catch_goes_on_from_it() {
    let l = log();
    let l2 = l.clone();
    let r = go(move || catches_for_it(l2));
    assert_eq!(r, Ok(Some(0))); // recovered: u32::default()
    assert_eq!(
        *l.borrow(),
        [
            "after catch_unwind",
            "landing defer",
            "caller recovered Some(\"swallowed in a landing function\")"
        ]
    );
    accounted();
}

#[deferrt::func]
fn open_tier_recovers_a_value_whose_drop_calls_recover(l: Log) {
    defer! { recover(); }
    panic(CallsRecover(l, "open-tier panic value"));
}

#[deferrt::func]
fn open_tier_returns_a_value_whose_drop_calls_recover(l: Log) -> CallsRecover {
    defer! { panic("from a deferred block"); }
    CallsRecover(l, "open-tier return value")
}

#[deferrt::func]
fn recovers_it(l: Log) {
    defer! { recover(); }
    open_tier_returns_a_value_whose_drop_calls_recover(l);
}

#[test]
fn drops_the_engine_makes_in_macro_functions_never_alias_the_cx() {
    let l = log();
    let l2 = l.clone();
    let r = go(move || {
        open_tier_recovers_a_value_whose_drop_calls_recover(l2.clone());
        recovers_it(l2);
    });
    assert_eq!(r, Ok(Some(())));
    assert_eq!(
        *l.borrow(),
        [
            "open-tier panic value dropped, recover None",
            "open-tier return value dropped, recover None"
        ]
    );
    accounted();
}
