#![cfg(loom)]
//! Model 1: two and three workers allocating and freeing records at the
//! same time, each through its own `Worker` and `Task`, with the loom-sized
//! caches (`CACHE_CAP` = 4, `BATCH` = 2) so that every thread refills from
//! and spills to the central pool inside the model.
//!
//! Per thread: one frame, `N` = 5 defers, then the frame's exit runs the
//! calls; each run frees its record into the worker's cache, and the fifth
//! free spills `BATCH` records. With two threads the caches start empty, so
//! each thread refills three times (carving, or taking what the other thread
//! spilled); with three threads the caches start full (filled before the
//! threads start), so each thread refills once and spills once. At the end, with every task gone, each record ever carved is
//! in the central pool or in exactly one cache, and every call ran once, in
//! LIFO order.

use deferrt_core::{Pool, Sendable, Task, Worker, BATCH, CACHE_CAP};
use deferrt_loom_tests::{assert_balanced, check, Bound};
use loom::thread;

/// Defers per thread: more than a refill yields (forces 3 refills) and more
/// than a cache holds once they are freed (forces a spill).
const N: u32 = 5;

type T = Task<Vec<u32>, u32, Sendable>;

/// One thread's work: a task on its own worker registers `n` defers in a
/// frame and leaves it. The worker and the task are made (and later
/// dropped) by the main thread, so the only shared-memory operations in the
/// threads are the pool's: refills and spills under the central lock.
fn run_worker(worker: &mut Worker, task: &mut T, id: u32, n: u32) {
    let mut log = Vec::new();
    {
        let mut cx = task.cx(worker, &mut log).expect("same pool");
        let f = cx.enter();
        for i in 0..n {
            cx.defer(move |cx| {
                cx.env().push(id * 100 + i);
                Ok(())
            });
        }
        assert_eq!(cx.task().pending_records(), n as usize);
        cx.exit(f).expect("no panic");
    }
    // Every call ran exactly once, last registered first.
    let want: Vec<u32> = (0..n).rev().map(|i| id * 100 + i).collect();
    assert_eq!(log, want, "worker {id}: calls ran out of order or not once");
    assert_eq!(task.pending_records(), 0);
    assert_eq!(task.discarded_calls(), 0);
    assert!(worker.cached() <= CACHE_CAP, "cache over capacity");
}

/// `threads` workers run [`run_worker`] at once. With `warm`, the main
/// thread first fills each worker's cache (a frame of `CACHE_CAP` defers,
/// before any thread starts), so that in the threads the fifth allocation is
/// the one refill and the fifth free the one spill: two lock round trips per
/// thread instead of four, which keeps the three-thread model small.
fn workers_model(threads: u32, warm: bool) {
    let pool = Pool::new();
    let handles: Vec<_> = (0..threads)
        .map(|id| {
            let mut worker = Worker::new(&pool);
            let mut task = T::new(&pool);
            if warm {
                run_worker(&mut worker, &mut task, 90 + id, CACHE_CAP as u32);
                assert_eq!(worker.cached(), CACHE_CAP);
            }
            thread::spawn(move || {
                run_worker(&mut worker, &mut task, id, N);
                (worker, task)
            })
        })
        .collect();
    let (workers, tasks): (Vec<Worker>, Vec<T>) = handles
        .into_iter()
        .map(|h| h.join().expect("worker thread"))
        .unzip();
    drop(tasks);
    let refs: Vec<&Worker> = workers.iter().collect();
    let s = assert_balanced(&pool, &refs);
    // Records are carved BATCH at a time, and no thread ever needs more than
    // N at once: the pool carved at least N and at most N per thread
    // (rounded up to a batch).
    assert_eq!(s.carved % BATCH, 0);
    assert!(s.carved >= N as usize);
    let per_thread = (N as usize).max(CACHE_CAP * warm as usize);
    assert!(s.carved <= threads as usize * per_thread.div_ceil(BATCH) * BATCH);
    // Dropping the workers returns their caches: all records are central.
    drop(workers);
    let s = pool.stats();
    assert_eq!(s.carved, s.central_free, "records lost on worker drop");
}

/// Two threads, caches empty: three refills and a spill each. A bound of
/// 5 explores 87 050 executions in about 8 s (each further preemption
/// multiplies that by about 3.5).
#[test]
fn two_workers_refill_and_spill() {
    check(
        "two_workers_refill_and_spill",
        Bound::Preemptions(5),
        || workers_model(2, false),
    );
}

/// Three threads, caches empty. Bound 1: above it, two threads spinning on
/// the lock held by the third can take turns forever without loom charging
/// a preemption (tokio-rs/loom#53), see README.md.
#[test]
fn three_workers_refill_and_spill() {
    check(
        "three_workers_refill_and_spill",
        Bound::Preemptions(1),
        || workers_model(3, false),
    );
}

/// Three threads, caches full at the start: one refill and one spill each,
/// so more of the executions reach the central list in a different order.
#[test]
fn three_warm_workers_refill_once_spill_once() {
    check(
        "three_warm_workers_refill_once_spill_once",
        Bound::Preemptions(1),
        || workers_model(3, true),
    );
}
