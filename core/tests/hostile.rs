//! Issue 8: the engine as a hostile embedder uses it, with safe code only.
//!
//! Each test names the finding of issue 8 it guards. The promise under test:
//! whatever safe code does with tasks, workers, contexts, frames and tokens,
//! there is no undefined behaviour (these tests run under Miri), no deferred
//! call runs twice, in the wrong task or in the wrong frame, no record is
//! lost, and misuse the types cannot stop is a panic naming the misuse.

// `forget` of frames and tokens simulates an embedder that loses them.
#![allow(clippy::forget_non_drop, clippy::drop_non_drop)]

mod common;
use common::*;
use deferrt_core::{Leaf, Outcome, Pool, Task, Unwind, Worker};
use std::cell::{Cell, RefCell};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::rc::Rc;

type Slot = fn(&mut C<'_>) -> Outcome;

/// Counts drops of the closures that capture one.
#[derive(Clone, Default)]
struct Drops(Rc<Cell<u32>>);
struct Counted(Drops);
impl Drop for Counted {
    fn drop(&mut self) {
        let n = &self.0 .0;
        n.set(n.get() + 1);
    }
}
/// Its `Drop` panics (once it has counted itself).
struct Bomb(Drops);
impl Drop for Bomb {
    fn drop(&mut self) {
        let n = &self.0 .0;
        n.set(n.get() + 1);
        panic!("a closure's Drop panicked");
    }
}

// ---------------------------------------------------------------- finding 2

// An open frame adopted with no frame entered would have depth 0, the depth
// of the chain's sentinel: refused with a panic naming the misuse.
#[test]
#[should_panic(expected = "deferrt: adopt_open with no frame entered")]
fn f2_adopt_open_outside_any_frame_panics() {
    let pool = Pool::new();
    let mut w = Worker::new(&pool);
    let mut t: Task<Env, V> = Task::new(&pool);
    let mut env = Env::default();
    let mut cx = t.cx(&mut w, &mut env).unwrap();
    let f = cx.adopt_open::<Slot, 1>();
    let _ = cx.exit_open(f);
}

// The same on the unwinding path, with a record registered at depth 0 (it
// never runs; the task discards it when dropped).
#[test]
fn f2_depth_0_record_never_runs_and_adopt_at_depth_0_is_refused() {
    let pool = Pool::new();
    let mut w = Worker::new(&pool);
    let mut t: Task<Env, V> = Task::new(&pool);
    let mut env = Env::default();
    {
        let mut cx = t.cx(&mut w, &mut env).unwrap();
        cx.defer(|cx| {
            say(cx, "depth-0 record ran");
            Ok(())
        });
        let r = catch_unwind(AssertUnwindSafe(|| {
            let f = cx.adopt_open::<Slot, 1>();
            let u = cx.panic(V::S("boom"));
            let _ = cx.unwind_open(f, u);
        }));
        assert!(panic_text(&r.unwrap_err()).contains("adopt_open"));
        // A frame entered and left normally does not run it either.
        cx.call(|_| Ok(())).unwrap();
    }
    assert_eq!(t.pending_records(), 1);
    drop(t);
    assert!(env.out.is_empty());
    all_records_home(&pool, &[&w]);
}

// ---------------------------------------------------------------- finding 5

fn two_tasks() -> (std::sync::Arc<Pool>, Worker, Task<Env, V>, Task<Env, V>) {
    let pool = Pool::new();
    let w = Worker::new(&pool);
    let a = Task::new(&pool);
    let b = Task::new(&pool);
    (pool, w, a, b)
}

// exit(frame of A) on B: used to discard B's inner frame and run B's outer
// frame's defer.
#[test]
fn f5_frame_of_another_task_passed_to_exit_panics() {
    let (pool, mut w, mut a, mut b) = two_tasks();
    let (mut ea, mut eb) = (Env::default(), Env::default());
    let fa = {
        let mut cx = a.cx(&mut w, &mut ea).unwrap();
        let fa = cx.enter();
        let _ = cx.enter(); // depth 2 on A
        fa
    };
    let r = catch_unwind(AssertUnwindSafe(|| {
        let mut cx = b.cx(&mut w, &mut eb).unwrap();
        let _outer = cx.enter();
        cx.defer(|cx| {
            say(cx, "B's outer defer");
            Ok(())
        });
        let _inner = cx.enter();
        cx.defer(|cx| {
            say(cx, "B's inner defer");
            Ok(())
        });
        let _ = cx.exit(fa);
    }));
    assert!(
        panic_text(&r.unwrap_err()).contains("deferrt: Frame of another task passed to Cx::exit")
    );
    assert!(eb.out.is_empty(), "B's calls ran: {:?}", eb.out);
    assert_eq!(b.depth(), 2);
    assert_eq!(b.pending_records(), 2);
    drop((a, b));
    all_records_home(&pool, &[&w]);
}

#[test]
#[should_panic(expected = "deferrt: Frame of another task passed to Cx::unwind")]
fn f5_frame_of_another_task_passed_to_unwind_panics() {
    let (_pool, mut w, mut a, mut b) = two_tasks();
    let (mut ea, mut eb) = (Env::default(), Env::default());
    let fa = a.cx(&mut w, &mut ea).unwrap().enter();
    let mut cx = b.cx(&mut w, &mut eb).unwrap();
    let _fb = cx.enter();
    let u = cx.panic(V::S("boom"));
    let _ = cx.unwind(fa, u);
}

// An Unwind of A given to B: used to panic with an index out of bounds (B
// not unwinding) or, in a helper frame, to let a helper's deferred call
// recover B's outer panic.
#[test]
fn f5_unwind_of_another_task_panics() {
    let (pool, mut w, mut a, mut b) = two_tasks();
    let (mut ea, mut eb) = (Env::default(), Env::default());
    let ua = {
        let mut cx = a.cx(&mut w, &mut ea).unwrap();
        let _ = cx.enter();
        cx.panic(V::S("A's panic"))
    };
    let r = catch_unwind(AssertUnwindSafe(|| {
        let mut cx = b.cx(&mut w, &mut eb).unwrap();
        let f = cx.enter();
        cx.defer(|cx| {
            let v = cx.recover();
            say(cx, format!("recovered {v:?}"));
            Ok(())
        });
        let _ = cx.unwind(f, ua);
    }));
    assert!(panic_text(&r.unwrap_err()).contains("deferrt: Unwind"));
    assert!(eb.out.is_empty(), "{:?}", eb.out);
    drop((a, b));
    all_records_home(&pool, &[&w]);
}

#[test]
fn f5_unwind_of_another_task_in_a_helper_frame_cannot_recover_an_outer_panic() {
    let (pool, mut w, mut a, mut b) = two_tasks();
    let (mut ea, mut eb) = (Env::default(), Env::default());
    let ua = {
        let mut cx = a.cx(&mut w, &mut ea).unwrap();
        let _ = cx.enter();
        cx.panic(V::S("A's panic"))
    };
    let ua = RefCell::new(Some(ua));
    let ua = Rc::new(ua);
    let r = catch_unwind(AssertUnwindSafe(|| {
        let mut cx = b.cx(&mut w, &mut eb).unwrap();
        let ua = ua.clone();
        cx.call(|cx| -> Result<(), Unwind> {
            cx.defer(move |cx| {
                // The deferred call running B's panic calls a helper, which
                // unwinds with A's token: its deferred call must not get to
                // recover B's panic.
                let h = cx.enter();
                cx.defer(|cx| {
                    let v = cx.recover();
                    say(cx, format!("helper's defer recovered {v:?}"));
                    Ok(())
                });
                let u = ua.borrow_mut().take().unwrap();
                cx.unwind(h, u)
            });
            Err(cx.panic(V::S("B's panic")))
        })
        .map(drop)
    }));
    assert!(panic_text(&r.unwrap_err()).contains("deferrt: Unwind"));
    assert!(eb.out.is_empty(), "{:?}", eb.out);
    drop((a, b));
    all_records_home(&pool, &[&w]);
}

// A deferred call that returns another task's Unwind as its own outcome.
#[test]
fn f5_deferred_call_returning_another_tasks_unwind_panics() {
    let (pool, mut w, mut a, mut b) = two_tasks();
    let (mut ea, mut eb) = (Env::default(), Env::default());
    let ua = {
        let mut cx = a.cx(&mut w, &mut ea).unwrap();
        let _ = cx.enter();
        cx.panic(V::S("A's panic"))
    };
    let ua = Rc::new(RefCell::new(Some(ua)));
    let r = catch_unwind(AssertUnwindSafe(|| {
        let mut cx = b.cx(&mut w, &mut eb).unwrap();
        let f = cx.enter();
        cx.defer(|cx| {
            let v = cx.recover();
            say(cx, format!("recovered {v:?}"));
            Ok(())
        });
        let ua = ua.clone();
        cx.defer(move |_| Err(ua.borrow_mut().take().unwrap()));
        let _ = cx.exit(f);
    }));
    assert!(panic_text(&r.unwrap_err()).contains("deferrt: Unwind"));
    assert!(eb.out.is_empty(), "{:?}", eb.out);
    drop((a, b));
    all_records_home(&pool, &[&w]);
}

// An OpenFrame entered on A and left through B's Cx: used to run A's slot
// with B's environment and pop B's depth.
#[test]
fn f5_open_frame_of_another_task_panics() {
    for unwinding in [false, true] {
        let (pool, mut w, mut a, mut b) = two_tasks();
        let (mut ea, mut eb) = (Env::default(), Env::default());
        let mut fa = a.cx(&mut w, &mut ea).unwrap().enter_open::<Slot, 1>();
        fa.defer::<0>(|cx| {
            say(cx, "A's slot");
            Ok(())
        });
        let r = catch_unwind(AssertUnwindSafe(|| {
            let mut cx = b.cx(&mut w, &mut eb).unwrap();
            let _fb = cx.enter();
            if unwinding {
                let u = cx.panic(V::S("boom"));
                let _ = cx.unwind_open(fa, u);
            } else {
                let _ = cx.exit_open(fa);
            }
        }));
        let text = panic_text(&r.unwrap_err());
        assert!(
            text.contains("deferrt: OpenFrame of another task passed to Cx::"),
            "{text}"
        );
        assert!(eb.out.is_empty() && ea.out.is_empty());
        assert_eq!(b.depth(), 1);
        assert_eq!(a.depth(), 1);
        drop((a, b));
        all_records_home(&pool, &[&w]);
    }
}

// An InlineFrame of A left through B's Cx would run A's Leaf calls with B's
// environment.
#[test]
fn f5_inline_frame_of_another_task_panics() {
    for unwinding in [false, true] {
        let (pool, mut w, mut a, mut b) = two_tasks();
        let (mut ea, mut eb) = (Env::default(), Env::default());
        let mut fa = a
            .cx(&mut w, &mut ea)
            .unwrap()
            .enter_inline::<Leaf<fn(&mut Env)>, 1>();
        fa.defer::<0>(Leaf(|e: &mut Env| e.out.push("A's leaf".into())));
        let r = catch_unwind(AssertUnwindSafe(|| {
            let mut cx = b.cx(&mut w, &mut eb).unwrap();
            if unwinding {
                let f = cx.enter();
                let u = cx.panic(V::S("boom"));
                let u = cx.unwind_inline(fa, u);
                let _ = cx.unwind(f, u);
            } else {
                cx.exit_inline(fa);
            }
        }));
        let text = panic_text(&r.unwrap_err());
        assert!(
            text.contains("deferrt: InlineFrame of another task passed to Cx::"),
            "{text}"
        );
        assert!(eb.out.is_empty() && ea.out.is_empty());
        drop((a, b));
        all_records_home(&pool, &[&w]);
    }
}

// A token of a frame that was discarded (left out of order) names a depth
// that a later frame of the same task reuses: it must not leave that frame.
#[test]
fn f5_stale_frame_of_the_same_task_leaves_nothing() {
    let r = run(|cx| {
        let a = cx.enter();
        let b = cx.enter(); // depth 3 (run's frame is 1)
        cx.exit(a).unwrap(); // discards b's frame
        let c = cx.enter(); // depth 2 again
        let d = cx.enter(); // depth 3 again
        cx.defer(|cx| {
            say(cx, "d's defer");
            Ok(())
        });
        // b names depth 3, like d: a stale token does nothing.
        assert_eq!(cx.exit(b), Ok(()));
        assert_eq!(cx.task().depth(), 3);
        say(cx, "after stale exit");
        cx.exit(d)?;
        cx.exit(c)
    });
    assert_eq!(r.out(), ["after stale exit", "d's defer"]);
}

// The same when the stale token is shallower than the current depth: it
// must not discard the live inner frames.
#[test]
fn f5_stale_shallower_frame_discards_nothing() {
    let r = run(|cx| {
        let a = cx.enter();
        let b = cx.enter();
        cx.exit(a).unwrap(); // discards b
        let c = cx.enter();
        let d = cx.enter();
        cx.defer(|cx| {
            say(cx, "d's defer");
            Ok(())
        });
        let e = cx.enter();
        cx.defer(|cx| {
            say(cx, "e's defer");
            Ok(())
        });
        // b names d's depth, shallower than e's: stale, nothing is left.
        assert_eq!(cx.exit(b), Ok(()));
        assert_eq!(cx.task().discarded_calls(), 0);
        assert_eq!(cx.task().depth(), 4);
        say(cx, "after stale exit");
        cx.exit(e)?;
        cx.exit(d)?;
        cx.exit(c)
    });
    assert_eq!(r.out(), ["after stale exit", "e's defer", "d's defer"]);
}

// A frame token a deferred call entered and kept (the call returned with
// the frame open, so the engine discarded it) is stale afterwards.
#[test]
fn f5_frame_kept_by_a_deferred_call_is_stale_afterwards() {
    let kept = Rc::new(RefCell::new(None));
    let k2 = kept.clone();
    let r = run(move |cx| {
        let k = k2.clone();
        cx.call(|cx| {
            cx.defer(move |cx| {
                *k.borrow_mut() = Some(cx.enter());
                Ok(())
            });
            Ok(())
        })?;
        // The kept frame had depth 4 (run's frame 1, the call's 2, the
        // deferred call's 3): make a live frame of depth 4.
        let f1 = cx.enter();
        let f2 = cx.enter();
        let f = cx.enter();
        cx.defer(|cx| {
            say(cx, "f's defer");
            Ok(())
        });
        let stale = k2.borrow_mut().take().unwrap();
        assert_eq!(stale.depth(), f.depth());
        cx.exit(stale)?;
        say(cx, "after stale exit");
        cx.exit(f)?;
        cx.exit(f2)?;
        cx.exit(f1)
    });
    assert_eq!(r.out(), ["after stale exit", "f's defer"]);
}

// The same for a deferred call run by a panic (the shared exit loop), and
// for a slot of an open frame run by it.
#[test]
fn f5_frame_kept_by_a_deferred_call_of_a_panic_is_stale_afterwards() {
    for open in [false, true] {
        let kept = Rc::new(RefCell::new(None));
        let k2 = kept.clone();
        let r = run(move |cx| {
            let k = k2.clone();
            let keep = move |cx: &mut C<'_>| -> Outcome {
                *k.borrow_mut() = Some(cx.enter());
                Ok(())
            };
            if open {
                let r = cx.call_open::<Box<dyn FnOnce(&mut C<'_>) -> Outcome>, 2, ()>(|cx, f| {
                    f.defer::<0>(Box::new(|cx| {
                        cx.recover();
                        Ok(())
                    }));
                    f.defer::<1>(Box::new(keep));
                    Err(cx.panic(V::S("boom")))
                });
                assert_eq!(r, Ok(None));
            } else {
                let r = cx.call(|cx| -> Result<(), Unwind> {
                    cx.defer(|cx| {
                        cx.recover();
                        Ok(())
                    });
                    cx.defer(keep);
                    Err(cx.panic(V::S("boom")))
                });
                assert_eq!(r, Ok(None));
            }
            let f1 = cx.enter();
            let f2 = cx.enter();
            let f = cx.enter();
            cx.defer(|cx| {
                say(cx, "f's defer");
                Ok(())
            });
            let stale = k2.borrow_mut().take().unwrap();
            assert_eq!(stale.depth(), f.depth());
            cx.exit(stale)?;
            say(cx, "after stale exit");
            cx.exit(f)?;
            cx.exit(f2)?;
            cx.exit(f1)
        });
        assert_eq!(r.out(), ["after stale exit", "f's defer"], "open: {open}");
    }
}

