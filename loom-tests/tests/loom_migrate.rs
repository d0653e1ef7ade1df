#![cfg(loom)]
//! Model 2: a `Sendable` task registers its defers on worker A (thread A)
//! and is handed to thread B through an `Arc<Mutex<Option<..>>>`; there it
//! panics and recovers in its inner frame and leaves its outer frame with
//! worker B, then B runs more tasks. Meanwhile thread A keeps trading stack
//! chunks with the central pool for other tasks.
//!
//! Checks: every call ran exactly once, in LIFO order, on thread B; the
//! recover on B saw the panic raised on B; the migrated task's stack chunk,
//! taken through worker A, came home to worker B's cache when the stack
//! emptied there; both workers refill under the central lock meanwhile;
//! the pool's accounting balances.

use deferrt_core::{Frame, Pool, Sendable, Task, Worker};
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

/// More work on a worker: `tasks` each register a call in a frame (each
/// stack takes a chunk: past what the cache holds, a refill under the
/// central lock) and then leave it (each stack gives its chunk back).
fn more_work(worker: &mut Worker, tasks: &mut [T], tag: u32) {
    let mut logs: Vec<Vec<u32>> = vec![Vec::new(); tasks.len()];
    let mut frames = Vec::new();
    for (k, (task, log)) in tasks.iter_mut().zip(&mut logs).enumerate() {
        let mut cx = task.cx(worker, log).expect("same pool");
        let f = cx.enter();
        let v = tag + k as u32;
        cx.defer(move |cx| {
            cx.env().push(v);
            Ok(())
        });
        frames.push(f);
    }
    for ((task, log), f) in tasks.iter_mut().zip(&mut logs).zip(frames) {
        let mut cx = task.cx(worker, log).expect("same pool");
        cx.exit(f).expect("no panic");
        assert!(cx.release_stack());
    }
    for (k, log) in logs.iter().enumerate() {
        assert_eq!(log, &[tag + k as u32]);
    }
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
        // Released here, the stack's chunk goes to worker B.
        assert!(cx.release_stack());
    }
    assert_eq!(
        log,
        [12, 11, 10, 2, 1, 0],
        "calls ran out of order or not once"
    );
    assert_eq!(task.pending_records(), 0);
    assert_eq!(task.discarded_calls(), 0);
    assert!(!task.is_unwinding());
    // The stack's chunk, taken through worker A, came home to B's cache.
    assert_eq!(worker.cached(), 1);
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
    let mut others_a: Vec<T> = (0..2).map(|_| T::new(&pool)).collect();
    let mut others_b: Vec<T> = (0..2).map(|_| T::new(&pool)).collect();
    let slot: Slot = Arc::new(Mutex::new(None));

    let slot_a = slot.clone();
    let a = thread::spawn(move || {
        register_on_a(&mut worker_a, task, &slot_a);
        more_work(&mut worker_a, &mut others_a, 100);
        (worker_a, others_a)
    });
    let b = thread::spawn(move || {
        let task = finish_on_b(&mut worker_b, &slot);
        more_work(&mut worker_b, &mut others_b, 200);
        (worker_b, task, others_b)
    });
    let (worker_a, others_a) = a.join().unwrap();
    let (worker_b, task, others_b) = b.join().unwrap();
    drop((task, others_a, others_b));
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
