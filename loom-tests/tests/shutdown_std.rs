#![cfg(not(loom))]
//! The shutdown scenarios of `loom_shutdown.rs` on std threads, for Miri:
//! loom explores the interleavings but cannot see a use-after-free (record
//! memory and the arena are not loom objects); Miri does, on the
//! interleavings its scheduler picks (run with `-Zmiri-many-seeds` for
//! more). `cargo +nightly-2026-05-20 miri test -p deferrt-loom-tests --test
//! shutdown_std`; see README.md.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc as StdArc;
use std::thread;

use deferrt_core::{Arc, Frame, Pool, Sendable, Task, Worker};

type T = Task<Vec<u32>, u32, Sendable>;

/// Bumps a counter when dropped: a deferred closure captures one.
struct Guard(StdArc<AtomicUsize>);
impl Drop for Guard {
    fn drop(&mut self) {
        self.0.fetch_add(1, Ordering::Relaxed);
    }
}

/// Registers `n` calls in a frame of `task` on `worker` and returns the
/// frame, still open; `run` says whether the calls are expected to run.
fn pending(
    task: &mut T,
    worker: &mut Worker,
    n: u32,
    tally: &StdArc<AtomicUsize>,
    run: bool,
) -> Frame {
    let mut env = Vec::new();
    let mut cx = task.cx(worker, &mut env).expect("same pool");
    let f = cx.enter();
    for i in 0..n {
        let g = Guard(tally.clone());
        cx.defer(move |cx| {
            let _g = g;
            assert!(run, "a call of a dropped task ran");
            cx.env().push(i);
            Ok(())
        });
    }
    f
}

#[test]
fn shutdown_with_records_outstanding() {
    let tally = StdArc::new(AtomicUsize::new(0));
    let pool = Pool::new();
    let mut worker_a = Worker::new(&pool);
    let mut worker_b = Worker::new(&pool);
    let mut runs = T::new(&pool);
    let mut discarded = T::new(&pool);
    let frame = pending(&mut runs, &mut worker_a, 3, &tally, true);
    let _ = pending(&mut discarded, &mut worker_a, 2, &tally, false);
    let carved = pool.stats().carved;
    let t1 = thread::spawn(move || drop((worker_a, pool)));
    let t2 = thread::spawn(move || {
        drop(discarded);
        let mut log = Vec::new();
        {
            let mut cx = runs.cx(&mut worker_b, &mut log).expect("same pool");
            cx.exit(frame).expect("no panic");
            assert!(cx.release_stack());
        }
        assert_eq!(log, [2, 1, 0]);
        drop(runs);
        worker_b
    });
    t1.join().unwrap();
    let worker_b = t2.join().unwrap();
    assert_eq!(Arc::strong_count(worker_b.pool()), 1);
    let s = worker_b.pool().stats();
    assert_eq!(s.carved, carved);
    assert_eq!(worker_b.pool().held(), 0);
    assert_eq!(s.carved, s.central_free + worker_b.cached());
    assert_eq!(tally.load(Ordering::Relaxed), 5);
    drop(worker_b);
}

#[test]
fn shutdown_task_is_last_owner() {
    let tally = StdArc::new(AtomicUsize::new(0));
    let pool = Pool::new();
    let mut worker_a = Worker::new(&pool);
    let worker_b = Worker::new(&pool);
    let mut task = T::new(&pool);
    let _ = pending(&mut task, &mut worker_a, 3, &tally, false);
    let t1 = thread::spawn(move || drop((worker_a, pool)));
    let t2 = thread::spawn(move || {
        drop(worker_b);
        drop(task);
    });
    t1.join().unwrap();
    t2.join().unwrap();
    assert_eq!(tally.load(Ordering::Relaxed), 3);
}