// A deferred call that leaves a frame of its caller (a token of an
// enclosing frame it was handed) is refused once it returns.
#[test]
fn f5_deferred_call_leaving_an_enclosing_frame_panics() {
    let pool = Pool::new();
    let mut w = Worker::new(&pool);
    let mut t: Task<Env, V> = Task::new(&pool);
    let mut env = Env::default();
    let r = catch_unwind(AssertUnwindSafe(|| {
        let mut cx = t.cx(&mut w, &mut env).unwrap();
        let outer = Rc::new(RefCell::new(Some(cx.enter())));
        let o = outer.clone();
        let inner = cx.enter();
        cx.defer(move |cx| cx.exit(o.borrow_mut().take().unwrap()));
        let _ = cx.exit(inner);
    }));
    let text = panic_text(&r.unwrap_err());
    assert!(
        text.contains("deferrt: a deferred call left a frame"),
        "{text}"
    );
    drop(t);
    all_records_home(&pool, &[&w]);
}

// An open frame a deferred call adopted and kept (never left) is stale once
// the call returns: a later deferred call at the same depth cannot leave it.
#[test]
fn f5_adopted_frame_kept_by_a_deferred_call_is_stale_afterwards() {
    let kept: Rc<RefCell<Option<deferrt_core::OpenFrame<Slot, 1>>>> = Rc::new(RefCell::new(None));
    let k1 = kept.clone();
    let k2 = kept.clone();
    let r = run(move |cx| {
        let f = cx.enter();
        // Registered second, runs first: adopts its frame, arms the slot,
        // keeps the frame.
        cx.defer(move |cx| {
            let r = cx.exit_open(k2.borrow_mut().take().unwrap());
            say(cx, "second call left the kept frame");
            r
        });
        cx.defer(move |cx| {
            let mut o = cx.adopt_open::<Slot, 1>();
            o.defer::<0>(|cx| {
                say(cx, "kept slot ran");
                Ok(())
            });
            *k1.borrow_mut() = Some(o);
            Ok(())
        });
        cx.exit(f)
    });
    assert_eq!(r.out(), ["second call left the kept frame"]);
}

