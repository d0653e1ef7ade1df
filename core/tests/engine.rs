//! Engine mechanics: open frames, explicit frames at scale, record
//! accounting, discarding rules, the boxed fallback, pools and threads.

// `drop(cx)` ends a context's borrows on purpose; `forget` of frames
// simulates an embedder that loses its tokens.
#![allow(clippy::drop_non_drop, clippy::forget_non_drop)]

mod common;
use common::*;
use deferrt_core::{
    Cx, Outcome, PanicValue, Pool, PoolMismatch, Sendable, Task, Unwind, Worker, CACHE_CAP,
};
use std::cell::{Cell, RefCell};
use std::rc::Rc;

type Slot = fn(&mut C<'_>) -> Outcome;

fn log_slot(tag: &'static str) -> impl FnOnce(&mut C<'_>) -> Outcome {
    move |cx| {
        say(cx, tag);
        Ok(())
    }
}

// Open frames run their armed slots highest first, and only armed ones.
#[test]
fn open_frame_runs_armed_slots_in_reverse_slot_order() {
    let r = run(|cx| {
        let mut f = cx.enter_open::<Box<dyn FnOnce(&mut C<'_>) -> Outcome>, 4>();
        f.defer::<0>(Box::new(log_slot("slot 0")));
        // slot 1: a site in an if-branch not taken
        f.defer::<2>(Box::new(log_slot("slot 2")));
        assert!(f.defer_at(4, Box::new(log_slot("x"))).is_err());
        f.defer_at(3, Box::new(log_slot("slot 3"))).unwrap();
        assert_eq!(f.bits(), 0b1101);
        say(cx, "body");
        cx.exit_open(f)
    });
    assert_eq!(r.out(), ["body", "slot 3", "slot 2", "slot 0"]);
}

// A panic in an open frame's body runs its slots through the engine's
// protocol; a slot can recover.
#[test]
fn open_frame_on_the_panic_path_recovers() {
    let r = run(|cx| {
        let v = cx.call_open::<Slot, 3, ()>(|cx, f| {
            f.defer::<0>(|cx| {
                say(cx, "slot 0 runs after the recovery");
                Ok(())
            });
            f.defer::<1>(|cx| {
                let v = cx.recover();
                say(cx, format!("slot 1 recovers {v:?}"));
                Ok(())
            });
            f.defer::<2>(|cx| {
                say(cx, "slot 2");
                Ok(())
            });
            Err(cx.panic(V::S("open")))
        })?;
        say(cx, format!("returned {v:?}"));
        Ok(())
    });
    assert_eq!(
        r.out(),
        [
            "slot 2",
            "slot 1 recovers Some(S(\"open\"))",
            "slot 0 runs after the recovery",
            "returned None"
        ]
    );
}

// A slot that panics during a normal exit: the remaining slots run with
// the panic, and an earlier slot can recover it (C5 for open frames). The
// panicking slot was disarmed before it ran, so it never runs twice.
#[test]
fn open_frame_slot_panics_during_normal_exit() {
    let calls = Rc::new(Cell::new(0));
    let c2 = calls.clone();
    let r = run(move |cx| {
        let mut f = cx.enter_open::<Box<dyn FnOnce(&mut C<'_>) -> Outcome>, 3>();
        f.defer::<0>(Box::new(|cx: &mut C<'_>| {
            let v = cx.recover();
            say(cx, format!("slot 0 recovers {v:?}"));
            Ok(())
        }));
        f.defer::<1>(Box::new(move |cx: &mut C<'_>| {
            c2.set(c2.get() + 1);
            Err(cx.panic(V::S("slot 1")))
        }));
        f.defer::<2>(Box::new(log_slot("slot 2")));
        cx.exit_open(f)
    });
    assert_eq!(calls.get(), 1);
    assert_eq!(r.out(), ["slot 2", "slot 0 recovers Some(S(\"slot 1\"))"]);
    assert!(r.died.is_none());
}

// Open frame under Goexit and nested inside chain frames.
#[test]
fn open_frame_under_goexit() {
    let r = run(|cx| {
        cx.defer(|cx| {
            say(cx, "main chain defer");
            Ok(())
        });
        cx.call_open::<Slot, 2, ()>(|cx, f| {
            f.defer::<0>(|cx| {
                let v = cx.recover();
                say(cx, format!("recover during goexit {v:?}"));
                Ok(())
            });
            f.defer::<1>(|cx| Err(cx.panic(V::S("boom"))));
            Err(cx.goexit())
        })?;
        say(cx, "unreached");
        Ok(())
    });
    assert_eq!(
        r.out(),
        [
            "recover during goexit Some(S(\"boom\"))",
            "main chain defer"
        ]
    );
    assert!(r.died.unwrap().contains("Goexit"));
}

// The open path and the chain path agree on a whole scenario.
#[test]
fn open_and_chain_frames_print_the_same() {
    fn scenario(cx: &mut C<'_>, open: bool) -> Outcome {
        let body = |cx: &mut C<'_>| -> Result<(), Unwind> {
            say(cx, "body");
            Err(cx.panic(V::I(3)))
        };
        let a = |cx: &mut C<'_>| -> Outcome {
            let v = cx.recover();
            say(cx, format!("a {v:?}"));
            Ok(())
        };
        let b = |cx: &mut C<'_>| -> Outcome {
            say(cx, "b");
            Ok(())
        };
        if open {
            cx.call_open::<Slot, 2, ()>(|cx, f| {
                f.defer::<0>(a);
                f.defer::<1>(b);
                body(cx)
            })
            .map(|_| ())
        } else {
            cx.call(|cx| {
                cx.defer(a);
                cx.defer(b);
                body(cx)
            })
            .map(|_| ())
        }
    }
    let o = run(|cx| scenario(cx, true));
    let c = run(|cx| scenario(cx, false));
    assert_eq!(o.out, c.out);
    assert_eq!(o.out(), ["body", "b", "a Some(I(3))"]);
}

