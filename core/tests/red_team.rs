//! Issue 8, second pass: a red team's attempts to break the engine with
//! safe code only, after the fixes of `hostile.rs` (kept in a file of its
//! own so the two can grow in parallel).
//!
//! Each test states the documented behaviour it expects; the holes this
//! file found (the `cx_swapped_*`, `kept_unwind_*` and `recovery_pops_*`
//! tests) failed before their fixes. Everything here runs under Miri
//! (`-Zmiri-strict-provenance`).

#![allow(clippy::forget_non_drop, clippy::drop_non_drop)]

mod common;
use common::*;
use deferrt_core::{Cx, Leaf, OpenFrame, Outcome, Pool, Task, Unwind, Worker};
use std::cell::{Cell, RefCell};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::rc::Rc;

type Slot = fn(&mut C<'_>) -> Outcome;
type BoxSlot = Box<dyn FnOnce(&mut C<'_>) -> Outcome>;

/// Runs `f`, which must Rust-panic with a message naming the misuse
/// (`deferrt:` first), never an internal assertion or an index out of
/// bounds.
fn expect_deferrt_panic(f: impl FnOnce()) -> String {
    let r = catch_unwind(AssertUnwindSafe(f));
    let text = panic_text(&r.expect_err("the misuse was accepted silently"));
    assert!(
        text.starts_with("deferrt:"),
        "the engine panicked without naming the misuse: {text:?}"
    );
    text
}

/// A task, its worker and its environment, leaked (safe code: `Box::leak`)
/// so that a `Cx<'static>` of it exists, which coerces to any `Cx<'x>`. The
/// test frees them with `reclaim` (test bookkeeping only, so that Miri's
/// leak check stays quiet; the attack itself is safe code).
struct Leaked {
    task: *mut Task<Env, V>,
    worker: *mut Worker,
    env: *mut Env,
}

impl Leaked {
    fn new(pool: &std::sync::Arc<Pool>) -> (Leaked, Cx<'static, Env, V>) {
        let task = Box::into_raw(Box::new(Task::new(pool)));
        let worker = Box::into_raw(Box::new(Worker::new(pool)));
        let env = Box::into_raw(Box::<Env>::default());
        // SAFETY (test bookkeeping): fresh boxes, used only through these
        // references until `reclaim`, which the test calls once every
        // borrow of them is gone. Equivalent to `Box::leak`.
        let cx = unsafe { (*task).cx(&mut *worker, &mut *env).unwrap() };
        (Leaked { task, worker, env }, cx)
    }

    /// Frees the leaked task, worker and env; returns the env and the
    /// task's (depth, pending records).
    fn reclaim(self) -> (Env, u32, usize) {
        // SAFETY: see `new`; no borrow of them is live any more.
        unsafe {
            let t = Box::from_raw(self.task);
            let stats = (t.depth(), t.pending_records());
            drop(t);
            drop(Box::from_raw(self.worker));
            let env = *Box::from_raw(self.env);
            (env, stats.0, stats.1)
        }
    }
}

// ------------------------------------------------ the Cx itself, swapped

/// What a swap of the `&mut Cx` inside a deferred call may end in: a panic
/// naming the misuse, or nothing at all (the engine handed the call a
/// context of its own and goes on with the one it holds). Never B's calls
/// run with A's context, A's calls run from B's exit, or B left half way.
fn swap_was_refused_or_harmless(
    r: &std::thread::Result<()>,
    ea: &Env,
    eb: &Env,
    b_want: &[&str],
    tb: &Task<Env, V>,
) {
    match r {
        Err(e) => {
            let text = panic_text(e);
            assert!(text.starts_with("deferrt:"), "unclear panic: {text:?}");
            assert!(
                ea.out.is_empty(),
                "a call ran in the wrong task: {:?}",
                ea.out
            );
        }
        Ok(()) => {
            assert!(
                ea.out.is_empty(),
                "a call ran in the wrong task: {:?}",
                ea.out
            );
            assert_eq!(eb.out, b_want, "B's calls");
            assert_eq!(
                (tb.depth(), tb.pending_records()),
                (0, 0),
                "B left half way"
            );
        }
    }
}

// A deferred call of task B swaps the `&mut Cx` the engine handed it with a
// context of task A (made from a leaked task: a `Cx<'static>` coerces to
// the call's `Cx<'x>`). It used to make the exit loop of B's frame go on
// with A: it ran A's deferred call from B's exit, left B's own call
// pending, and handed the caller back a context of A.
#[test]
fn cx_swapped_inside_a_chain_call_is_refused() {
    let pool = Pool::new();
    let (leaked, mut cxa) = Leaked::new(&pool);
    // A: two frames, the inner one with a deferred call, at the depth B's
    // deferred call runs at (2), so that the exit loop's position check
    // passes after the swap.
    let fa1 = cxa.enter();
    let fa2 = cxa.enter();
    cxa.defer(|cx| {
        say(cx, "A's call");
        Ok(())
    });
    let slot: Rc<RefCell<Option<Cx<'static, Env, V>>>> = Rc::new(RefCell::new(Some(cxa)));
    let mut w = Worker::new(&pool);
    let mut tb: Task<Env, V> = Task::new(&pool);
    let mut eb = Env::default();
    let s = slot.clone();
    let r = catch_unwind(AssertUnwindSafe(|| {
        let mut cx = tb.cx(&mut w, &mut eb).unwrap();
        let f = cx.enter();
        cx.defer(|cx| {
            say(cx, "B's first call");
            Ok(())
        });
        cx.defer(move |cx| {
            let mut other: Cx<'_, Env, V> = s.borrow_mut().take().unwrap();
            std::mem::swap(cx, &mut other);
            drop(other);
            Ok(())
        });
        assert_eq!(cx.exit(f), Ok(()));
        assert_eq!(cx.task().depth(), 0);
    }));
    drop(slot);
    let (ea, da, pa) = leaked.reclaim();
    drop((fa1, fa2));
    swap_was_refused_or_harmless(&r, &ea, &eb, &["B's first call"], &tb);
    assert_eq!((da, pa), (2, 1), "A was changed by B's exit");
    drop(tb);
    all_records_home(&pool, &[&w]);
}

// The same with an open frame: B's next slot used to receive A's context
// (a deferred call of B ran in task A, with A's environment).
#[test]
fn cx_swapped_inside_an_open_slot_is_refused() {
    let pool = Pool::new();
    let (leaked, mut cxa) = Leaked::new(&pool);
    let fa1 = cxa.enter();
    let fa2 = cxa.enter(); // A at depth 2 = B's slot depth
    let slot: Rc<RefCell<Option<Cx<'static, Env, V>>>> = Rc::new(RefCell::new(Some(cxa)));
    let mut w = Worker::new(&pool);
    let mut tb: Task<Env, V> = Task::new(&pool);
    let mut eb = Env::default();
    let s = slot.clone();
    let r = catch_unwind(AssertUnwindSafe(|| {
        let mut cx = tb.cx(&mut w, &mut eb).unwrap();
        let mut f = cx.enter_open::<BoxSlot, 2>();
        f.defer::<0>(Box::new(|cx| {
            say(cx, "B's slot 0");
            Ok(())
        }));
        f.defer::<1>(Box::new(move |cx| {
            let mut other: Cx<'_, Env, V> = s.borrow_mut().take().unwrap();
            std::mem::swap(cx, &mut other);
            Ok(())
        }));
        assert_eq!(cx.exit_open(f), Ok(()));
    }));
    drop(slot);
    let (ea, da, pa) = leaked.reclaim();
    drop((fa1, fa2));
    swap_was_refused_or_harmless(&r, &ea, &eb, &["B's slot 0"], &tb);
    assert_eq!((da, pa), (2, 0), "A was changed by B's exit");
    drop(tb);
    all_records_home(&pool, &[&w]);
}

// The same while B is unwinding: the exit loop used to index A's (empty)
// panic stack with B's index (index out of bounds).
#[test]
fn cx_swapped_inside_a_call_of_a_panic_is_refused() {
    let pool = Pool::new();
    let (leaked, mut cxa) = Leaked::new(&pool);
    let fa1 = cxa.enter();
    let fa2 = cxa.enter();
    let slot: Rc<RefCell<Option<Cx<'static, Env, V>>>> = Rc::new(RefCell::new(Some(cxa)));
    let mut w = Worker::new(&pool);
    let mut tb: Task<Env, V> = Task::new(&pool);
    let mut eb = Env::default();
    let s = slot.clone();
    let r = catch_unwind(AssertUnwindSafe(|| {
        let mut cx = tb.cx(&mut w, &mut eb).unwrap();
        let f = cx.enter();
        cx.defer(|cx| {
            let v = cx.recover();
            say(cx, format!("B recovered {v:?}"));
            Ok(())
        });
        cx.defer(move |cx| {
            let mut other: Cx<'_, Env, V> = s.borrow_mut().take().unwrap();
            std::mem::swap(cx, &mut other);
            Ok(())
        });
        let u = cx.panic(V::S("B's panic"));
        assert_eq!(cx.unwind(f, u), Ok(()));
    }));
    drop(slot);
    let (ea, da, pa) = leaked.reclaim();
    drop((fa1, fa2));
    swap_was_refused_or_harmless(&r, &ea, &eb, &[r#"B recovered Some(S("B's panic"))"#], &tb);
    assert_eq!((da, pa), (2, 0), "A was changed by B's exit");
    drop(tb);
    all_records_home(&pool, &[&w]);
}

// A body of `call` swaps its `&mut Cx` with another task's context of the
// same lifetime (no leak needed): `call` then leaves B's frame through A's
// context, which the token check refuses by name.
#[test]
fn cx_swapped_inside_a_call_body_is_refused_by_the_token_check() {
    let pool = Pool::new();
    let mut w1 = Worker::new(&pool);
    let mut w2 = Worker::new(&pool);
    let mut ta: Task<Env, V> = Task::new(&pool);
    let mut tb: Task<Env, V> = Task::new(&pool);
    let (mut ea, mut eb) = (Env::default(), Env::default());
    let text = expect_deferrt_panic(|| {
        let mut cxa = ta.cx(&mut w1, &mut ea).unwrap();
        let mut cxb = tb.cx(&mut w2, &mut eb).unwrap();
        let _ = cxb.call(|cx| {
            cx.defer(|cx| {
                say(cx, "B's call");
                Ok(())
            });
            std::mem::swap(cx, &mut cxa);
            Ok(())
        });
    });
    assert!(text.contains("Frame of another task"), "{text}");
    // B's call did not run anywhere; it is discarded with B.
    assert!(ea.out.is_empty() && eb.out.is_empty());
    assert_eq!(tb.pending_records(), 1);
    drop((ta, tb));
    all_records_home(&pool, &[&w1, &w2]);
}

// The same for `call_open`, and for swapping the `&mut OpenFrame` it hands
// the body with an open frame of another task.
#[test]
fn open_frame_swapped_inside_call_open_is_refused() {
    let pool = Pool::new();
    let mut w = Worker::new(&pool);
    let mut ta: Task<Env, V> = Task::new(&pool);
    let mut tb: Task<Env, V> = Task::new(&pool);
    let (mut ea, mut eb) = (Env::default(), Env::default());
    let mut fa = ta.cx(&mut w, &mut ea).unwrap().enter_open::<Slot, 1>();
    fa.defer::<0>(|cx| {
        say(cx, "A's slot");
        Ok(())
    });
    let text = expect_deferrt_panic(|| {
        let mut cx = tb.cx(&mut w, &mut eb).unwrap();
        let _ = cx.call_open::<Slot, 1, ()>(|_, f| {
            f.defer::<0>(|cx| {
                say(cx, "B's slot");
                Ok(())
            });
            std::mem::swap(f, &mut fa);
            Ok(())
        });
    });
    assert!(text.contains("OpenFrame of another task"), "{text}");
    assert!(ea.out.is_empty() && eb.out.is_empty());
    // `fa` now holds B's frame (and B's armed slot): leaving it through A
    // is refused too, and dropping it drops the slot uncalled.
    let text = expect_deferrt_panic(|| {
        let mut cx = ta.cx(&mut w, &mut ea).unwrap();
        let _ = cx.exit_open(fa);
    });
    assert!(text.contains("OpenFrame of another task"), "{text}");
    assert!(ea.out.is_empty() && eb.out.is_empty());
    drop((ta, tb));
    all_records_home(&pool, &[&w]);
}

// An OpenFrame of an outer frame of the same task swapped into an inner
// `call_open`: call_open leaves the outer frame (the inner one is
// discarded, as for any frame left out of order); the inner token is gone
// afterwards. Every slot runs at most once.
#[test]
fn outer_open_frame_swapped_into_inner_call_open() {
    let r = run(|cx| {
        let mut outer = cx.enter_open::<Slot, 1>();
        outer.defer::<0>(|cx| {
            say(cx, "outer slot");
            Ok(())
        });
        let d = cx.task().depth();
        let _ = cx.call_open::<Slot, 1, ()>(|cx, f| {
            f.defer::<0>(|cx| {
                say(cx, "inner slot");
                Ok(())
            });
            cx.defer(|cx| {
                say(cx, "inner chain call");
                Ok(())
            });
            std::mem::swap(f, &mut outer);
            Ok(())
        })?;
        assert_eq!(cx.task().depth(), d - 1);
        // `outer` now holds the inner frame: gone, its slot dropped uncalled.
        assert_eq!(cx.exit_open(outer), Ok(()));
        assert_eq!(cx.task().depth(), d - 1);
        Ok(())
    });
    assert_eq!(r.out(), ["outer slot"]);
}

// ------------------------------------------- an Unwind kept, not returned

// A deferred call starts a panic and keeps its token instead of returning
// it (a logic error, documented: the panic stays on the stack). The next
// call of the same frame, run by the outer panic's loop for that kept
// panic, unwinds an inner frame with the kept token; the inner frame's
// calls supersede and recover it, which pops the entry the outer loop is
// running. The outer loop then looked that entry up by index: an index out
// of bounds inside the engine. Now a panic naming the misuse.
#[test]
fn kept_unwind_popped_inside_the_call_running_it() {
    let pool = Pool::new();
    let mut w = Worker::new(&pool);
    let mut t: Task<Env, V> = Task::new(&pool);
    let mut env = Env::default();
    let kept: Rc<RefCell<Option<Unwind>>> = Rc::new(RefCell::new(None));
    let (k1, k2) = (kept.clone(), kept.clone());
    let r = catch_unwind(AssertUnwindSafe(|| {
        let mut cx = t.cx(&mut w, &mut env).unwrap();
        let f = cx.enter();
        // Runs second (for P1, the kept panic, now the newest entry).
        cx.defer(move |cx| {
            let u1 = k2.borrow_mut().take().unwrap();
            let g = cx.enter();
            cx.defer(|cx| {
                let v = cx.recover();
                say(cx, format!("inner recovered {v:?}"));
                Ok(())
            });
            cx.defer(|cx| Err(cx.panic(V::S("P2"))));
            cx.unwind(g, u1) // P2 supersedes P1, then is recovered: both popped
        });
        // Runs first (for P0): starts P1 and keeps its token.
        cx.defer(move |cx| {
            *k1.borrow_mut() = Some(cx.panic(V::S("P1")));
            Ok(())
        });
        let u0 = cx.panic(V::S("P0"));
        let r = cx.unwind(f, u0);
        r.is_err()
    }));
    let text = panic_text(&r.expect_err("the kept Unwind went unnoticed"));
    assert!(
        text.starts_with("deferrt: the panic running a deferred call was recovered inside"),
        "{text:?}"
    );
    drop(t);
    all_records_home(&pool, &[&w]);
}

// A deferred call drops a panic's token (returns Ok): the panic stays on the
// stack, documented as a logic error. Whatever follows must stay memory
// safe and keep the accounting; a later recovery of a newer panic must not
// take the older one's value.
#[test]
fn dropped_unwind_stays_on_the_stack_and_nothing_breaks() {
    let pool = Pool::new();
    let mut w = Worker::new(&pool);
    let mut t: Task<Env, V> = Task::new(&pool);
    let mut env = Env::default();
    {
        let mut cx = t.cx(&mut w, &mut env).unwrap();
        let r = cx.call(|cx| {
            cx.defer(|cx| {
                let v = cx.recover();
                say(cx, format!("recovered {v:?}"));
                Ok(())
            });
            cx.defer(|cx| {
                let _ = cx.panic(V::S("dropped"));
                Ok(())
            });
            Ok(())
        });
        // Not unwinding: the dropped panic runs no deferred call, and the
        // later call is not a deferred call of it.
        assert_eq!(r, Ok(Some(())));
        assert!(cx.task().is_unwinding());
    }
    assert_eq!(env.out, ["recovered None"]);
    t.clear_panics();
    drop(t);
    all_records_home(&pool, &[&w]);
}

// --------------------------------------------- tokens across reuse / threads

// A frame token of a task that was dropped, used on a new task (which may
// reuse its memory): refused by name, nothing of the new task runs.
#[test]
fn token_of_a_dropped_task_on_a_new_task_is_refused() {
    let pool = Pool::new();
    let mut w = Worker::new(&pool);
    let mut env = Env::default();
    let (f, of) = {
        let mut t: Task<Env, V> = Task::new(&pool);
        let mut cx = t.cx(&mut w, &mut env).unwrap();
        let f = cx.enter();
        let of = cx.enter_open::<Slot, 1>();
        (f, of)
    };
    let mut t: Task<Env, V> = Task::new(&pool);
    let text = expect_deferrt_panic(|| {
        let mut cx = t.cx(&mut w, &mut env).unwrap();
        let _g = cx.enter();
        cx.defer(|cx| {
            say(cx, "new task's call");
            Ok(())
        });
        let _ = cx.exit(f);
    });
    assert!(text.contains("Frame of another task"), "{text}");
    let text = expect_deferrt_panic(|| {
        let mut cx = t.cx(&mut w, &mut env).unwrap();
        let _ = cx.exit_open(of);
    });
    assert!(text.contains("OpenFrame of another task"), "{text}");
    assert!(env.out.is_empty());
    drop(t);
    all_records_home(&pool, &[&w]);
}

// A Sendable task's frame token and Unwind moved to another thread with
// the task, and a second task's tokens mixed in there.
#[test]
fn sendable_tokens_across_threads() {
    use deferrt_core::Sendable;
    let pool = Pool::new();
    let mut ta: Task<Vec<String>, &'static str, Sendable> = Task::new(&pool);
    let mut tb: Task<Vec<String>, &'static str, Sendable> = Task::new(&pool);
    let (mut la, mut lb) = (Vec::new(), Vec::new());
    let mut w = Worker::new(&pool);
    let (fa, ua) = {
        let mut cx = ta.cx(&mut w, &mut la).unwrap();
        let f = cx.enter();
        cx.defer(|cx| {
            let v = cx.recover();
            cx.env().push(format!("A recovered {v:?}"));
            Ok(())
        });
        (f, cx.panic("A's panic"))
    };
    let fb = tb.cx(&mut w, &mut lb).unwrap().enter();
    let pool2 = pool.clone();
    let (ta, tb, la, lb, w2) = std::thread::spawn(move || {
        let mut w2 = Worker::new(&pool2);
        // B's frame with A's Unwind, then A's frame through B: refused.
        let r = catch_unwind(AssertUnwindSafe(|| {
            let mut cx = tb.cx(&mut w2, &mut lb).unwrap();
            let _ = cx.unwind(fb, ua);
        }));
        assert!(panic_text(&r.unwrap_err()).starts_with("deferrt: Unwind"));
        let r = catch_unwind(AssertUnwindSafe(|| {
            let mut cx = tb.cx(&mut w2, &mut lb).unwrap();
            let _ = cx.exit(fa);
        }));
        assert!(panic_text(&r.unwrap_err()).starts_with("deferrt: Frame of another task"));
        (ta, tb, la, lb, w2)
    })
    .join()
    .unwrap();
    // The tokens were consumed by the refused calls: A's frame and panic
    // are still there, nothing ran.
    assert!(la.is_empty() && lb.is_empty());
    assert_eq!((ta.depth(), ta.pending_records()), (1, 1));
    assert!(ta.is_unwinding());
    drop((ta, tb));
    all_records_home(&pool, &[&w, &w2]);
}

// -------------------------------------------- Drop of closures and values

// A deferred closure's Drop runs when the closure returns (it is moved out
// of the record first). A closure whose captured value panics on Drop
// *after* the closure body returned Ok: the record is home already, and the
// exit loop is left with the task in a state an outer exit can realign.
#[test]
fn capture_drop_panics_after_the_call_returned() {
    struct PanicOnDrop;
    impl Drop for PanicOnDrop {
        fn drop(&mut self) {
            panic!("capture's Drop");
        }
    }
    let pool = Pool::new();
    let mut w = Worker::new(&pool);
    let mut t: Task<Env, V> = Task::new(&pool);
    let mut env = Env::default();
    {
        let mut cx = t.cx(&mut w, &mut env).unwrap();
        let outer = cx.enter();
        cx.defer(|cx| {
            say(cx, "outer's call");
            Ok(())
        });
        let r = catch_unwind(AssertUnwindSafe(|| {
            let f = cx.enter();
            cx.defer(|cx| {
                say(cx, "f's first call");
                Ok(())
            });
            let p = PanicOnDrop;
            cx.defer(move |cx| {
                say(cx, "f's second call");
                let _p = p;
                Ok(())
            });
            let _ = cx.exit(f);
        }));
        assert_eq!(panic_text(&r.unwrap_err()), "capture's Drop");
        // f's first call is still pending on an abandoned frame: leaving the
        // outer frame discards it and runs the outer call, once.
        assert_eq!(cx.exit(outer), Ok(()));
        assert_eq!(cx.task().depth(), 0);
        assert_eq!(cx.task().discarded_calls(), 1);
    }
    assert_eq!(env.out, ["f's second call", "outer's call"]);
    drop(t);
    all_records_home(&pool, &[&w]);
}

// A panic value whose `clone` panics (recover clones it): the panic is not
// marked recovered, the frame goes on unwinding when the host panic is
// turned into a Go panic by the embedder.
#[derive(Debug)]
struct BadClone(u32);
impl Clone for BadClone {
    fn clone(&self) -> Self {
        if self.0 == 1 {
            panic!("clone of a panic value panicked");
        }
        BadClone(self.0)
    }
}
impl deferrt_core::PanicValue for BadClone {}

#[test]
fn panic_value_clone_panics_in_recover() {
    let pool = Pool::new();
    let mut w = Worker::new(&pool);
    let mut t: Task<(), BadClone> = Task::new(&pool);
    let mut env = ();
    {
        let mut cx = t.cx(&mut w, &mut env).unwrap();
        let outer = cx.enter();
        let r = catch_unwind(AssertUnwindSafe(|| {
            cx.call(|cx| -> Result<(), Unwind> {
                cx.defer(|cx| {
                    let _ = cx.recover();
                    Ok(())
                });
                Err(cx.panic(BadClone(1)))
            })
        }));
        assert_eq!(
            panic_text(&r.unwrap_err()),
            "clone of a panic value panicked"
        );
        // The panic was not recovered; it is still the newest entry, and
        // nothing outside its deferred call can recover it.
        assert!(cx.task().is_unwinding());
        assert!(!cx.can_recover());
        let u = cx.panic(BadClone(2));
        assert!(cx.unwind(outer, u).is_err());
        assert_eq!(cx.task().depth(), 0);
    }
    drop(t);
    all_records_home(&pool, &[&w]);
}

// on_panic panicking: nothing is pushed.
#[derive(Clone, Debug)]
struct BadOnPanic;
impl deferrt_core::PanicValue for BadOnPanic {
    fn on_panic(self) -> Self {
        panic!("on_panic panicked")
    }
}

#[test]
fn panic_value_on_panic_panics() {
    let pool = Pool::new();
    let mut w = Worker::new(&pool);
    let mut t: Task<(), BadOnPanic> = Task::new(&pool);
    let mut env = ();
    let mut cx = t.cx(&mut w, &mut env).unwrap();
    let f = cx.enter();
    let r = catch_unwind(AssertUnwindSafe(|| {
        let _ = cx.panic(BadOnPanic);
    }));
    assert!(r.is_err());
    assert!(!cx.task().is_unwinding());
    assert_eq!(cx.exit(f), Ok(()));
}

// ------------------------------------------- adopt_open at odd depths

// adopt_open inside an inline frame's body acts for the enclosing frame
// (an inline frame is not a frame of the task); inside an open frame's body
// it adopts the open frame itself. Either way every slot runs once, depth
// and accounting come back.
#[test]
fn adopt_open_inside_open_and_inline_frames() {
    let r = run(|cx| {
        let mut o = cx.enter_open::<Slot, 1>();
        o.defer::<0>(|cx| {
            say(cx, "open slot");
            Ok(())
        });
        let mut a = cx.adopt_open::<Slot, 1>();
        a.defer::<0>(|cx| {
            say(cx, "adopted slot");
            Ok(())
        });
        let mut i = cx.enter_inline::<Leaf<fn(&mut Env)>, 1>();
        i.defer::<0>(Leaf(|e: &mut Env| e.out.push("inline slot".into())));
        let mut a2 = cx.adopt_open::<Slot, 1>();
        a2.defer::<0>(|cx| {
            say(cx, "adopted in inline");
            Ok(())
        });
        cx.exit_open(a2)?;
        cx.exit_inline(i);
        cx.exit_open(a)?;
        cx.exit_open(o)
    });
    assert_eq!(
        r.out(),
        [
            "adopted in inline",
            "inline slot",
            "adopted slot",
            "open slot"
        ]
    );
}

// The same, left in the wrong order: the open frame first, then the
// adopted tokens, which must then be gone (their slots dropped uncalled).
#[test]
fn adopted_frames_left_after_the_frame_they_adopted() {
    let r = run(|cx| {
        let mut o = cx.enter_open::<Slot, 1>();
        o.defer::<0>(|cx| {
            say(cx, "open slot");
            Ok(())
        });
        let mut a = cx.adopt_open::<Slot, 1>();
        a.defer::<0>(|cx| {
            say(cx, "adopted slot");
            Ok(())
        });
        let d = cx.task().depth();
        cx.exit_open(o)?;
        assert_eq!(cx.task().depth(), d - 1);
        // A new frame at the same depth: the adopted token must not leave it.
        let g = cx.enter();
        cx.defer(|cx| {
            say(cx, "g's call");
            Ok(())
        });
        let u = cx.panic(V::S("boom"));
        let r = cx.unwind_open(a, u);
        // Gone: the Unwind comes back untouched, g still open.
        let u = r.unwrap_err();
        assert_eq!(cx.task().depth(), d);
        let r = cx.unwind(g, u);
        assert!(r.is_err());
        r
    });
    assert_eq!(r.out(), ["open slot", "g's call"]);
    assert!(r.died.unwrap().starts_with("panic: boom"));
}

// Two adopted tokens of one deferred call's frame, left in either order,
// and a Goexit/recover at that depth: each slot once, the call's frame is
// left once.
#[test]
fn two_adoptions_of_one_call_frame() {
    for order in [false, true] {
        let r = run(move |cx| {
            cx.call(move |cx| -> Result<(), Unwind> {
                cx.defer(move |cx| {
                    let mut a = cx.adopt_open::<Slot, 1>();
                    a.defer::<0>(|cx| {
                        say(cx, "a");
                        Ok(())
                    });
                    let mut b = cx.adopt_open::<Slot, 1>();
                    b.defer::<0>(|cx| {
                        say(cx, "b");
                        Ok(())
                    });
                    let v = cx.recover();
                    say(cx, format!("recovered {v:?}"));
                    if order {
                        cx.exit_open(a)?;
                        cx.exit_open(b)
                    } else {
                        cx.exit_open(b)?;
                        cx.exit_open(a)
                    }
                });
                Err(cx.panic(V::S("boom")))
            })?;
            Ok(())
        });
        let mut want = vec!["recovered Some(S(\"boom\"))"];
        if order {
            want.extend(["a", "b"]);
        } else {
            want.extend(["b", "a"]);
        }
        assert_eq!(r.out(), want, "order {order}");
        assert!(r.died.is_none());
    }
}

// ------------------------------------------------ frames, deep and forgotten

// Very deep recursion through deferred calls (each deferred call defers the
// next): every call runs once, innermost last, depths come back.
#[test]
fn deep_chain_of_deferred_calls_deferring() {
    const N: u32 = if cfg!(miri) { 40 } else { 300 };
    fn step(n: u32) -> impl FnOnce(&mut C<'_>) -> Outcome {
        move |cx| {
            cx.env().out.push(n.to_string());
            if n > 0 {
                cx.defer(step(n - 1));
            }
            Ok(())
        }
    }
    let r = run(|cx| {
        cx.defer(step(N));
        Ok(())
    });
    assert_eq!(r.out.len() as u32, N + 1);
    assert_eq!(r.out[0], N.to_string());
}

// Many frames entered and forgotten, then the outermost left: every
// forgotten frame's calls discarded (counted), none run, all records home.
#[test]
fn many_forgotten_frames_then_outer_exit() {
    const N: usize = if cfg!(miri) { 50 } else { 5000 };
    let pool = Pool::new();
    let mut w = Worker::new(&pool);
    let mut t: Task<Env, V> = Task::new(&pool);
    let mut env = Env::default();
    {
        let mut cx = t.cx(&mut w, &mut env).unwrap();
        let outer = cx.enter();
        let mut kept = Vec::new();
        for i in 0..N {
            let f = cx.enter();
            cx.defer(move |cx| {
                say(cx, format!("forgotten {i}"));
                Ok(())
            });
            kept.push(f);
        }
        assert_eq!(cx.exit(outer), Ok(()));
        assert_eq!(cx.task().discarded_calls(), N as u64);
        // Every kept token is gone now, in any order.
        while let Some(f) = kept.pop() {
            assert_eq!(cx.exit(f), Ok(()));
        }
        assert_eq!(cx.task().depth(), 0);
    }
    assert!(env.out.is_empty());
    drop(t);
    all_records_home(&pool, &[&w]);
}

// Interleaved abandonment: frames abandoned at several depths, tokens used
// in a scrambled order; checks each token is either gone or leaves exactly
// its own frame, and every deferred call runs at most once.
#[test]
fn scrambled_tokens_after_several_abandonments() {
    let ran: Rc<RefCell<Vec<u32>>> = Rc::default();
    let pool = Pool::new();
    let mut w = Worker::new(&pool);
    let mut t: Task<Env, V> = Task::new(&pool);
    let mut env = Env::default();
    {
        let mut cx = t.cx(&mut w, &mut env).unwrap();
        let mut toks = Vec::new();
        let mut id = 0;
        // Build: enter 6 frames, each with a call; abandon to depth 3; enter
        // 4 more; abandon to depth 5; enter 2 more.
        let mut enter = |cx: &mut C<'_>, toks: &mut Vec<deferrt_core::Frame>| {
            let f = cx.enter();
            let r = ran.clone();
            let me = id;
            id += 1;
            cx.defer(move |_| {
                r.borrow_mut().push(me);
                Ok(())
            });
            toks.push(f);
        };
        for _ in 0..6 {
            enter(&mut cx, &mut toks);
        }
        let f3 = toks.remove(2); // depth 3
        assert_eq!(cx.exit(f3), Ok(())); // abandons 4..6, runs call 2
        for _ in 0..4 {
            enter(&mut cx, &mut toks);
        }
        // The live frame of depth 5 (the newest token of that depth).
        let f5 = toks.iter().rposition(|f| f.depth() == 5);
        let f5 = toks.remove(f5.unwrap());
        let _ = cx.exit(f5);
        for _ in 0..2 {
            enter(&mut cx, &mut toks);
        }
        // Leave every remaining token in a scrambled order.
        let order = [7, 0, 3, 9, 1, 8, 2, 6, 4, 5];
        let mut toks: Vec<Option<deferrt_core::Frame>> = toks.into_iter().map(Some).collect();
        for i in order {
            if let Some(f) = toks.get_mut(i).and_then(Option::take) {
                let _ = cx.exit(f);
            }
        }
        for f in toks.into_iter().flatten() {
            let _ = cx.exit(f);
        }
        assert_eq!(cx.task().depth(), 0);
    }
    let ran = ran.borrow();
    let mut sorted = ran.clone();
    sorted.sort();
    sorted.dedup();
    assert_eq!(sorted.len(), ran.len(), "a call ran twice: {ran:?}");
    assert_eq!(
        ran.len() as u64 + t.discarded_calls(),
        12,
        "calls lost: ran {ran:?}, discarded {}",
        t.discarded_calls()
    );
    drop(t);
    all_records_home(&pool, &[&w]);
}

// -------------------------------------------------- pools and workers

// A task leaked with pending records, every other handle of its pool
// dropped: nothing is freed under it (the task holds the pool), and a
// second pool's worker never sees its records.
#[test]
fn task_outlives_its_pool_handle_and_worker() {
    let pool = Pool::new();
    let mut t: Task<Env, V> = Task::new(&pool);
    let mut env = Env::default();
    {
        let mut w = Worker::new(&pool);
        let mut cx = t.cx(&mut w, &mut env).unwrap();
        let f = cx.enter();
        for _ in 0..40 {
            cx.defer(|_| Ok(()));
        }
        std::mem::forget(f);
    }
    drop(pool); // the task's Arc keeps it alive
    let other = Pool::new();
    let mut w2 = Worker::new(&other);
    assert!(t.cx(&mut w2, &mut env).is_err());
    assert_eq!(t.pending_records(), 40);
    drop(t); // records go back to the task's own pool, then it drops
    drop(w2);
}

// Workers of one pool swapped between contexts of two tasks of that pool,
// and tasks of two pools swapped (mem::swap on the owned values between
// contexts): every context still pairs a task with a worker of its pool.
#[test]
fn swapped_tasks_and_workers_between_contexts() {
    let (pa, pb) = (Pool::new(), Pool::new());
    let (mut wa, mut wb) = (Worker::new(&pa), Worker::new(&pb));
    let mut ta: Task<Env, V> = Task::new(&pa);
    let mut tb: Task<Env, V> = Task::new(&pb);
    let mut env = Env::default();
    let fa = {
        let mut cx = ta.cx(&mut wa, &mut env).unwrap();
        let f = cx.enter();
        cx.defer(|cx| {
            say(cx, "A");
            Ok(())
        });
        f
    };
    std::mem::swap(&mut ta, &mut tb); // the variables, not the tasks
    std::mem::swap(&mut wa, &mut wb);
    // `tb` is A (pool a) and `wb` is worker a: they pair; crossing fails.
    assert!(tb.cx(&mut wa, &mut env).is_err());
    assert!(ta.cx(&mut wb, &mut env).is_err());
    let mut cx = tb.cx(&mut wb, &mut env).unwrap();
    assert_eq!(cx.exit(fa), Ok(()));
    drop(cx);
    assert_eq!(env.out, ["A"]);
    drop((ta, tb));
    all_records_home(&pa, &[&wb]);
    all_records_home(&pb, &[&wa]);
}

// ------------------------------------------- Rust panics out of the engine

// A Rust panic out of an open frame's slot while the frame unwinds with a
// Go panic, caught, then the outer frame left: the slot that panicked ran
// once, the others of that frame never, and the recover window is closed.
#[test]
fn rust_panic_out_of_an_open_slot_during_unwinding() {
    let pool = Pool::new();
    let mut w = Worker::new(&pool);
    let mut t: Task<Env, V> = Task::new(&pool);
    let mut env = Env::default();
    let hits = Rc::new(Cell::new(0));
    {
        let mut cx = t.cx(&mut w, &mut env).unwrap();
        let outer = cx.enter();
        cx.defer(|cx| {
            let v = cx.recover();
            say(cx, format!("outer recovered {v:?}"));
            Ok(())
        });
        let h = hits.clone();
        let r = catch_unwind(AssertUnwindSafe(|| {
            let mut f = cx.enter_open::<BoxSlot, 3>();
            f.defer::<0>(Box::new(|cx| {
                say(cx, "slot 0");
                Ok(())
            }));
            f.defer::<1>(Box::new(move |_| {
                h.set(h.get() + 1);
                panic!("host panic in slot 1")
            }));
            f.defer::<2>(Box::new(|cx| {
                say(cx, "slot 2");
                Ok(())
            }));
            let u = cx.panic(V::S("go panic"));
            let _ = cx.unwind_open(f, u);
        }));
        assert_eq!(panic_text(&r.unwrap_err()), "host panic in slot 1");
        assert_eq!(hits.get(), 1);
        assert!(!cx.can_recover());
        // The embedder turns the host panic into a Go panic.
        let u = cx.panic(V::S("host"));
        assert_eq!(cx.unwind(outer, u), Ok(()));
        assert_eq!(cx.task().depth(), 0);
    }
    assert_eq!(env.out, ["slot 2", "outer recovered Some(S(\"host\"))"]);
    t.clear_panics();
    drop(t);
    all_records_home(&pool, &[&w]);
}

// A Rust panic out of a Leaf slot on the open frame's fast path, with chain
// calls registered on that open frame: they never run (their frame was
// abandoned), the outer exit discards them.
#[test]
fn rust_panic_out_of_a_leaf_slot_with_chain_calls_on_the_frame() {
    let pool = Pool::new();
    let mut w = Worker::new(&pool);
    let mut t: Task<Env, V> = Task::new(&pool);
    let mut env = Env::default();
    {
        let mut cx = t.cx(&mut w, &mut env).unwrap();
        let outer = cx.enter();
        let r = catch_unwind(AssertUnwindSafe(|| {
            let mut f = cx.enter_open::<Leaf<Box<dyn FnOnce(&mut Env)>>, 2>();
            f.defer::<0>(Leaf(Box::new(|e| e.out.push("leaf 0".into()))));
            f.defer::<1>(Leaf(Box::new(|_| panic!("leaf panics"))));
            cx.defer(|cx| {
                say(cx, "chain call on the open frame");
                Ok(())
            });
            let _ = cx.exit_open(f);
        }));
        assert_eq!(panic_text(&r.unwrap_err()), "leaf panics");
        assert_eq!(cx.exit(outer), Ok(()));
        assert_eq!(cx.task().discarded_calls(), 1);
    }
    assert!(env.out.is_empty(), "{:?}", env.out);
    drop(t);
    all_records_home(&pool, &[&w]);
}

// A token kept by a deferred call that Rust-panicked mid-way (frames it
// entered stay entered): after the catch, that token is gone once an outer
// frame is left, and a new frame of its depth is not affected by it.
#[test]
fn token_from_a_call_that_rust_panicked() {
    let kept: Rc<RefCell<Option<OpenFrame<Slot, 1>>>> = Rc::default();
    let k = kept.clone();
    let pool = Pool::new();
    let mut w = Worker::new(&pool);
    let mut t: Task<Env, V> = Task::new(&pool);
    let mut env = Env::default();
    {
        let mut cx = t.cx(&mut w, &mut env).unwrap();
        let outer = cx.enter();
        let r = catch_unwind(AssertUnwindSafe(|| {
            cx.call(|cx| {
                cx.defer(move |cx| {
                    let mut o = cx.enter_open::<Slot, 1>();
                    o.defer::<0>(|cx| {
                        say(cx, "kept slot");
                        Ok(())
                    });
                    *k.borrow_mut() = Some(o);
                    panic!("host panic");
                });
                Ok(())
            })
        }));
        assert!(r.is_err());
        assert_eq!(cx.exit(outer), Ok(()));
        let g1 = cx.enter();
        let g2 = cx.enter();
        let g3 = cx.enter();
        let g = cx.enter();
        cx.defer(|cx| {
            say(cx, "g's call");
            Ok(())
        });
        let o = kept.borrow_mut().take().unwrap();
        assert_eq!(o.depth(), g.depth());
        assert_eq!(cx.exit_open(o), Ok(()));
        assert_eq!(cx.task().depth(), g.depth());
        say(&mut cx, "after");
        cx.exit(g).unwrap();
        cx.exit(g3).unwrap();
        cx.exit(g2).unwrap();
        cx.exit(g1).unwrap();
    }
    assert_eq!(env.out, ["after", "g's call"]);
    drop(t);
    all_records_home(&pool, &[&w]);
}

// Goexit and recover at depth 0 (no frame entered) and in an inline frame:
// recover is None, a Goexit token left through an outer frame works.
#[test]
fn goexit_and_recover_outside_frames() {
    let pool = Pool::new();
    let mut w = Worker::new(&pool);
    let mut t: Task<Env, V> = Task::new(&pool);
    let mut env = Env::default();
    {
        let mut cx = t.cx(&mut w, &mut env).unwrap();
        assert_eq!(cx.recover(), None);
        let u = cx.goexit(); // at depth 0: nothing to unwind
        assert!(cx.task().is_unwinding());
        let f = cx.enter();
        cx.defer(|cx| {
            let v = cx.recover();
            say(cx, format!("recover in Goexit: {v:?}"));
            Ok(())
        });
        let i = cx.enter_inline::<Leaf<fn(&mut Env)>, 1>();
        let u = cx.unwind_inline(i, u);
        assert!(cx.unwind(f, u).is_err());
        assert_eq!(cx.task().depth(), 0);
    }
    assert_eq!(env.out, ["recover in Goexit: None"]);
    t.clear_panics();
    drop(t);
    all_records_home(&pool, &[&w]);
}

// A deferred call recovers the panic running it, then starts a panic and
// keeps its token (returns Ok). The recovery completes when the call
// returns, and it pops the *newest* entry — the kept, unrecovered panic —
// instead of the recovered one: the frame returns normally, the recovered
// panic stays on the stack, and a panic nobody recovered vanished without a
// trace (no crash report line, no Unwind accepted for it afterwards).
#[test]
fn recovery_pops_the_recovered_entry_not_a_newer_kept_one() {
    let pool = Pool::new();
    let mut w = Worker::new(&pool);
    let mut t: Task<Env, V> = Task::new(&pool);
    let mut env = Env::default();
    let kept: Rc<RefCell<Option<Unwind>>> = Rc::new(RefCell::new(None));
    let k = kept.clone();
    {
        let mut cx = t.cx(&mut w, &mut env).unwrap();
        let f = cx.enter();
        cx.defer(move |cx| {
            let v = cx.recover();
            say(cx, format!("recovered {v:?}"));
            *k.borrow_mut() = Some(cx.panic(V::S("kept")));
            Ok(())
        });
        let u = cx.panic(V::S("P0"));
        let _ = cx.unwind(f, u);
    }
    assert_eq!(env.out, [r#"recovered Some(S("P0"))"#]);
    // Whatever the engine decides about the kept panic, the recovered one
    // is gone, and the kept one is not lost silently: it is still the
    // task's panic (its token still names the newest entry).
    let report = t.crash_report().to_string();
    assert!(
        !report.contains("P0"),
        "the recovered panic is still on the stack: {report:?}"
    );
    assert!(
        report.contains("kept"),
        "the kept panic vanished: {report:?}"
    );
    drop(kept);
    t.clear_panics();
    drop(t);
    all_records_home(&pool, &[&w]);
}

// A deferred call leaves a frame that encloses it (a token handed to it),
// then enters frames again until the task is back at its own depth, and
// registers a call in one of them: the documented answer ("panic when it
// returns: a deferred call left a frame that encloses it") was decided by
// the depth alone, so the call got away with it — and the call it
// registered in a frame it entered and never left ran as part of the
// enclosing frame's exit.
#[test]
fn deferred_call_leaving_an_enclosing_frame_then_reentering_is_refused() {
    let pool = Pool::new();
    let mut w = Worker::new(&pool);
    let mut t: Task<Env, V> = Task::new(&pool);
    let mut env = Env::default();
    let r = catch_unwind(AssertUnwindSafe(|| {
        let mut cx = t.cx(&mut w, &mut env).unwrap();
        let outer = Rc::new(RefCell::new(Some(cx.enter()))); // depth 1
        let o = outer.clone();
        cx.defer(|cx| {
            say(cx, "outer's call");
            Ok(())
        });
        let f = cx.enter(); // depth 2
        cx.defer(|cx| {
            say(cx, "f's first call");
            Ok(())
        });
        cx.defer(move |cx| {
            // Runs at depth 3; leaves depth 1 (discarding f's first call,
            // running outer's call), then climbs back to depth 3.
            let _ = cx.exit(o.borrow_mut().take().unwrap());
            let g1 = cx.enter(); // 1
            let g2 = cx.enter(); // 2
            cx.defer(|cx| {
                say(cx, "call of a frame the deferred call never left");
                Ok(())
            });
            let g3 = cx.enter(); // 3
            std::mem::forget((g1, g2, g3));
            Ok(())
        });
        let _ = cx.exit(f);
        say(&mut cx, "f returned");
    }));
    let text = match &r {
        Ok(()) => format!("no panic; output {:?}", env.out),
        Err(e) => panic_text(e),
    };
    assert!(
        text.starts_with("deferrt: a deferred call left a frame that encloses it"),
        "{text}"
    );
    assert!(
        !env.out
            .iter()
            .any(|s| s == "call of a frame the deferred call never left"),
        "{:?}",
        env.out
    );
    drop(t);
    all_records_home(&pool, &[&w]);
}

// The same on the panic path (the shared exit loop), from an open frame's
// chain calls and from an open frame's slot: each time the call leaves an
// enclosing frame and climbs back to its own depth before returning. (An
// open frame adopted on the frame being left cannot serve: leaving that
// frame retires the adopted token first.)
#[test]
fn enclosing_frame_left_and_reentered_on_every_exit_path() {
    for path in 0..3 {
        let pool = Pool::new();
        let mut w = Worker::new(&pool);
        let mut t: Task<Env, V> = Task::new(&pool);
        let mut env = Env::default();
        let r = catch_unwind(AssertUnwindSafe(|| {
            let mut cx = t.cx(&mut w, &mut env).unwrap();
            let outer = Rc::new(RefCell::new(Some(cx.enter()))); // 1
            let mut f = cx.enter_open::<BoxSlot, 2>(); // 2
            let o2 = outer.clone();
            let climb = move |cx: &mut C<'_>| -> Outcome {
                // At depth 3: leave frame 1, then climb back to 3 with a
                // call registered at 2.
                let _ = cx.exit(o2.borrow_mut().take().unwrap());
                let g1 = cx.enter();
                let g2 = cx.enter();
                cx.defer(|cx| {
                    say(cx, "call of a frame the deferred call never left");
                    Ok(())
                });
                let g3 = cx.enter();
                std::mem::forget((g1, g2, g3));
                Ok(())
            };
            f.defer::<0>(Box::new(|cx| {
                say(cx, "slot 0");
                Ok(())
            }));
            match path {
                0 => {
                    cx.defer(climb);
                    let _ = cx.exit_open(f);
                }
                1 => {
                    cx.defer(climb);
                    let u = cx.panic(V::S("boom"));
                    let _ = cx.unwind_open(f, u);
                }
                _ => {
                    f.defer::<1>(Box::new(climb));
                    let _ = cx.exit_open(f);
                }
            }
        }));
        let text = match &r {
            Ok(()) => format!("no panic; output {:?}", env.out),
            Err(e) => panic_text(e),
        };
        assert!(
            text.starts_with("deferrt: a deferred call left a frame that encloses it"),
            "path {path}: {text}"
        );
        assert!(
            !env.out
                .iter()
                .any(|s| s == "call of a frame the deferred call never left"),
            "path {path}: {:?}",
            env.out
        );
        drop(t);
        all_records_home(&pool, &[&w]);
    }
}