// adopt_open used on a frame the embedder entered (not a deferred call's):
// the adopted token must go stale when that frame is left.
#[test]
fn f5_adopted_user_frame_is_stale_after_the_frame_is_left() {
    let r = run(|cx| {
        let f = cx.enter();
        let mut kept = cx.adopt_open::<Slot, 1>();
        kept.defer::<0>(|cx| {
            say(cx, "kept slot ran");
            Ok(())
        });
        cx.exit(f)?;
        let g = cx.enter(); // the same depth as f
        cx.exit_open(kept)?;
        say(cx, "after stale exit_open");
        assert_eq!(cx.task().depth(), 2);
        cx.exit(g)
    });
    assert_eq!(r.out(), ["after stale exit_open"]);
}

// An open frame abandoned (its enclosing frame left first) is gone: leaving
// it later, even at a depth a new frame has, drops its slots uncalled.
#[test]
fn f5_abandoned_open_frame_is_stale_afterwards() {
    let drops = Drops::default();
    let d2 = drops.clone();
    let r = run(move |cx| {
        let outer = cx.enter();
        let mut o = cx.enter_open::<Box<dyn FnOnce(&mut C<'_>) -> Outcome>, 1>();
        let c = Counted(d2.clone());
        o.defer::<0>(Box::new(move |cx| {
            let _c = &c;
            say(cx, "abandoned slot ran");
            Ok(())
        }));
        cx.exit(outer)?; // abandons o's frame
        let g = cx.enter();
        let h = cx.enter(); // o's depth again
        assert_eq!(h.depth(), o.depth());
        cx.exit_open(o)?; // stale: nothing runs, the slot is dropped
        assert_eq!(cx.task().depth(), 3);
        say(cx, "after stale exit_open");
        cx.exit(h)?;
        cx.exit(g)
    });
    assert_eq!(r.out(), ["after stale exit_open"]);
    assert_eq!(drops.0.get(), 1);
}

// A Frame of a task that was dropped, given to a new task: another task's.
#[test]
fn f5_frame_of_a_dropped_task_panics() {
    let pool = Pool::new();
    let mut w = Worker::new(&pool);
    let mut env = Env::default();
    let f = {
        let mut t: Task<Env, V> = Task::new(&pool);
        let f = t.cx(&mut w, &mut env).unwrap().enter();
        drop(t);
        f
    };
    let mut t: Task<Env, V> = Task::new(&pool);
    let r = catch_unwind(AssertUnwindSafe(|| {
        let mut cx = t.cx(&mut w, &mut env).unwrap();
        let _ = cx.enter();
        let _ = cx.exit(f);
    }));
    assert!(panic_text(&r.unwrap_err()).contains("deferrt: Frame of another task"));
}

// A Goexit's Unwind given to another task.
#[test]
fn f5_goexit_unwind_of_another_task_panics() {
    let (_pool, mut w, mut a, mut b) = two_tasks();
    let (mut ea, mut eb) = (Env::default(), Env::default());
    let ua = a.cx(&mut w, &mut ea).unwrap().goexit();
    let r = catch_unwind(AssertUnwindSafe(|| {
        let mut cx = b.cx(&mut w, &mut eb).unwrap();
        let f = cx.enter();
        let _ = cx.unwind(f, ua);
    }));
    assert!(panic_text(&r.unwrap_err()).contains("deferrt: Unwind of another task"));
}

// An Unwind kept after its panic was recovered is stale: refused.
#[test]
fn f5_unwind_of_a_recovered_panic_panics() {
    let pool = Pool::new();
    let mut w = Worker::new(&pool);
    let mut t: Task<Env, V> = Task::new(&pool);
    let mut env = Env::default();
    let r = catch_unwind(AssertUnwindSafe(|| {
        let mut cx = t.cx(&mut w, &mut env).unwrap();
        let f = cx.enter();
        let u1 = cx.panic(V::S("first"));
        let u2 = cx.panic(V::S("second"));
        cx.defer(|cx| {
            cx.recover();
            Ok(())
        });
        // u1 is not the newest panic's token.
        let _ = cx.unwind(f, u1);
        drop(u2);
    }));
    assert!(panic_text(&r.unwrap_err()).contains("deferrt: Unwind"));
    drop(t);
    all_records_home(&pool, &[&w]);
}

#[test]
fn f5_unwind_after_clear_panics_panics() {
    let pool = Pool::new();
    let mut w = Worker::new(&pool);
    let mut t: Task<Env, V> = Task::new(&pool);
    let mut env = Env::default();
    let (f, u) = {
        let mut cx = t.cx(&mut w, &mut env).unwrap();
        let f = cx.enter();
        (f, cx.panic(V::S("boom")))
    };
    t.clear_panics();
    let r = catch_unwind(AssertUnwindSafe(|| {
        let mut cx = t.cx(&mut w, &mut env).unwrap();
        let _ = cx.unwind(f, u);
    }));
    assert!(panic_text(&r.unwrap_err()).contains("deferrt: Unwind"));
}

// ---------------------------------------------------------------- finding 7

// A discarded closure whose Drop panics: every record comes back, the other
// closures are still dropped, and the panic comes out afterwards.
#[test]
fn f7_discarded_closure_drop_panics_loses_no_record() {
    let pool = Pool::new();
    let mut w = Worker::new(&pool);
    let mut t: Task<Env, V> = Task::new(&pool);
    let mut env = Env::default();
    let drops = Drops::default();
    let r = catch_unwind(AssertUnwindSafe(|| {
        let mut cx = t.cx(&mut w, &mut env).unwrap();
        let outer = cx.enter();
        let c = Counted(drops.clone());
        cx.defer(move |cx| {
            let _c = &c;
            say(cx, "outer ran");
            Ok(())
        });
        let inner = cx.enter();
        for i in 0..5 {
            if i == 2 {
                let b = Bomb(drops.clone());
                cx.defer(move |_| {
                    let _b = &b;
                    Ok(())
                });
            } else {
                let c = Counted(drops.clone());
                cx.defer(move |_| {
                    let _c = &c;
                    Ok(())
                });
            }
        }
        std::mem::forget(inner);
        let _ = cx.exit(outer);
    }));
    assert!(panic_text(&r.unwrap_err()).contains("a closure's Drop panicked"));
    // All five inner closures dropped (the bomb too), none leaked.
    assert_eq!(drops.0.get(), 5);
    assert_eq!(t.discarded_calls(), 5);
    assert_eq!(t.pending_records(), 1); // the outer frame's, still pending
    assert_eq!(t.depth(), 1);
    // The task is usable: leave the outer frame through a fresh token path.
    drop(t);
    assert_eq!(drops.0.get(), 6);
    assert!(env.out.is_empty());
    all_records_home(&pool, &[&w]);
}

// Task::drop with a pending closure whose Drop panics: the rest of the chain
// is still discarded, every record returns to the pool.
#[test]
fn f7_task_drop_with_a_panicking_closure_drop_returns_every_record() {
    let pool = Pool::new();
    let mut w = Worker::new(&pool);
    let drops = Drops::default();
    let mut t: Task<Env, V> = Task::new(&pool);
    let mut env = Env::default();
    {
        let mut cx = t.cx(&mut w, &mut env).unwrap();
        let f = cx.enter();
        for i in 0..20 {
            if i == 7 {
                let b = Bomb(drops.clone());
                cx.defer(move |_| {
                    let _b = &b;
                    Ok(())
                });
            } else {
                let c = Counted(drops.clone());
                cx.defer(move |_| {
                    let _c = &c;
                    Ok(())
                });
            }
        }
        std::mem::forget(f);
    }
    let r = catch_unwind(AssertUnwindSafe(move || drop(t)));
    assert!(panic_text(&r.unwrap_err()).contains("a closure's Drop panicked"));
    assert_eq!(drops.0.get(), 20);
    all_records_home(&pool, &[&w]);
}

// An open frame dropped unleft with a slot whose Drop panics still drops
// its other armed slots.
#[test]
fn f7_open_frame_drop_with_a_panicking_slot_drops_the_others() {
    let pool = Pool::new();
    let mut w = Worker::new(&pool);
    let mut t: Task<Env, V> = Task::new(&pool);
    let mut env = Env::default();
    let drops = Drops::default();
    #[allow(dead_code)]
    enum S {
        C(Counted),
        B(Bomb),
    }
    let r = catch_unwind(AssertUnwindSafe(|| {
        let mut cx = t.cx(&mut w, &mut env).unwrap();
        let mut f = cx.enter_open::<Leaf<Box<dyn FnOnce(&mut Env)>>, 3>();
        for (i, s) in [
            S::C(Counted(drops.clone())),
            S::B(Bomb(drops.clone())),
            S::C(Counted(drops.clone())),
        ]
        .into_iter()
        .enumerate()
        {
            f.defer_at(i, Leaf(Box::new(move |_| drop(s)))).unwrap();
        }
        drop(f);
    }));
    assert!(r.is_err());
    assert_eq!(drops.0.get(), 3);
}

// ------------------------------------------ Rust unwinding out of the engine

// A deferred call that Rust-panics while a Go panic runs it: the recover
// window (defer_frame) must not stay open for whoever catches the unwind.
#[test]
fn rust_panic_in_a_deferred_call_closes_the_recover_window() {
    let pool = Pool::new();
    let mut w = Worker::new(&pool);
    let mut t: Task<Env, V> = Task::new(&pool);
    let mut env = Env::default();
    {
        let mut cx = t.cx(&mut w, &mut env).unwrap();
        let outer = cx.enter();
        let r = catch_unwind(AssertUnwindSafe(|| {
            cx.call(|cx| -> Result<(), Unwind> {
                cx.defer(|_| panic!("host panic in a deferred call"));
                Err(cx.panic(V::S("go panic")))
            })
        }));
        assert!(r.is_err());
        // Whoever caught the host panic is not a deferred call of the Go
        // panic: a panic started here must not be recoverable in place.
        let u = cx.panic(V::S("second"));
        assert!(!cx.can_recover());
        assert_eq!(cx.recover(), None);
        drop(u);
        // The embedder turns the host panic into a Go panic and leaves the
        // outer frame, which realigns (discards the abandoned frames).
        let u = cx.panic(V::S("host panic"));
        assert!(cx.unwind(outer, u).is_err());
        assert_eq!(cx.task().depth(), 0);
    }
    drop(t);
    all_records_home(&pool, &[&w]);
}

// A panic value whose Drop panics when the engine drops it at the recovery:
// the recovery is complete before the value is dropped.
#[derive(Clone, Debug)]
struct Loud(Rc<Cell<u32>>);
impl Drop for Loud {
    fn drop(&mut self) {
        // Only the engine's copy panics: the first drop once armed.
        if self.0.get() == 1 {
            self.0.set(2);
            panic!("a panic value's Drop panicked");
        }
    }
}
impl deferrt_core::PanicValue for Loud {}

#[test]
fn panic_value_drop_panicking_in_recovery_leaves_the_task_consistent() {
    let pool = Pool::new();
    let mut w = Worker::new(&pool);
    let mut t: Task<Vec<Loud>, Loud> = Task::new(&pool);
    let mut kept = Vec::new();
    let arm = Rc::new(Cell::new(0));
    {
        let mut cx = t.cx(&mut w, &mut kept).unwrap();
        let outer = cx.enter();
        cx.defer(|_| Ok(()));
        let arm2 = arm.clone();
        let arm3 = arm.clone();
        let r = catch_unwind(AssertUnwindSafe(|| {
            cx.call(|cx| -> Result<(), Unwind> {
                cx.defer(move |cx| {
                    let v = cx.recover().unwrap();
                    cx.env().push(v); // the user's clone lives on
                    arm2.set(1); // the engine's copy panics when dropped
                    Ok(())
                });
                cx.defer(|_| Ok(()));
                Err(cx.panic(Loud(arm3)))
            })
        }));
        assert!(panic_text(&r.unwrap_err()).contains("a panic value's Drop panicked"));
        assert!(!cx.task().is_unwinding());
        assert!(cx.task().unwinding().is_none());
        assert_eq!(cx.recover().map(|_| ()), None);
        // The recover window of the finished recovery is closed.
        let f = cx.enter();
        let u = cx.panic(Loud(Rc::new(Cell::new(0))));
        assert!(!cx.can_recover());
        assert!(cx.recover().is_none());
        assert!(cx.unwind(f, u).is_err());
        assert_eq!(cx.exit(outer), Ok(()));
        assert_eq!(cx.task().depth(), 0);
    }
    drop(t);
    all_records_home(&pool, &[&w]);
}
