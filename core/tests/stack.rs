//! The per-task record stack (issue 12): records of every size on one
//! stack, its growth from a pool chunk to a buffer of its own, `defer_to`
//! moving deeper records up, and the chunk accounting (a task holds a pool
//! chunk from its first record until it is dropped or releases it). Run under Miri with the
//! other core tests.

#![allow(clippy::drop_non_drop)]

mod common;
use common::*;
use deferrt_core::{Cx, Pool, Sendable, Task, Worker, BATCH};
use std::cell::RefCell;
use std::rc::Rc;

/// A capture of `N` bytes, each `tag`: checked when the call runs, so a
/// record whose bytes were moved wrongly (growth, insertion) or overwritten
/// by another record fails.
#[derive(Clone)]
struct Blob<const N: usize>([u8; N]);

impl<const N: usize> Blob<N> {
    fn new(tag: u8) -> Self {
        Blob([tag; N])
    }
    fn check(&self, tag: u8) {
        assert!(
            self.0.iter().all(|&b| b == tag),
            "capture of {N} bytes corrupted"
        );
    }
}

/// Registers a call of one of four capture sizes (1, 40, 200, 480 bytes:
/// records of 32, 64, 224 and 496 bytes) that logs `i`.
fn defer_sized(cx: &mut C<'_>, i: usize) {
    let tag = (i % 251) as u8;
    match i % 4 {
        0 => {
            let b = Blob::<1>::new(tag);
            cx.defer(move |cx| {
                b.check(tag);
                say(cx, i.to_string());
                Ok(())
            })
        }
        1 => {
            let b = Blob::<40>::new(tag);
            cx.defer(move |cx| {
                b.check(tag);
                say(cx, i.to_string());
                Ok(())
            })
        }
        2 => {
            let b = Blob::<200>::new(tag);
            cx.defer(move |cx| {
                b.check(tag);
                say(cx, i.to_string());
                Ok(())
            })
        }
        _ => {
            let b = Blob::<472>::new(tag);
            cx.defer(move |cx| {
                b.check(tag);
                say(cx, i.to_string());
                Ok(())
            })
        }
    }
}

fn counted(n: usize) -> Vec<String> {
    (0..n).rev().map(|i| i.to_string()).collect()
}

// Records of mixed sizes far past a chunk: the stack moves to a buffer of
// its own (twice as large each time), every capture arrives intact, LIFO.
// The chunk went back when the stack left it, so the pool balances while
// the task is alive; a second, equal frame takes no chunk (the task keeps
// its buffer) and carves nothing.
#[test]
fn stack_outgrows_its_chunk_and_keeps_every_capture() {
    let pool = Pool::new();
    let mut w = Worker::new(&pool);
    let mut env = Env::default();
    let mut t: Task<Env, V> = Task::new(&pool);
    let mut cx = t.cx(&mut w, &mut env).unwrap();
    const N: usize = 100; // about 20 KiB of records
    for round in 0..2 {
        let f = cx.enter();
        for i in 0..N {
            defer_sized(&mut cx, i);
        }
        assert_eq!(cx.task().pending_records(), N);
        let carved = cx.worker().pool().stats().carved;
        assert_eq!(carved, BATCH, "round {round}: one batch of chunks only");
        cx.exit(f).unwrap();
    }
    drop(cx);
    let mut want = counted(N);
    want.extend(counted(N));
    assert_eq!(env.out, want);
    all_records_home(&pool, &[&w]);
    drop(t);
    all_records_home(&pool, &[&w]);
}