// 1,000,000 defers in one frame (scaled down under Miri), all run LIFO,
// every record back in a pool.
#[test]
fn a_million_defers_in_one_frame() {
    let n: u64 = if cfg!(miri) { 2_000 } else { 1_000_000 };
    let sum = Rc::new(Cell::new(0u64));
    let order_ok = Rc::new(Cell::new(true));
    let pool = Pool::new();
    let mut w = Worker::new(&pool);
    let mut t: Task<(), V> = Task::new(&pool);
    let mut env = ();
    let mut cx = t.cx(&mut w, &mut env).unwrap();
    let frame = cx.enter();
    let next = Rc::new(Cell::new(n));
    for i in 0..n {
        let (sum, next, ok) = (sum.clone(), next.clone(), order_ok.clone());
        cx.defer(move |_| {
            sum.set(sum.get() + i);
            ok.set(ok.get() && next.get() == i + 1);
            next.set(i);
            Ok(())
        });
    }
    assert_eq!(cx.task().pending_records() as u64, n);
    cx.exit(frame).unwrap();
    drop(cx);
    assert_eq!(sum.get(), n * (n - 1) / 2);
    assert!(order_ok.get(), "not LIFO");
    assert_eq!(t.pending_records(), 0);
    let s = pool.stats();
    assert_eq!(s.carved, s.central_free + w.cached());
    assert!(w.cached() <= 4 * CACHE_CAP);
}

