#![cfg(loom)]
//! Model 2: a `Sendable` task registers its defers on worker A (thread A)
//! and is handed to thread B through an `Arc<Mutex<Option<..>>>`; there it
//! panics and recovers in its inner frame and leaves its outer frame with
//! worker B. Meanwhile thread A keeps trading records with the central pool
//! for another task.
//!
//! Checks: every call ran exactly once, in LIFO order, on thread B; the
//! recover on B saw the panic raised on B; the six records carved through
//! worker A were freed into worker B's cache (B's cache grew from 0 to
//! `CACHE_CAP`, the rest spilled); the pool's accounting balances.

use deferrt_core::{Frame, Pool, Sendable, Task, Worker, BATCH, CACHE_CAP};
use deferrt_loom_tests::{assert_balanced, check, Bound};
use loom::sync::{Arc, Mutex};
use loom::thread;

type T = Task<Vec<u32>, u32, Sendable>;
type Slot = Arc<Mutex<Option<(T, Frame, Frame)>>>;

/// Records the migrating task holds when it is handed over.
const MOVED: usize = 6;

/// Thread A: registers, on worker A, three defers in an outer frame and
/// three in an inner frame (the middle one recovers), and hands the task
/// over without leaving either frame.
fn register_on_a(worker: &mut Worker, mut task: T, slot: &Slot) {
    let mut log = Vec::new();
    let (outer, inner) = {
        let mut cx = task.cx(worker, &mut log).expect("same pool");
        let outer = cx.enter();
        for i in 0..3 {
            cx.defer(move |cx| {
                cx.env().push(i);
                Ok(())
            });
        }
        let inner = cx.enter();
        cx.defer(|cx| {
            cx.env().push(10);
            Ok(())
        });
        cx.defer(|cx| {
            // Runs on thread B, during the panic raised there.
            let v = cx.recover();
            assert_eq!(v, Some(7), "recover on B must see B's panic");
            cx.env().push(11);
            Ok(())
        });
        cx.defer(|cx| {
            cx.env().push(12);
            Ok(())
        });
        (outer, inner)
    };
    assert!(log.is_empty(), "nothing may run on A");
    assert_eq!(task.pending_records(), MOVED);
    *slot.lock().unwrap() = Some((task, outer, inner));
}

/// Thread A, after the handover: another task's frame on the same worker,
/// so that A refills (and the central list is shared) while B frees and
/// spills the moved records.
fn more_work_on_a(worker: &mut Worker, task: &mut T) {
    let mut log = Vec::new();
    {
        let mut cx = task.cx(worker, &mut log).expect("same pool");
        let f = cx.enter();
        for i in 0..3 {
            cx.defer(move |cx| {
                cx.env().push(100 + i);
                Ok(())
            });
        }
        cx.exit(f).expect("no panic");
    }
    assert_eq!(log, [102, 101, 100]);
}

/// Thread B: takes the task and finishes it with worker B.
fn finish_on_b(worker: &mut Worker, slot: &Slot) -> T {
    let (mut task, outer, inner) = loop {
        if let Some(t) = slot.lock().unwrap().take() {
            break t;
        }
        thread::yield_now();
    };
    assert_eq!(worker.cached(), 0);
    let mut log = Vec::new();
    {
        let mut cx = task.cx(worker, &mut log).expect("same pool");
        // The inner frame's body panics; its deferred calls (registered on
        // A) run here, and the middle one recovers.
        let u = cx.panic(7);
        assert_eq!(cx.unwind(inner, u), Ok(()), "recovered");
        cx.exit(outer).expect("no panic left");
    }
    assert_eq!(
        log,
        [12, 11, 10, 2, 1, 0],
        "calls ran out of order or not once"
    );
    assert_eq!(task.pending_records(), 0);
    assert_eq!(task.discarded_calls(), 0);
    assert!(!task.is_unwinding());
    // The six records came back to B's cache: it filled up, and the fifth
    // free spilled half of it.
    assert_eq!(worker.cached(), MOVED - BATCH);
    assert_eq!(worker.cached(), CACHE_CAP);
    task
}

fn migrate_model() {
    let pool = Pool::new();
    // Everything that clones the pool's Arc is made up front, so that the
    // threads' only shared-memory operations are the handover and the
    // pool's lock.
    let mut worker_a = Worker::new(&pool);
    let mut worker_b = Worker::new(&pool);
    let task = T::new(&pool);
    let mut other = T::new(&pool);
    let slot: Slot = Arc::new(Mutex::new(None));

    let slot_a = slot.clone();
    let a = thread::spawn(move || {
        register_on_a(&mut worker_a, task, &slot_a);
        more_work_on_a(&mut worker_a, &mut other);
        (worker_a, other)
    });
    let b = thread::spawn(move || {
        let task = finish_on_b(&mut worker_b, &slot);
        (worker_b, task)
    });
    let (worker_a, other) = a.join().unwrap();
    let (worker_b, task) = b.join().unwrap();
    drop((task, other));
    assert_balanced(&pool, &[&worker_a, &worker_b]);
    drop((worker_a, worker_b));
    let s = pool.stats();
    assert_eq!(s.carved, s.central_free);
}

#[test]
fn sendable_task_moves_to_another_worker() {
    check(
        "sendable_task_moves_to_another_worker",
        Bound::Exhaustive,
        migrate_model,
    );
}