// A task takes a pool chunk at its first registration and keeps it for its
// whole life: through inner frames whose exits empty the stack (a function
// with a defer called in a loop takes and gives back nothing), through its
// outermost frame's exit, and across a move to another thread and worker.
// The pool counts it as held, exactly; released on the second worker
// (`Cx::release_stack`) it goes into that worker's cache; taken again by a
// later defer and then dropped with the task, it goes to the central pool.
#[test]
fn a_task_keeps_its_chunk_for_its_whole_life() {
    type D = fn(&mut Cx<'_, Vec<u32>, &'static str, Sendable>) -> deferrt_core::Outcome;
    let pool = Pool::new();
    let (mut w1, mut w2) = (Worker::new(&pool), Worker::new(&pool));
    let mut t: Task<Vec<u32>, &'static str, Sendable> = Task::new(&pool);
    let mut log = Vec::new();
    let outer = {
        let mut cx = t.cx(&mut w1, &mut log).unwrap();
        let outer = cx.enter();
        assert_eq!(cx.worker().cached(), 0, "entering takes nothing");
        assert_eq!(cx.worker().pool().held(), 0);
        for i in 0..3 {
            // A function with one defer, called in a loop.
            let f = cx.enter();
            let d: D = |cx| {
                cx.env().push(1);
                Ok(())
            };
            cx.defer(d);
            assert_eq!(
                cx.worker().cached(),
                BATCH - 1,
                "call {i}: one chunk, taken once"
            );
            cx.exit(f).unwrap();
            assert_eq!(cx.task().pending_records(), 0);
            assert_eq!(
                cx.worker().cached(),
                BATCH - 1,
                "call {i}: kept while inside frames"
            );
            assert_eq!(cx.worker().pool().held(), 1);
        }
        let d: D = |cx| {
            cx.env().push(2);
            Ok(())
        };
        cx.defer(d);
        outer
    };
    all_records_home(&pool, &[&w1]);
    let (mut t, w2) = std::thread::spawn(move || {
        let mut cx = t.cx(&mut w2, &mut log).unwrap();
        cx.exit(outer).unwrap();
        assert_eq!(cx.worker().cached(), 0, "kept past the outermost frame");
        assert_eq!(cx.worker().pool().held(), 1);
        // The outermost frame again: nothing taken, nothing given.
        cx.call(|cx| {
            cx.defer(|cx| {
                cx.env().push(3);
                Ok(())
            });
            Ok(())
        })
        .unwrap();
        assert_eq!(cx.worker().cached(), 0);
        assert!(cx.release_stack());
        assert_eq!(cx.worker().cached(), 1, "released: the chunk goes to w2");
        assert_eq!(cx.worker().pool().held(), 0);
        drop(cx);
        assert_eq!(log, [1, 1, 1, 2, 3]);
        (t, w2)
    })
    .join()
    .unwrap();
    all_records_home(&pool, &[&w1, &w2]);
    let mut log = Vec::new();
    let mut cx = t.cx(&mut w1, &mut log).unwrap();
    cx.call(|cx| {
        cx.defer(|_| Ok(()));
        Ok(())
    })
    .unwrap();
    drop(cx);
    assert_eq!(pool.held(), 1, "taken again by the next defer");
    all_records_home(&pool, &[&w1, &w2]);
    drop(t);
    assert_eq!(pool.held(), 0, "a dropped task gives its chunk back");
    all_records_home(&pool, &[&w1, &w2]);
}