// 10,000 nested frames through the explicit API (no host recursion), a
// defer in each; then the same with a panic passing through all of them and
// recovered in the outermost.
#[test]
fn ten_thousand_nested_frames() {
    let n: u32 = if cfg!(miri) { 300 } else { 10_000 };
    let pool = Pool::new();
    let mut w = Worker::new(&pool);
    let mut env = Env::default();
    let mut t: Task<Env, V> = Task::new(&pool);
    let mut cx = t.cx(&mut w, &mut env).unwrap();
    for panicking in [false, true] {
        let mut frames = Vec::new();
        for i in 0..n {
            frames.push(cx.enter());
            if i == 0 {
                cx.defer(|cx| {
                    let v = cx.recover();
                    say(cx, format!("outermost recovers {v:?}"));
                    Ok(())
                });
            } else {
                cx.defer(move |cx| {
                    say(cx, i.to_string());
                    Ok(())
                });
            }
        }
        assert_eq!(cx.task().depth(), n);
        let mut r: Outcome = if panicking {
            Err(cx.panic(V::S("deep")))
        } else {
            Ok(())
        };
        while let Some(f) = frames.pop() {
            r = cx.leave(f, r);
            if panicking && !frames.is_empty() {
                assert!(r.is_err());
            }
        }
        assert_eq!(r, Ok(()));
        assert_eq!(cx.task().depth(), 0);
        let out = std::mem::take(&mut cx.env().out);
        assert_eq!(out.len(), n as usize);
        assert_eq!(out[0], (n - 1).to_string());
        let last = if panicking {
            "outermost recovers Some(S(\"deep\"))"
        } else {
            "outermost recovers None"
        };
        assert_eq!(out[n as usize - 1], last);
    }
    drop(cx);
    assert!(!t.is_unwinding());
}

// A task dropped with frames still open: its pending calls are dropped
// uncalled (never run), counted, and their records go back to the pool.
#[test]
fn dropped_task_discards_pending_calls_uncalled() {
    let ran = Rc::new(Cell::new(0));
    let dropped = Rc::new(Cell::new(0));
    struct OnDrop(Rc<Cell<i32>>);
    impl Drop for OnDrop {
        fn drop(&mut self) {
            self.0.set(self.0.get() + 1);
        }
    }
    let pool = Pool::new();
    let mut w = Worker::new(&pool);
    let mut t: Task<(), V> = Task::new(&pool);
    {
        let mut env = ();
        let mut cx = t.cx(&mut w, &mut env).unwrap();
        let f1 = cx.enter();
        let f2 = cx.enter();
        for _ in 0..5 {
            let (ran, guard) = (ran.clone(), OnDrop(dropped.clone()));
            cx.defer(move |_| {
                let _g = guard;
                ran.set(ran.get() + 1);
                Ok(())
            });
        }
        std::mem::forget((f1, f2));
    }
    assert_eq!(t.pending_records(), 5);
    drop(t);
    assert_eq!(ran.get(), 0, "a discarded call must not run");
    assert_eq!(dropped.get(), 5, "every discarded closure is dropped");
    let s = pool.stats();
    assert_eq!(s.carved, s.central_free + w.cached());
}

// Leaving an outer frame while an inner one is open discards the inner
// frame's calls (counted) and runs the outer frame's calls once.
#[test]
fn leaving_frames_out_of_order_discards_the_abandoned_ones() {
    let r = run(|cx| {
        let outer = cx.enter();
        cx.defer(log_slot("outer"));
        let inner = cx.enter();
        cx.defer(log_slot("inner, abandoned"));
        drop(inner);
        let r = cx.exit(outer);
        assert_eq!(cx.task().discarded_calls(), 1);
        // Leaving the same depth again is a no-op: the frame is gone.
        let stale = cx.enter();
        let _ = cx.exit(stale);
        r
    });
    assert_eq!(r.out(), ["outer"]);
}

// A Rust panic (host unwinding) through frames: nothing runs twice, the
// calls of the unwound frames are discarded when the task is dropped.
#[test]
fn rust_panic_through_frames_runs_nothing_twice() {
    let ran = Rc::new(Cell::new(0));
    let pool = Pool::new();
    let mut w = Worker::new(&pool);
    let mut t: Task<(), V> = Task::new(&pool);
    let ran2 = ran.clone();
    let res = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        let mut env = ();
        let mut cx = t.cx(&mut w, &mut env).unwrap();
        let _ = cx.call(|cx| -> Result<(), Unwind> {
            let r = ran2.clone();
            cx.defer(move |_| {
                r.set(r.get() + 1);
                Ok(())
            });
            panic!("host panic");
        });
    }));
    assert!(res.is_err());
    assert_eq!(t.pending_records(), 1);
    drop(t);
    assert_eq!(ran.get(), 0);
    let s = pool.stats();
    assert_eq!(s.carved, s.central_free + w.cached());
}

