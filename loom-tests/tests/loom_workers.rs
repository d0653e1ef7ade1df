#![cfg(loom)]
//! Model 1: two and three workers taking and giving back stack chunks at
//! the same time, each through its own `Worker`, with the loom-sized caches
//! (`CACHE_CAP` = 4, `BATCH` = 2) so that every thread refills from and
//! spills to the central pool inside the model.
//!
//! Per thread: `N` = 5 tasks each enter a frame and register two calls (a
//! task's stack takes one chunk from the worker at its first registration),
//! then each leaves its frame (the calls run, the emptied stack gives its
//! chunk back; the fifth give spills `BATCH` chunks). With two threads the
//! caches start empty, so each thread refills three times (carving, or
//! taking what the other thread spilled); with three threads the caches
//! start full (filled before the threads start), so each thread refills
//! once and spills once. At the end, with every task gone, each chunk ever
//! carved is in the central pool or in exactly one cache, and every call
//! ran once, in LIFO order.

use deferrt_core::{Pool, Sendable, Task, Worker, BATCH, CACHE_CAP};
use deferrt_loom_tests::{assert_balanced, check, Bound};
use loom::thread;

/// Tasks per thread: more than a refill yields (forces 3 refills) and more
/// than a cache holds once they are given back (forces a spill).
const N: usize = 5;

type T = Task<Vec<u32>, u32, Sendable>;

/// One thread's work: `tasks` on its own worker each register two calls in
/// a frame (each stack takes a chunk), then each leaves its frame (each
/// stack gives its chunk back). The worker and the tasks are made (and
/// later dropped) by the main thread, so the only shared-memory operations
/// in the threads are the pool's: refills and spills under the central
/// lock.
fn run_worker(worker: &mut Worker, tasks: &mut [T], id: u32) {
    let mut logs: Vec<Vec<u32>> = vec![Vec::new(); tasks.len()];
    let mut frames = Vec::new();
    for (k, (task, log)) in tasks.iter_mut().zip(&mut logs).enumerate() {
        let mut cx = task.cx(worker, log).expect("same pool");
        let f = cx.enter();
        let tag = id * 100 + 10 * k as u32;
        for i in 0..2 {
            cx.defer(move |cx| {
                cx.env().push(tag + i);
                Ok(())
            });
        }
        assert_eq!(cx.task().pending_records(), 2);
        frames.push(f);
    }
    for ((task, log), f) in tasks.iter_mut().zip(&mut logs).zip(frames) {
        let mut cx = task.cx(worker, log).expect("same pool");
        cx.exit(f).expect("no panic");
        // The task keeps its chunk for its life unless it releases it.
        assert!(cx.release_stack());
    }
    // Every call ran exactly once, last registered first, in its own task.
    for (k, (task, log)) in tasks.iter().zip(&logs).enumerate() {
        let tag = id * 100 + 10 * k as u32;
        assert_eq!(
            log,
            &[tag + 1, tag],
            "worker {id}: calls ran out of order or not once"
        );
        assert_eq!(task.pending_records(), 0);
        assert_eq!(task.discarded_calls(), 0);
    }
    assert!(worker.cached() <= CACHE_CAP, "cache over capacity");
}

/// `threads` workers run [`run_worker`] at once. With `warm`, the main
/// thread first fills each worker's cache (`CACHE_CAP` tasks' worth of
/// chunks, before any thread starts), so that in the threads the fifth
/// take is the one refill and the fifth give the one spill: two lock round
/// trips per thread instead of four, which keeps the three-thread model
/// small.
fn workers_model(threads: u32, warm: bool) {
    let pool = Pool::new();
    let handles: Vec<_> = (0..threads)
        .map(|id| {
            let mut worker = Worker::new(&pool);
            if warm {
                let mut warmers: Vec<T> = (0..CACHE_CAP).map(|_| T::new(&pool)).collect();
                run_worker(&mut worker, &mut warmers, 90 + id);
                assert_eq!(worker.cached(), CACHE_CAP);
            }
            let mut tasks: Vec<T> = (0..N).map(|_| T::new(&pool)).collect();
            thread::spawn(move || {
                run_worker(&mut worker, &mut tasks, id);
                (worker, tasks)
            })
        })
        .collect();
    let (workers, tasks): (Vec<Worker>, Vec<Vec<T>>) = handles
        .into_iter()
        .map(|h| h.join().expect("worker thread"))
        .unzip();
    drop(tasks);
    let refs: Vec<&Worker> = workers.iter().collect();
    let s = assert_balanced(&pool, &refs);
    // Chunks are carved BATCH at a time, and no thread ever holds more than
    // N at once: the pool carved at least N and at most N per thread
    // (rounded up to a batch).
    assert_eq!(s.carved % BATCH, 0);
    assert!(s.carved >= N);
    let per_thread = N.max(CACHE_CAP * warm as usize);
    assert!(s.carved <= threads as usize * per_thread.div_ceil(BATCH) * BATCH);
    // Dropping the workers returns their caches: all chunks are central.
    drop(workers);
    let s = pool.stats();
    assert_eq!(s.carved, s.central_free, "chunks lost on worker drop");
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