// Two tasks take turns on one worker: the chunk one released is the next
// one the other takes, while the first keeps reading its old bottom
// sentinel (frames entered and left with no records, pending_records).
// Nothing of one task's stack may reach the other's.
#[test]
fn tasks_taking_turns_share_chunks_and_nothing_else() {
    let pool = Pool::new();
    let mut w = Worker::new(&pool);
    let (mut a, mut b): (Task<Env, V>, Task<Env, V>) = (Task::new(&pool), Task::new(&pool));
    let (mut ea, mut eb) = (Env::default(), Env::default());
    for round in 0..3 {
        {
            let mut cx = a.cx(&mut w, &mut ea).unwrap();
            let f = cx.enter();
            defer_sized(&mut cx, round);
            cx.exit(f).unwrap();
            assert!(cx.release_stack());
            // A's stack gave its chunk back; it still answers.
            assert_eq!(cx.task().pending_records(), 0);
        }
        let fb = {
            let mut cx = b.cx(&mut w, &mut eb).unwrap();
            let f = cx.enter();
            for i in 0..5 {
                defer_sized(&mut cx, i);
            }
            f
        };
        {
            // B holds (maybe A's old) chunk; A enters and leaves frames
            // with no records, reading only its own state.
            let mut cx = a.cx(&mut w, &mut ea).unwrap();
            let g = cx.enter();
            assert_eq!(cx.task().pending_records(), 0);
            cx.exit(g).unwrap();
            assert!(!cx.release_stack(), "A holds nothing");
        }
        let mut cx = b.cx(&mut w, &mut eb).unwrap();
        cx.exit(fb).unwrap();
        assert!(cx.release_stack());
    }
    assert_eq!(ea.out, ["0", "1", "2"]);
    assert_eq!(eb.out, [counted(5), counted(5), counted(5)].concat());
    assert_eq!(pool.held(), 0);
    all_records_home(&pool, &[&w]);
}

// defer_to onto an outer frame whose inner frames hold records of mixed
// sizes, with the stack full enough that the insertion also grows it: the
// inner records move up intact, and the order is Go's.
#[test]
fn defer_to_moves_deeper_records_up_and_keeps_go_order() {
    let r = run(|cx| {
        let f = cx.enter();
        let at = f.id();
        cx.defer(|cx| {
            say(cx, "f's own defer");
            Ok(())
        });
        let inner = cx.enter();
        for i in 0..9 {
            defer_sized(cx, i); // about 2 KiB: the chunk is full
        }
        for k in 0..3 {
            let b = Blob::<300>::new(200 + k);
            cx.defer_to(at, move |cx| {
                b.check(200 + k);
                say(cx, format!("body defer {k}"));
                Ok(())
            });
        }
        defer_sized(cx, 9);
        cx.exit(inner)?;
        say(cx, "f after the loop");
        cx.defer(|cx| {
            say(cx, "f's late defer");
            Ok(())
        });
        cx.exit(f)
    });
    let mut want = counted(10);
    want.extend(
        [
            "f after the loop",
            "f's late defer",
            "body defer 2",
            "body defer 1",
            "body defer 0",
            "f's own defer",
        ]
        .map(String::from),
    );
    assert_eq!(r.out(), want);
}

// Frames abandoned with records of mixed sizes are discarded (each closure
// dropped once, counted), also when a closure's Drop panics in between;
// the stack is consistent and its chunk goes back.
#[test]
fn discarding_mixed_records_drops_each_once_even_when_a_drop_panics() {
    struct Bomb(Rc<RefCell<Vec<u32>>>, u32, bool);
    impl Drop for Bomb {
        fn drop(&mut self) {
            self.0.borrow_mut().push(self.1);
            if self.2 {
                panic!("bomb {}", self.1);
            }
        }
    }
    let dropped = Rc::new(RefCell::new(Vec::new()));
    let pool = Pool::new();
    let mut w = Worker::new(&pool);
    let mut env = Env::default();
    let mut t: Task<Env, V> = Task::new(&pool);
    let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        let mut cx = t.cx(&mut w, &mut env).unwrap();
        let outer = cx.enter();
        let inner = cx.enter();
        for i in 0..6 {
            let b = Bomb(dropped.clone(), i, i == 3);
            let pad = Blob::<100>::new(i as u8);
            cx.defer(move |_| {
                let _ = (&b, &pad);
                unreachable!("a discarded call ran")
            });
        }
        drop(inner); // abandoned
        let _ = cx.exit(outer);
    }));
    assert!(r.is_err(), "the Drop's panic goes on");
    let mut got = dropped.borrow().clone();
    got.sort_unstable();
    assert_eq!(
        got,
        [0, 1, 2, 3, 4, 5],
        "every closure dropped exactly once"
    );
    assert_eq!(t.pending_records(), 0);
    assert_eq!(t.discarded_calls(), 6);
    drop(t);
    all_records_home(&pool, &[&w]);
}

