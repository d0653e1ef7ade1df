//! The worker threads: each pops a goroutine, runs it until it stops, and
//! hands it back according to the [`Stop`].

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::time::Duration;

use super::park::{Parked, Wake, NO_WORKER};
use super::queue::{Outcome, Queue};
use super::rng::Rng;
use super::sync::{lock, Arc, Mutex};

/// Why the machine's run function returned.
pub enum Stop<G, V> {
    /// Runnable again at once (`runtime.Gosched`, end of a time slice).
    Yield,
    /// Parked in this slot (returned by a blocking operation).
    Blocked(Arc<Parked<G, V>>),
    /// `time.Sleep(d)` with `d > 0`.
    Sleep(Duration),
    /// A goroutine of the run time standing for a timer sleeps `d`; it does
    /// not keep the program from a deadlock while nobody awaits it.
    Timer(Duration, super::queue::Awaited),
    /// The goroutine finished: it returned, or `runtime.Goexit` ended it.
    Done,
    /// `main` ended by `runtime.Goexit`: the program goes on while other
    /// goroutines run (and ends with Go's "no goroutines" fatal error when
    /// none is left, or the deadlock error if they all block).
    MainGoexit,
    /// The program ends: `main` returned (0), `os.Exit(code)`, an
    /// unrecovered panic or a fatal error (2, report already printed).
    Exit(i32),
}

/// What a worker lends the run function.
pub struct WorkerCx<'a, G, V> {
    /// This worker's number, `0..procs`.
    pub worker: u32,
    /// This worker's random numbers (`select`).
    pub rng: Rng,
    /// The scheduler.
    pub queue: &'a Queue<G, V>,
}

/// The machine's side of a worker: runs one goroutine until it stops. One
/// runner per worker thread (it owns the thread's `deferrt_core::Worker`).
pub trait Runner<G, V> {
    /// Runs goroutine `gid` (`g`), which was woken with `wake` if it had
    /// parked, until it stops.
    fn run(
        &mut self,
        cx: &mut WorkerCx<'_, G, V>,
        gid: u64,
        g: &mut G,
        wake: Option<Wake<V>>,
    ) -> Stop<G, V>;
}

/// The end of [`run`]: how the program ended, the goroutines still held
/// (drop them to run the machine's accounting of discarded work), the
/// runners (their workers' caches, for the accounting), and a run
/// function's Rust panic, if one ended it (resume it).
pub struct Ended<G, R> {
    /// How the program ended.
    pub outcome: Outcome,
    /// Goroutines left runnable, asleep or blocked.
    pub left: Vec<G>,
    /// The runners, in worker order (those whose thread ended normally).
    pub runners: Vec<R>,
    /// The payload of a run function's panic.
    pub panic: Option<Box<dyn std::any::Any + Send>>,
}

/// Runs the goroutines already spawned on `queue` with `procs` worker
/// threads (each with a stack of `stack_size` bytes, if given; with
/// `procs <= 1` the calling thread is the one worker, whatever its stack),
/// each with the runner `make(worker)` builds on its own thread and an
/// [`Rng`] seeded from `seed` and the worker's number, until the program
/// ends.
///
/// ```
/// use minigo::sched::{run, Outcome, Queue, Runner, Stop, Wake, WorkerCx};
/// // A goroutine that yields `n` times, then ends the program if it is main.
/// struct R;
/// impl Runner<u32, ()> for R {
///     fn run(&mut self, _: &mut WorkerCx<'_, u32, ()>, gid: u64, n: &mut u32, _: Option<Wake<()>>) -> Stop<u32, ()> {
///         if *n > 0 { *n -= 1; return Stop::Yield; }
///         if gid == 1 { Stop::Exit(0) } else { Stop::Done }
///     }
/// }
/// let q = Queue::new();
/// let main = q.next_gid();
/// q.spawn(main, 100);
/// let end = run(&q, 2, 7, None, |_| R);
/// assert_eq!(end.outcome, Outcome::Exit(0));
/// assert_eq!(q.started(), 1);
/// ```
pub fn run<G, V, R, F>(
    queue: &Queue<G, V>,
    procs: usize,
    seed: u64,
    stack_size: Option<usize>,
    make: F,
) -> Ended<G, R>
where
    G: Send,
    V: Send,
    R: Runner<G, V> + Send,
    F: Fn(u32) -> R + Sync,
{
    let panic: Mutex<Option<Box<dyn std::any::Any + Send>>> = Mutex::new(None);
    // One worker's whole life: its runner, its loop, its panic caught.
    let worker = |w: u32| {
        let mut runner = make(w);
        let mut cx = WorkerCx {
            worker: w,
            rng: Rng::new(seed ^ u64::from(w).wrapping_mul(0x9e37_79b9)),
            queue,
        };
        match catch_unwind(AssertUnwindSafe(|| work(&mut runner, &mut cx))) {
            Ok(()) => Some(runner),
            Err(p) => {
                lock(&panic).get_or_insert(p);
                queue.exit(Outcome::Panicked);
                None
            }
        }
    };
    let runners = if procs <= 1 {
        // One worker: the calling thread is it (a thread of its own would
        // only add its start-up and teardown to every run).
        worker(0).into_iter().collect()
    } else {
        std::thread::scope(|s| {
            let mut handles = Vec::new();
            for w in 0..procs as u32 {
                let worker = &worker;
                let mut builder = std::thread::Builder::new().name(format!("minigo-worker-{w}"));
                if let Some(n) = stack_size {
                    builder = builder.stack_size(n);
                }
                match builder.spawn_scoped(s, move || worker(w)) {
                    Ok(h) => handles.push(h),
                    Err(e) => {
                        lock(&panic).get_or_insert(Box::new(format!(
                            "minigo: cannot start a worker thread: {e}"
                        )));
                        queue.exit(Outcome::Panicked);
                    }
                }
            }
            handles
                .into_iter()
                .filter_map(|h| h.join().ok().flatten())
                .collect()
        })
    };
    let panic = lock(&panic).take();
    let outcome = queue.outcome().unwrap_or(Outcome::Panicked);
    Ended {
        outcome,
        left: queue.drain(),
        runners,
        panic,
    }
}

/// One worker's loop.
fn work<G, V, R: Runner<G, V>>(runner: &mut R, cx: &mut WorkerCx<'_, G, V>) {
    let q = cx.queue;
    while let Some(mut job) = q.pop(cx.worker) {
        if job.last_worker != cx.worker && job.last_worker != NO_WORKER {
            q.count_migration();
        }
        job.last_worker = cx.worker;
        let wake = job.wake.take();
        match runner.run(cx, job.gid, &mut job.g, wake) {
            Stop::Yield => q.stopped_runnable(job),
            Stop::Blocked(p) => Parked::park(&p, job, q),
            Stop::Sleep(d) => q.stopped_sleeping(job, d),
            Stop::Timer(d, awaited) => q.stopped_sleeping_while(job, d, awaited),
            Stop::Done => {
                drop(job);
                q.stopped_done();
            }
            Stop::MainGoexit => {
                drop(job);
                q.stopped_done();
            }
            Stop::Exit(code) => {
                q.exit(Outcome::Exit(code));
                // Counted as stopped so the counts stay whole; the
                // goroutine is dropped with the others at the end.
                q.stopped_runnable(job);
            }
        }
    }
}
