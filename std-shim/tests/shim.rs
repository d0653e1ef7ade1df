//! The std layer: exactly when deferred closures run, and Go's rules over
//! Rust unwinding.

use std::cell::RefCell;
use std::rc::Rc;

use deferrt::{defer, func, go, goexit, panic, recover, repanic, Exit};

type Log = Rc<RefCell<Vec<String>>>;

fn log() -> Log {
    Rc::new(RefCell::new(Vec::new()))
}

fn push(l: &Log, s: impl Into<String>) {
    l.borrow_mut().push(s.into());
}

fn deferred_push(l: &Log, s: &'static str) {
    let l = l.clone();
    defer(move || push(&l, s));
}

#[test]
fn defers_run_lifo_when_the_func_returns_not_before() {
    let l = log();
    let l2 = l.clone();
    let r = go(move || {
        func(|| {
            deferred_push(&l2, "first registered");
            deferred_push(&l2, "second registered");
            push(&l2, "body end");
        });
        push(&l2, "after func");
        3
    });
    assert_eq!(r, Ok(Some(3)));
    assert_eq!(
        *l.borrow(),
        [
            "body end",
            "second registered",
            "first registered",
            "after func"
        ]
    );
}

#[test]
fn panic_passes_through_funcs_and_is_recovered_where_deferred() {
    let l = log();
    let l2 = l.clone();
    let r = go(move || {
        let out = func(|| {
            let l3 = l2.clone();
            defer(move || {
                let v = recover().unwrap();
                push(&l3, format!("recovered {v}"));
            });
            func(|| {
                deferred_push(&l2, "inner defer");
                panic("boom");
            });
            push(&l2, "unreached");
        });
        push(&l2, format!("outer returned {out:?}"));
    });
    assert_eq!(r, Ok(Some(())));
    assert_eq!(
        *l.borrow(),
        ["inner defer", "recovered boom", "outer returned None"]
    );
}

#[test]
fn recover_in_a_helper_func_is_nil() {
    let l = log();
    let l2 = l.clone();
    let r = go(move || {
        defer(move || {
            let v = func(recover).flatten();
            push(&l2, format!("helper got {v:?}"));
        });
        panic(5i32);
    });
    assert_eq!(*l.borrow(), ["helper got None"]);
    assert_eq!(
        r,
        Err(Exit::Panic("panic: 5\n\ngoroutine 1 [running]:\n".into()))
    );
}

#[test]
fn a_rust_panic_becomes_a_go_panic() {
    let l = log();
    let l2 = l.clone();
    let prev = std::panic::take_hook();
    std::panic::set_hook(Box::new(|_| {})); // keep the test output quiet
    let r = go(move || {
        defer(move || {
            let v = recover().unwrap();
            push(&l2, format!("recovered {v}"));
        });
        let x: Option<u8> = std::hint::black_box(None);
        x.expect("rust panic");
    });
    std::panic::set_hook(prev);
    assert_eq!(r, Ok(None));
    assert_eq!(*l.borrow(), ["recovered rust panic"]);
}

#[test]
fn repanic_is_marked_and_goexit_cannot_be_recovered() {
    let r = go(|| {
        defer(|| repanic(recover().unwrap()));
        panic("message");
    });
    assert_eq!(
        r,
        Err(Exit::Panic(
            "panic: message [recovered, repanicked]\n\ngoroutine 1 [running]:\n".into()
        ))
    );
    let l = log();
    let l2 = l.clone();
    let r = go(move || {
        defer(move || push(&l2, format!("recover: {:?}", recover())));
        func(|| goexit());
        unreachable!("goexit returns to no one");
    });
    assert_eq!(r, Err(Exit::Goexit));
    assert_eq!(*l.borrow(), ["recover: None"]);
}

#[test]
fn goroutines_reuse_the_thread_worker() {
    for i in 0..100 {
        let r = go(move || {
            for _ in 0..40 {
                defer(|| {});
            }
            i
        });
        assert_eq!(r, Ok(Some(i)));
    }
}

/// `go` reuses the thread's task after a clean goroutine: nothing of one
/// goroutine (a recovered panic, a crash, calls left at depth 0, a nested
/// goroutine's state) is seen by the next.
#[test]
fn a_goroutine_starts_clean_after_any_earlier_one() {
    let l = log();
    let fresh = |l: &Log, tag: &'static str| {
        let l2 = l.clone();
        let r = go(move || {
            func(|| {
                let l3 = l2.clone();
                defer(move || push(&l3, format!("{tag}: recover {}", recover().is_some())));
            });
            7
        });
        assert_eq!(r, Ok(Some(7)), "{tag}");
    };
    // A panic recovered by a deferred call.
    let r = go(|| {
        func(|| {
            defer(|| assert!(recover().is_some()));
            panic("recovered");
        })
    });
    assert_eq!(r, Ok(Some(None)));
    fresh(&l, "after recovery");
    // A crash.
    let r = go(|| -> () { panic("crash") });
    assert_eq!(
        r,
        Err(Exit::Panic(
            "panic: crash\n\ngoroutine 1 [running]:\n".into()
        ))
    );
    fresh(&l, "after crash");
    // A call of the first function itself.
    let l2 = l.clone();
    let r = go(move || {
        func(|| {});
        defer(move || push(&l2, "first function's call ran"));
    });
    assert_eq!(r, Ok(Some(())));
    fresh(&l, "after first function's call");
    // Goexit.
    assert_eq!(go(|| goexit()), Err(Exit::Goexit));
    fresh(&l, "after goexit");
    // Nested goroutines, the inner one crashing while the outer holds the
    // thread's task.
    let r = go(|| {
        let inner = go(|| -> () { panic("inner") });
        assert!(matches!(inner, Err(Exit::Panic(_))));
        let inner = go(|| 1);
        assert_eq!(inner, Ok(Some(1)));
        func(|| {
            defer(|| assert!(recover().is_some()));
            panic("outer");
        });
        2
    });
    assert_eq!(r, Ok(Some(2)));
    fresh(&l, "after nested");
    assert_eq!(
        *l.borrow(),
        [
            "after recovery: recover false",
            "after crash: recover false",
            "first function's call ran",
            "after first function's call: recover false",
            "after goexit: recover false",
            "after nested: recover false",
        ]
    );
}

#[test]
#[should_panic(expected = "outside deferrt::go")]
fn defer_outside_a_goroutine_is_refused() {
    defer(|| {});
}