type Boxed = Box<dyn FnOnce(&mut C<'_>) -> deferrt_core::Outcome>;

// Records of one type in a row are run by one monomorphised loop
// (`run_shim`); every call that does something unusual must still be
// noticed right after it returns, exactly as between records of different
// types: one that defers a record of the same type (it runs at its own
// frame's exit, before the next record), one that abandons a frame (the
// next calls still run at depth d + 1, the frame's token goes stale), one
// that panics (an earlier one recovers; the rest run as the panic's calls).
#[test]
fn a_run_of_records_of_one_type_notices_every_unusual_call() {
    let leaked = Rc::new(RefCell::new(None));
    let leaked2 = leaked.clone();
    let r = run(|cx| {
        let f = cx.enter();
        let d = cx.task().depth();
        let mut calls: Vec<Boxed> = Vec::new();
        calls.push(Box::new(move |cx| {
            assert_eq!(cx.task().depth(), d + 1);
            let v = cx.recover();
            say(cx, format!("0 recovers {v:?}"));
            Ok(())
        }));
        calls.push(Box::new(move |cx| {
            assert_eq!(cx.task().depth(), d + 1);
            say(cx, "1 (run by the panic)");
            Ok(())
        }));
        calls.push(Box::new(move |cx| {
            say(cx, "2 panics");
            Err(cx.panic(V::S("two")))
        }));
        calls.push(Box::new(move |cx| {
            assert_eq!(cx.task().depth(), d + 1, "after an abandoned frame");
            say(cx, "3");
            Ok(())
        }));
        calls.push(Box::new(move |cx| {
            // Enters a frame and loses its token: abandoned.
            let g = cx.enter();
            *leaked2.borrow_mut() = Some(g);
            say(cx, "4 abandons a frame");
            Ok(())
        }));
        calls.push(Box::new(move |cx| {
            assert_eq!(cx.task().depth(), d + 1);
            let inner: Boxed = Box::new(move |cx| {
                assert_eq!(cx.task().depth(), d + 2);
                say(cx, "5's own defer");
                Ok(())
            });
            cx.defer(inner);
            say(cx, "5 defers one of the same type");
            Ok(())
        }));
        for c in calls {
            cx.defer(c);
        }
        cx.exit(f)
    });
    assert_eq!(
        r.out(),
        [
            "5 defers one of the same type",
            "5's own defer",
            "4 abandons a frame",
            "3",
            "2 panics",
            "1 (run by the panic)",
            "0 recovers Some(S(\"two\"))",
        ]
    );
    // The abandoned frame's token (kept by the call) is simply dropped.
    drop(leaked.borrow_mut().take());
}

// A call in a run of records of one type defers, through `defer_to`, a
// record of the same type onto the frame being left: it is that frame's
// newest call now and runs next (the run loop or the generic loop picks it
// up, whichever it is), before the frame's older records.
#[test]
fn defer_to_the_frame_being_left_runs_next() {
    let r = run(|cx| {
        let f = cx.enter();
        let at = f.id();
        for i in 0..4 {
            let b: Boxed = Box::new(move |cx| {
                say(cx, format!("{i}"));
                if i == 2 {
                    let late: Boxed = Box::new(|cx| {
                        say(cx, "late, for the frame being left");
                        Ok(())
                    });
                    cx.defer_to(at, late);
                }
                Ok(())
            });
            cx.defer(b);
        }
        cx.exit(f)
    });
    assert_eq!(
        r.out(),
        ["3", "2", "late, for the frame being left", "1", "0"]
    );
}

/// Hostile: the only pending call releases the task's chunk while it runs
/// (the exit loop has popped it, so the stack is empty), then defers again
/// (the task takes a chunk back — perhaps the same one) and reads its own
/// large capture afterwards. The running call's capture must not live in the
/// memory it just gave away; the calls deferred meanwhile still run, and
/// every chunk comes home.
#[test]
fn a_running_call_that_releases_the_stack_and_defers_again_keeps_its_capture() {
    for n in [1usize, 2, 5] {
        let r = run(move |cx| {
            cx.call(move |cx| {
                for i in 0..n {
                    let b = Blob::<200>::new(7 + i as u8);
                    cx.defer(move |cx| {
                        let released = cx.release_stack();
                        say(cx, format!("call {i} released {released}"));
                        for j in 0..4u8 {
                            let c = Blob::<200>::new(100 + j);
                            cx.defer(move |cx| {
                                c.check(100 + j);
                                say(cx, format!("inner {j}"));
                                Ok(())
                            });
                        }
                        b.check(7 + i as u8);
                        say(cx, format!("call {i} capture intact"));
                        Ok(())
                    });
                }
                Ok(())
            })
            .map(|_| ())
        });
        assert!(r.died.is_none(), "{:?}", r.died);
        let out = r.out();
        // Each call: released (only when nothing else pends: the first one
        // to run is the newest, with n - 1 older records still there),
        // its capture intact, then its own four deferred calls in LIFO order.
        assert_eq!(out.len(), n * 6, "{out:?}");
        for i in 0..n {
            let k = n - 1 - i; // calls run newest first
            let base = i * 6;
            assert_eq!(
                out[base],
                format!("call {k} released {}", k == 0),
                "{out:?}"
            );
            assert_eq!(out[base + 1], format!("call {k} capture intact"));
            for j in 0..4 {
                assert_eq!(out[base + 2 + j], format!("inner {}", 3 - j));
            }
        }
    }
}

// The registration that finds no room takes memory and registers the record
// in one cold step (`push_after_grow`): the record it writes is the
// registering frame's, with the position it was registered at, like any
// other. An inner frame's first record takes the task's first chunk; a run
// of records of one type in an inner frame crosses the point where the stack
// moves to a buffer; in both, the inner frame's exit runs exactly its own
// records (all of them, as one run where they are of one type), LIFO, and
// the outer frame's record runs at the outer frame's exit only.
#[test]
fn a_record_registered_while_taking_memory_is_its_frames() {
    let pool = Pool::new();
    let mut w = Worker::new(&pool);
    let mut env = Env::default();
    let mut t: Task<Env, V> = Task::new(&pool);
    let mut cx = t.cx(&mut w, &mut env).unwrap();
    let outer = cx.enter();
    let inner = cx.enter();
    // No memory yet: this registration takes the chunk.
    cx.defer(|cx| {
        say(cx, "inner 0");
        Ok(())
    });
    cx.defer(|cx| {
        say(cx, "inner 1");
        Ok(())
    });
    cx.exit(inner).unwrap();
    say(&mut cx, "left inner");
    // The outer frame's record, then an inner frame whose records of one
    // type outgrow the chunk (2 KiB: 64 records of 32 bytes).
    cx.defer(|cx| {
        say(cx, "outer");
        Ok(())
    });
    let inner = cx.enter();
    const N: u64 = 200;
    for i in 0..N {
        cx.defer(move |cx| {
            assert_eq!(
                cx.task().depth(),
                3,
                "record {i} runs in its frame's call frame"
            );
            say(cx, format!("run {i}"));
            Ok(())
        });
    }
    assert_eq!(cx.task().pending_records(), N as usize + 1);
    cx.exit(inner).unwrap();
    assert_eq!(cx.task().pending_records(), 1);
    say(&mut cx, "left inner again");
    cx.exit(outer).unwrap();
    drop(cx);
    let mut want: Vec<String> = ["inner 1", "inner 0", "left inner"]
        .iter()
        .map(|s| s.to_string())
        .collect();
    want.extend((0..N).rev().map(|i| format!("run {i}")));
    want.push("left inner again".into());
    want.push("outer".into());
    assert_eq!(env.out, want);
    drop(t);
    all_records_home(&pool, &[&w]);
}