// A closure too large for the biggest size class takes the boxed fallback
// and still runs exactly once with its captures intact.
#[test]
fn oversized_closure_uses_the_boxed_fallback() {
    let big = [7u8; 1000];
    let r = run(move |cx| {
        cx.defer(move |cx| {
            let s: u32 = big.iter().map(|&b| b as u32).sum();
            say(cx, s.to_string());
            Ok(())
        });
        #[repr(align(64))]
        #[derive(Clone, Copy)]
        struct Wide(u64);
        let w = Wide(5);
        cx.defer(move |cx| {
            say(cx, w.0.to_string());
            Ok(())
        });
        Ok(())
    });
    assert_eq!(r.out(), ["5", "7000"]);
}

// Closures' captures are dropped exactly once whether they run or not.
#[test]
fn captures_drop_exactly_once() {
    let log = Rc::new(RefCell::new(Vec::new()));
    struct D(&'static str, Rc<RefCell<Vec<&'static str>>>);
    impl Drop for D {
        fn drop(&mut self) {
            self.1.borrow_mut().push(self.0);
        }
    }
    let l = log.clone();
    run(move |cx| {
        let a = D("a", l.clone());
        let b = D("b", l.clone());
        cx.defer(move |_| {
            let _a = a;
            Ok(())
        });
        cx.defer(move |_| {
            let _b = b;
            Ok(())
        });
        Ok(())
    });
    assert_eq!(*log.borrow(), ["b", "a"]);
}

#[test]
fn worker_of_another_pool_is_refused() {
    let p1 = Pool::new();
    let p2 = Pool::new();
    let mut w2 = Worker::new(&p2);
    let mut t: Task<(), V> = Task::new(&p1);
    let mut env = ();
    assert_eq!(t.cx(&mut w2, &mut env).err(), Some(PoolMismatch));
}

// A Sendable task registers defers on one thread and leaves its frame on
// another, with that thread's worker; its stack chunk is released there.
#[test]
fn sendable_task_moves_between_threads() {
    #[derive(Clone, Debug)]
    struct S;
    impl PanicValue for S {}
    let pool = Pool::new();
    let mut t: Task<Vec<u32>, S, Sendable> = Task::new(&pool);
    let mut w1 = Worker::new(&pool);
    let frame = {
        let mut env = Vec::new();
        let mut cx = t.cx(&mut w1, &mut env).unwrap();
        let f = cx.enter();
        for i in 0..40 {
            cx.defer(move |cx: &mut Cx<'_, Vec<u32>, S, Sendable>| {
                cx.env().push(i);
                Ok(())
            });
        }
        f
    };
    let p2 = pool.clone();
    let (t, log, cached) = std::thread::spawn(move || {
        let mut t = t;
        let mut w2 = Worker::new(&p2);
        let mut env = Vec::new();
        let mut cx = t.cx(&mut w2, &mut env).unwrap();
        cx.exit(frame).unwrap();
        // The task keeps its stack chunk after its frames are left; released
        // here, it goes into the second worker's cache.
        assert_eq!(cx.worker().pool().held(), 1);
        assert!(cx.release_stack());
        drop(cx);
        let cached = w2.cached();
        (t, env, cached)
    })
    .join()
    .unwrap();
    assert_eq!(log, (0..40).rev().collect::<Vec<_>>());
    assert!(cached >= 1, "records were freed into the second worker");
    drop((t, w1));
    let s = pool.stats();
    assert_eq!(s.carved, s.central_free);
}

