#![cfg(loom)]
//! Model 4: shutdown with records outstanding.
//!
//! Why this is safe by construction: a task's records live on its stack,
//! whose memory is a chunk carved from the `bumpalo` arena inside the
//! `Pool` (or a buffer the task owns), and that arena is freed only when
//! the `Pool` drops, i.e. when the last `Arc<Pool>` goes. Every holder of
//! chunks holds such an `Arc`: a `Worker` (its cache) and a `Task` (its
//! stack) each own one, and a `Task` can only be run through a `Worker` of
//! the same pool (`Task::cx` checks `Arc::ptr_eq`). So there is no way, in
//! safe code, to free the arena while a record is outstanding: dropping
//! "the pool" (the embedder's own `Arc`) and every worker still leaves the
//! pool alive for as long as a task holds a chunk, and `Task::drop` hands
//! its chunk back through its own `Arc` before that `Arc` (a field, dropped
//! after `Drop::drop` returns) lets go.
//!
//! The model: the main thread registers pending calls in two tasks on
//! worker A (each stack holds a chunk), then thread 1 drops the test's
//! `Arc<Pool>` and worker A while thread 2, concurrently, drops one task
//! with its calls still pending (the calls are discarded and the chunk goes
//! to the central pool through the task's own `Arc`) and leaves the other
//! task's frame with worker B (the calls run, the emptied stack gives its
//! chunk to B's cache). Afterwards worker B is the last holder of the pool:
//! the accounting balances with B's cache alone (no chunk leaked or was
//! counted twice), every closure was consumed exactly once, and dropping B
//! frees the pool; loom's leak check then confirms no
//! `Arc<Pool>` was leaked. (loom does not see use-after-free: memory is
//! not a loom object. `shutdown_std.rs` runs the same scenarios on std
//! threads so that Miri can check that; see README.md.)

use deferrt_core::{Pool, Sendable, Task, Worker, BATCH};
use deferrt_loom_tests::{check, Bound, DropTally};
use loom::sync::Arc;
use loom::thread;

type T = Task<Vec<u32>, u32, Sendable>;

fn shutdown_model() {
    let pool = Pool::new();
    let mut worker_a = Worker::new(&pool);
    let mut worker_b = Worker::new(&pool);
    let mut runs = T::new(&pool);
    let mut discarded = T::new(&pool);
    let mut extra = T::new(&pool);
    let tally = DropTally::new();

    // Three pending calls in `runs`, two in `discarded`, all on worker A.
    let mut env = Vec::new();
    let frame = {
        let mut cx = runs.cx(&mut worker_a, &mut env).expect("same pool");
        let f = cx.enter();
        for i in 0..3 {
            let g = tally.guard();
            cx.defer(move |cx| {
                let _g = g;
                cx.env().push(i);
                Ok(())
            });
        }
        f
    };
    {
        let mut cx = discarded.cx(&mut worker_a, &mut env).expect("same pool");
        let f = cx.enter();
        for i in 0..2 {
            let g = tally.guard();
            cx.defer(move |cx| {
                let _g = g;
                cx.env().push(20 + i);
                unreachable!("a call of a dropped task ran");
            });
        }
        // The frame is never left: its calls stay pending until the task
        // is dropped.
        let _ = f;
    }
    // A third task takes a chunk (a second refill) and gives it back, so
    // worker A's list holds chunks when it is dropped.
    {
        let mut cx = extra.cx(&mut worker_a, &mut env).expect("same pool");
        cx.call(|cx| {
            cx.defer(|_| Ok(()));
            Ok(())
        })
        .expect("no panic");
        assert!(cx.release_stack());
    }
    drop(extra);
    assert_eq!(
        (runs.pending_records(), discarded.pending_records()),
        (3, 2)
    );
    // Each task with pending calls holds one stack chunk.
    let cached_a = worker_a.cached();
    let carved = pool.stats().carved;
    assert_eq!(carved, 2 * BATCH);
    assert_eq!(cached_a, carved - 2);

    // Thread 1: the embedder shuts down: drops its pool handle and worker A
    // (whose cache goes back to the central pool).
    let t1 = thread::spawn(move || {
        drop(worker_a);
        drop(pool);
    });
    // Thread 2: still holds both tasks and worker B.
    let t2 = thread::spawn(move || {
        drop(discarded);
        let mut log = Vec::new();
        {
            let mut cx = runs.cx(&mut worker_b, &mut log).expect("same pool");
            cx.exit(frame).expect("no panic");
            // The emptied stack gives its chunk to worker B.
            assert!(cx.release_stack());
        }
        assert_eq!(log, [2, 1, 0], "calls ran out of order or not once");
        assert_eq!(worker_b.cached(), 1);
        drop(runs);
        worker_b
    });
    t1.join().unwrap();
    let worker_b = t2.join().unwrap();

    // Worker B is now the pool's only owner.
    assert_eq!(Arc::strong_count(worker_b.pool()), 1);
    let s = worker_b.pool().stats();
    assert_eq!(s.carved, carved, "no chunk carved after the setup");
    assert_eq!(
        worker_b.pool().held(),
        0,
        "a dropped task still counted as holding"
    );
    assert_eq!(
        s.carved,
        s.central_free + worker_b.cached(),
        "record accounting after shutdown: {s:?}, worker B caches {}",
        worker_b.cached()
    );
    // Worker A's cache, and the chunk of the dropped task.
    assert_eq!(s.central_free, cached_a + 1);
    assert_eq!(tally.dropped(), 5, "every closure consumed exactly once");
    // The last owner frees the pool and its arena here.
    drop(worker_b);
}

/// The same shutdown, but nothing outlives the task: thread 2 drops its
/// worker first and then the task with its calls still pending, so in the
/// executions where thread 1 is done by then, the task is the pool's last
/// owner. `Task::drop` must give its records back through its own `Arc`
/// and only then let the pool (and its arena) go. Nothing can read the
/// stats afterwards; the checks are that every closure was consumed exactly
/// once and loom's leak check (no `Arc<Pool>` left). `shutdown_std.rs` runs
/// this scenario on std threads, for Miri's use-after-free check.
fn task_is_last_owner_model() {
    let pool = Pool::new();
    let mut worker_a = Worker::new(&pool);
    let worker_b = Worker::new(&pool);
    let mut task = T::new(&pool);
    let tally = DropTally::new();
    let mut env = Vec::new();
    {
        let mut cx = task.cx(&mut worker_a, &mut env).expect("same pool");
        let f = cx.enter();
        for i in 0..3 {
            let g = tally.guard();
            cx.defer(move |cx| {
                let _g = g;
                cx.env().push(i);
                unreachable!("a call of a dropped task ran");
            });
        }
        let _ = f;
    }
    let t1 = thread::spawn(move || {
        drop(worker_a);
        drop(pool);
    });
    let t2 = thread::spawn(move || {
        drop(worker_b);
        assert_eq!(task.pending_records(), 3);
        drop(task);
    });
    t1.join().unwrap();
    t2.join().unwrap();
    assert_eq!(tally.dropped(), 3, "every closure dropped exactly once");
}

#[test]
fn shutdown_with_records_outstanding() {
    check(
        "shutdown_with_records_outstanding",
        Bound::Exhaustive,
        shutdown_model,
    );
}

#[test]
fn shutdown_task_is_last_owner() {
    check(
        "shutdown_task_is_last_owner",
        Bound::Exhaustive,
        task_is_last_owner_model,
    );
}
