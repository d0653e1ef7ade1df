#![cfg(loom)]
//! Model 3: two tasks panic at the same time on different workers. Each
//! task's deferred `recover` must see its own task's panic value, never the
//! other's; the rest of each frame's calls run once, in LIFO order, and both
//! tasks end with no panic in progress.
//!
//! Before the threads start, the main thread leaves the central pool with two
//! whole batches of stack chunks and some loose ones, so the threads'
//! refills take batches from the central pool. Each task's stack takes its
//! chunk at its first registration (a refill, from a fresh worker) and
//! writes its recovering call there; then two helper tasks on the same
//! worker take a chunk each (the second refills: a point where the other
//! thread can run) before the task registers two more calls and panics: a
//! chunk handed to both workers would have one task's records overwritten
//! by the other's, and the recovering call would see the wrong panic.

use deferrt_core::{Pool, Sendable, Task, Worker, CACHE_CAP};
use deferrt_loom_tests::{assert_balanced, check, Bound};
use loom::thread;

type T = Task<Vec<u32>, u32, Sendable>;

fn panic_and_recover(worker: &mut Worker, task: &mut T, helpers: &mut [T], id: u32) {
    let mut log = Vec::new();
    let f = {
        let mut cx = task.cx(worker, &mut log).expect("same pool");
        let f = cx.enter();
        cx.defer(move |cx| {
            let v = cx.recover();
            assert_eq!(v, Some(id), "task {id} recovered another task's panic");
            cx.env().push(id * 100);
            Ok(())
        });
        f
    };
    // Two helper tasks on the same worker take a chunk each: the second
    // refills from the central pool, a point where the other thread can run
    // between the recovering call's record being written and its being run.
    let mut hlog = Vec::new();
    let hframes: Vec<_> = helpers
        .iter_mut()
        .map(|h| {
            let mut cx = h.cx(worker, &mut hlog).expect("same pool");
            let g = cx.enter();
            cx.defer(move |cx| {
                cx.env().push(id);
                Ok(())
            });
            g
        })
        .collect();
    {
        let mut cx = task.cx(worker, &mut log).expect("same pool");
        for i in 1..3 {
            cx.defer(move |cx| {
                assert!(!cx.can_recover() || cx.task().is_unwinding());
                cx.env().push(id * 100 + i);
                Ok(())
            });
        }
        let u = cx.panic(id);
        assert_eq!(cx.unwind(f, u), Ok(()), "task {id}: recovered");
        assert!(cx.release_stack());
    }
    for (h, g) in helpers.iter_mut().zip(hframes) {
        let mut cx = h.cx(worker, &mut hlog).expect("same pool");
        cx.exit(g).expect("no panic");
        assert!(cx.release_stack());
    }
    assert_eq!(hlog, [id, id]);
    assert_eq!(log, [id * 100 + 2, id * 100 + 1, id * 100]);
    assert!(!task.is_unwinding());
    assert!(task.unwinding().is_none());
    assert_eq!(task.pending_records(), 0);
}

/// Leaves every chunk of `2 * CACHE_CAP` in the central pool: as many
/// tasks on a fresh worker each take a chunk (refills, carving) and give it
/// back (spills), and dropping the worker gives back its full cache.
fn warm_central(pool: &deferrt_core::Arc<Pool>) {
    let mut worker = Worker::new(pool);
    let mut tasks: Vec<Task<(), u32>> = (0..2 * CACHE_CAP).map(|_| Task::new(pool)).collect();
    let mut env = ();
    let mut frames = Vec::new();
    for task in &mut tasks {
        let mut cx = task.cx(&mut worker, &mut env).expect("same pool");
        let f = cx.enter();
        cx.defer(|_| Ok(()));
        frames.push(f);
    }
    for (task, f) in tasks.iter_mut().zip(frames) {
        let mut cx = task.cx(&mut worker, &mut env).expect("same pool");
        cx.exit(f).expect("no panic");
        assert!(cx.release_stack());
    }
    drop((tasks, worker));
    let s = pool.stats();
    assert_eq!((s.carved, s.central_free), (2 * CACHE_CAP, 2 * CACHE_CAP));
}

fn panics_model() {
    let pool = Pool::new();
    warm_central(&pool);
    let handles: Vec<_> = (1..=2)
        .map(|id| {
            let mut worker = Worker::new(&pool);
            let mut task = T::new(&pool);
            let mut helpers = [T::new(&pool), T::new(&pool)];
            thread::spawn(move || {
                panic_and_recover(&mut worker, &mut task, &mut helpers, id);
                (worker, task)
            })
        })
        .collect();
    let done: Vec<(Worker, T)> = handles.into_iter().map(|h| h.join().unwrap()).collect();
    let workers: Vec<&Worker> = done.iter().map(|(w, _)| w).collect();
    assert_balanced(&pool, &workers);
}

#[test]
fn concurrent_panics_recover_their_own_value() {
    check(
        "concurrent_panics_recover_their_own_value",
        Bound::Exhaustive,
        panics_model,
    );
}