// Two tasks on two threads panic at once: each recovers only its own value.
#[test]
fn concurrent_tasks_recover_their_own_panics() {
    let pool = Pool::new();
    let hs: Vec<_> = (0..2)
        .map(|k| {
            let pool = pool.clone();
            std::thread::spawn(move || {
                let mut w = Worker::new(&pool);
                let mut t: Task<Vec<i64>, i64> = Task::new(&pool);
                let mut env = Vec::new();
                let mut cx = t.cx(&mut w, &mut env).unwrap();
                for round in 0..50 {
                    let r = cx.call(|cx| -> Result<(), Unwind> {
                        cx.defer(|cx| {
                            let v = cx.recover().unwrap();
                            cx.env().push(v);
                            Ok(())
                        });
                        Err(cx.panic(k * 1000 + round))
                    });
                    assert_eq!(r, Ok(None));
                }
                drop(cx);
                env
            })
        })
        .collect();
    for (k, h) in hs.into_iter().enumerate() {
        let got = h.join().unwrap();
        let want: Vec<i64> = (0..50).map(|r| k as i64 * 1000 + r).collect();
        assert_eq!(got, want);
    }
    let s = pool.stats();
    assert_eq!(s.carved, s.central_free);
}

// Steady state: after warm-up, frames of defers reuse the same records;
// the pool carves nothing more.
#[test]
fn steady_state_carves_nothing_new() {
    let pool = Pool::new();
    let mut w = Worker::new(&pool);
    let mut t: Task<(), V> = Task::new(&pool);
    let mut env = ();
    let mut cx = t.cx(&mut w, &mut env).unwrap();
    let round = |cx: &mut Cx<'_, (), V>| {
        let f = cx.enter();
        for _ in 0..16 {
            cx.defer(|_| Ok(()));
        }
        cx.exit(f).unwrap();
    };
    round(&mut cx);
    let carved = pool.stats().carved;
    for _ in 0..100 {
        round(&mut cx);
    }
    assert_eq!(pool.stats().carved, carved);
}

// A deferred function whose own defers are open-coded adopts the frame the
// engine entered for it: recover in its body still works, and a panic in
// its body is recovered by its own slot, after which the older panic goes on.
#[test]
fn adopted_open_frame_in_a_deferred_call() {
    let r = run(|cx| {
        cx.defer(|cx| {
            let v = cx.recover();
            say(cx, format!("main recovers {v:?}"));
            Ok(())
        });
        cx.defer(|cx| {
            let mut f = cx.adopt_open::<Slot, 2>();
            f.defer::<0>(|cx| {
                let v = cx.recover();
                say(cx, format!("slot recovers {v:?}"));
                Ok(())
            });
            // Not recover(): this deferred call leaves the older panic alone.
            assert!(cx.can_recover());
            let u = cx.panic(V::S("second"));
            cx.unwind_open(f, u)
        });
        Err(cx.panic(V::S("first")))
    });
    assert_eq!(
        r.out(),
        [
            "slot recovers Some(S(\"second\"))",
            "main recovers Some(S(\"first\"))"
        ]
    );
    assert!(r.died.is_none());
}

// Leaf slots (no Cx) run in their turn on both paths; on the panic path the
// panic goes on past them and a regular slot can still recover.
#[test]
fn leaf_slots_on_both_paths() {
    use deferrt_core::{Deferred, Leaf};
    enum S {
        Leaf(Leaf<fn(&mut Env)>),
        Full(Slot),
    }
    impl Deferred<Env, V, deferrt_core::Local> for S {
        fn call(self, cx: &mut C<'_>) -> Outcome {
            match self {
                S::Leaf(l) => l.call(cx),
                S::Full(f) => f(cx),
            }
        }
    }
    for panicking in [false, true] {
        let r = run(move |cx| {
            let v = cx.call_open::<S, 3, ()>(|cx, f| {
                f.defer::<0>(S::Full(|cx| {
                    let v = cx.recover();
                    say(cx, format!("full {v:?}"));
                    Ok(())
                }));
                f.defer::<1>(S::Leaf(Leaf(|e: &mut Env| e.out.push("leaf 1".into()))));
                f.defer::<2>(S::Leaf(Leaf(|e: &mut Env| e.out.push("leaf 2".into()))));
                if panicking {
                    return Err(cx.panic(V::S("p")));
                }
                Ok(())
            })?;
            say(cx, format!("returned {v:?}"));
            Ok(())
        });
        let last = if panicking {
            "returned None"
        } else {
            "returned Some(())"
        };
        let full = if panicking {
            "full Some(S(\"p\"))"
        } else {
            "full None"
        };
        assert_eq!(r.out(), ["leaf 2", "leaf 1", full, last]);
    }
    // A frame of Leaf slots only: the exit is the calls and nothing else.
    let r = run(|cx| {
        let mut f = cx.enter_open::<Leaf<fn(&mut Env)>, 2>();
        f.defer::<0>(Leaf(|e: &mut Env| e.out.push("a".into())));
        f.defer::<1>(Leaf(|e: &mut Env| e.out.push("b".into())));
        cx.exit_open(f)
    });
    assert_eq!(r.out(), ["b", "a"]);
}

// `OpenFrame::defer::<I>` with `I >= N` does not compile; `defer_at` is the
// run-time form, which hands the closure back.
#[test]
fn open_slot_index_out_of_range_is_an_error_value() {
    run(|cx| {
        let mut f = cx.enter_open::<Slot, 2>();
        let back = f.defer_at(2, |_| Ok(()));
        assert!(back.is_err());
        assert_eq!(f.bits(), 0);
        cx.exit_open(f)
    });
}

// Chain calls registered on an open frame run after its slots, whether the
// slots are general or Leaf, armed or not; none is left behind for a later
// frame of the same depth.
#[test]
fn chain_calls_on_an_open_frame_run_after_its_slots() {
    use deferrt_core::Leaf;
    let r = run(|cx| {
        let mut f = cx.enter_open::<Slot, 1>();
        cx.defer(log_slot("chain on general"));
        f.defer::<0>(|cx| {
            say(cx, "general slot");
            Ok(())
        });
        cx.exit_open(f)?;
        let mut f = cx.enter_open::<Leaf<fn(&mut Env)>, 1>();
        cx.defer(log_slot("chain on leaf"));
        f.defer::<0>(Leaf(|e: &mut Env| e.out.push("leaf slot".into())));
        cx.exit_open(f)?;
        let f = cx.enter_open::<Slot, 1>();
        cx.defer(log_slot("chain on unarmed"));
        cx.exit_open(f)?;
        // A sibling frame at the same depth finds nothing left over.
        let g = cx.enter();
        cx.exit(g)
    });
    assert_eq!(
        r.out(),
        [
            "general slot",
            "chain on general",
            "leaf slot",
            "chain on leaf",
            "chain on unarmed"
        ]
    );
}

// An inline frame inside a deferred call run by a panic: recover in a
// function the inlined helper calls is still a helper's recover (nil), the
// helper's Leaf slot runs as the panic passes, and the deferred call's own
// recover still works.
#[test]
fn inline_frame_keeps_go_semantics_around_it() {
    use deferrt_core::Leaf;
    let r = run(|cx| {
        cx.defer(|cx| {
            // an inlined helper with a Leaf defer, calling a real function
            let mut f = cx.enter_inline::<Leaf<fn(&mut Env)>, 1>();
            f.defer::<0>(Leaf(|e: &mut Env| e.out.push("helper unlock".into())));
            let inner = cx.call(|cx| {
                let v = cx.recover();
                say(cx, format!("callee of helper {v:?}"));
                Ok(())
            });
            assert!(inner.is_ok());
            cx.exit_inline(f);
            let v = cx.recover();
            say(cx, format!("deferred call {v:?}"));
            Ok(())
        });
        Err(cx.panic(V::S("p")))
    });
    assert_eq!(
        r.out(),
        [
            "callee of helper None",
            "helper unlock",
            "deferred call Some(S(\"p\"))"
        ]
    );
    assert!(r.died.is_none());
}
