//! The run queue and the counts behind deadlock detection and exit.
//!
//! One central `Mutex<VecDeque<Job>>` with a `Condvar` for idle workers (the
//! design's first choice; work stealing only if a measurement shows this
//! lock). The same lock keeps the counts, so each goroutine is, at every
//! moment, in exactly one of: the run queue, running on a worker, blocked
//! (registered by its `Parked` slot, by goroutine id), or asleep on a timer.
//! Then "nothing runnable, nothing running, no timer" is a snapshot taken
//! under one lock, and it is final: only a running goroutine or a timer can
//! wake a blocked one.

use std::cmp::Ordering as CmpOrdering;
use std::collections::{BTreeMap, BinaryHeap, VecDeque};
use std::time::{Duration, Instant};

use super::park::{Job, Parked, NO_WORKER};
use super::sync::{lock, Arc, AtomicBool, AtomicU64, Condvar, Mutex, MutexGuard, Ordering};

/// How a run of the scheduler ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// A goroutine ended the program: `main` returned (0), `os.Exit(code)`,
    /// or an unrecovered panic (2; the machine printed the report).
    Exit(i32),
    /// Every goroutine is blocked and no timer is pending: Go's
    /// `fatal error: all goroutines are asleep - deadlock!`. `first` is the
    /// blocked goroutine a crash report lists first (the lowest id) with
    /// its wait reason.
    Deadlock {
        /// `(goroutine id, wait reason)`.
        first: Option<(u64, &'static str)>,
    },
    /// `main` ended by `runtime.Goexit` and every other goroutine finished:
    /// `fatal error: no goroutines (main called runtime.Goexit) - deadlock!`.
    NoGoroutines,
    /// A worker's run function panicked (a bug in the machine).
    Panicked,
}

struct Timer<G, V> {
    at: Instant,
    seq: u64,
    job: Job<G, V>,
    /// For a timer of the run time (Go's channel timers): whether a
    /// goroutine waits for it. One nobody waits for does not keep the
    /// program from a deadlock (Go 1.23's timers are in the heap only while
    /// a receiver is blocked on their channel).
    awaited: Option<Awaited>,
}

/// Whether a run-time timer is awaited (see [`Queue::stopped_sleeping_while`]).
pub type Awaited = Box<dyn Fn() -> bool + Send>;

impl<G, V> PartialEq for Timer<G, V> {
    fn eq(&self, o: &Self) -> bool {
        (self.at, self.seq) == (o.at, o.seq)
    }
}
impl<G, V> Eq for Timer<G, V> {}
impl<G, V> PartialOrd for Timer<G, V> {
    fn partial_cmp(&self, o: &Self) -> Option<CmpOrdering> {
        Some(self.cmp(o))
    }
}
impl<G, V> Ord for Timer<G, V> {
    /// Reversed: `BinaryHeap` is a max-heap, the earliest timer must be on top.
    fn cmp(&self, o: &Self) -> CmpOrdering {
        (o.at, o.seq).cmp(&(self.at, self.seq))
    }
}

struct State<G, V> {
    runq: VecDeque<Job<G, V>>,
    /// One worker only (`Queue::set_one_p`): Go's `runnext` slot of its
    /// one P, where a new goroutine and a woken one go (the one there
    /// before moves to the tail of `runq`, the P's local queue).
    next: Option<Job<G, V>>,
    /// One worker only: Go's global run queue, where `runtime.Gosched` and
    /// the end of a time slice put a goroutine.
    global: VecDeque<Job<G, V>>,
    /// One worker only: Go's `schedtick` (goroutines started from the
    /// local or global queue): every 61st start takes the global queue's
    /// first, so yielded goroutines are not starved.
    ticks: u64,
    /// Go's scheduling with one P: set with one worker, or when the
    /// program sets `runtime.GOMAXPROCS(1)` (then, on several workers, a
    /// goroutine starts only when none runs).
    one_p: bool,
    running: usize,
    live: usize,
    blocked: BTreeMap<u64, Arc<Parked<G, V>>>,
    timers: BinaryHeap<Timer<G, V>>,
    timer_seq: u64,
    idle: usize,
    hidden: usize,
    end: Option<Outcome>,
}

/// The run queue, the goroutine counts and the program's end (see the
/// module documentation).
///
/// ```
/// use minigo::sched::{Outcome, Queue};
/// let q: Queue<&str, ()> = Queue::new();
/// q.spawn(1, "main");
/// let main = q.pop(0).unwrap();
/// assert_eq!((main.gid, main.g), (1, "main"));
/// assert_eq!(q.num_goroutine(), 1);
/// q.stopped_done(); // main finished without exiting: nothing left to run
/// assert!(q.pop(0).is_none());
/// assert_eq!(q.outcome(), Some(Outcome::NoGoroutines));
/// ```
pub struct Queue<G, V> {
    st: Mutex<State<G, V>>,
    cv: Condvar,
    exiting: AtomicBool,
    next_gid: AtomicU64,
    started: AtomicU64,
    migrations: AtomicU64,
}

impl<G, V> Default for Queue<G, V> {
    fn default() -> Self {
        Self::new()
    }
}

impl<G, V> Queue<G, V> {
    /// An empty queue; the first [`Queue::next_gid`] is 1.
    pub fn new() -> Self {
        Queue {
            st: Mutex::new(State {
                runq: VecDeque::new(),
                next: None,
                global: VecDeque::new(),
                ticks: 1,
                one_p: false,
                running: 0,
                live: 0,
                blocked: BTreeMap::new(),
                timers: BinaryHeap::new(),
                timer_seq: 0,
                idle: 0,
                hidden: 0,
                end: None,
            }),
            cv: Condvar::new(),
            exiting: AtomicBool::new(false),
            next_gid: AtomicU64::new(1),
            started: AtomicU64::new(0),
            migrations: AtomicU64::new(0),
        }
    }

    /// Schedules as Go does with `GOMAXPROCS=1` (with one worker, or after
    /// the program's `runtime.GOMAXPROCS(1)`: then one goroutine runs at a
    /// time, whatever the number of workers): a new goroutine and one woken by
    /// another (a channel operation, a `sync` object, a timer) go to the
    /// `runnext` slot and run as soon as the running goroutine stops, the
    /// one there before going to the tail of the local queue; a goroutine
    /// that yields goes to the global queue, which runs when the local one
    /// is empty (and once every 61 starts). Go's local queue holds 256: a
    /// goroutine put in a full one goes to the global queue with the
    /// first half of the local one.
    ///
    /// ```
    /// use minigo::sched::Queue;
    /// let q: Queue<&str, ()> = Queue::new();
    /// q.set_one_p(true);
    /// q.spawn(1, "main");
    /// let main = q.pop(0).unwrap();
    /// q.spawn(2, "a");
    /// q.spawn(3, "b");
    /// q.spawn(4, "c");
    /// q.stopped_runnable(main); // runtime.Gosched() in main
    /// let order: Vec<&str> = (0..4).map(|_| {
    ///     let j = q.pop(0).unwrap();
    ///     q.stopped_done();
    ///     j.g
    /// }).collect();
    /// assert_eq!(order, ["c", "a", "b", "main"]);
    /// ```
    pub fn set_one_p(&self, on: bool) {
        let mut st = lock(&self.st);
        if st.one_p && !on {
            // Back to one queue: runnext first, then the local and the
            // global queues.
            let mut all: VecDeque<_> = st.next.take().into_iter().collect();
            all.append(&mut st.runq);
            all.append(&mut st.global);
            st.runq = all;
            self.cv.notify_all();
        }
        st.one_p = on;
    }

    /// A fresh goroutine id: 1 for the first call (main), then 2, 3, ...
    pub fn next_gid(&self) -> u64 {
        self.next_gid.fetch_add(1, Ordering::Relaxed)
    }

    /// Adds a new goroutine `g` (Go's `go` statement) to the run queue.
    pub fn spawn(&self, gid: u64, g: G) {
        self.started.fetch_add(1, Ordering::Relaxed);
        let mut st = lock(&self.st);
        st.live += 1;
        self.ready(
            &mut st,
            Job {
                gid,
                g,
                wake: None,
                last_worker: NO_WORKER,
            },
        );
    }

    fn push(&self, st: &mut MutexGuard<'_, State<G, V>>, job: Job<G, V>) {
        if st.one_p {
            st.global.push_back(job);
        } else {
            st.runq.push_back(job);
        }
        if st.idle > 0 {
            self.cv.notify_one();
        }
    }

    /// A new or woken goroutine (Go's `runqput(pp, gp, next=true)` with one
    /// P, else the tail of the run queue).
    fn ready(&self, st: &mut MutexGuard<'_, State<G, V>>, job: Job<G, V>) {
        if !st.one_p {
            return self.push(st, job);
        }
        if let Some(old) = st.next.replace(job) {
            const LOCAL: usize = 256;
            if st.runq.len() >= LOCAL {
                // runqputslow: half of the local queue, then the
                // goroutine, to the global queue.
                let half: Vec<_> = st.runq.drain(..LOCAL / 2).collect();
                st.global.extend(half);
                st.global.push_back(old);
            } else {
                st.runq.push_back(old);
            }
        }
        if st.idle > 0 {
            self.cv.notify_one();
        }
    }

    /// The next goroutine to start, as Go's `schedule` picks it with one P.
    fn take(st: &mut State<G, V>) -> Option<Job<G, V>> {
        if !st.one_p {
            return st.runq.pop_front();
        }
        if st.ticks.is_multiple_of(61) && !st.global.is_empty() {
            st.ticks += 1;
            return st.global.pop_front();
        }
        if let Some(j) = st.next.take() {
            return Some(j);
        }
        if st.runq.is_empty() && !st.global.is_empty() {
            // globrunqget: the global queue moves to the local one (up to
            // half of its capacity).
            let n = st.global.len().min(128);
            let batch: Vec<_> = st.global.drain(..n).collect();
            st.runq.extend(batch);
        }
        let j = st.runq.pop_front();
        if j.is_some() {
            st.ticks += 1;
        }
        j
    }

    /// The next runnable goroutine for `worker`, waiting while others run or
    /// sleep; `None` once the program is over ([`Queue::outcome`] says how).
    /// The caller owns the job until it hands it back with one of the
    /// `stopped_*` methods (or [`Parked::park`]).
    pub fn pop(&self, worker: u32) -> Option<Job<G, V>> {
        let _ = worker;
        let mut st = lock(&self.st);
        loop {
            if st.end.is_some() {
                return None;
            }
            let now = if st.timers.is_empty() {
                None
            } else {
                Some(Instant::now())
            };
            if let Some(now) = now {
                while st.timers.peek().is_some_and(|t| t.at <= now) {
                    if let Some(t) = st.timers.pop() {
                        self.ready(&mut st, t.job);
                    }
                }
            }
            // With one P, one goroutine at a time: the worker that stops
            // the running one starts the next.
            let turn = !st.one_p || st.running == 0;
            if let Some(job) = turn.then(|| Self::take(&mut st)).flatten() {
                st.running += 1;
                return Some(job);
            }
            // (The predicates run only when nothing runs: no goroutine
            // then holds an object's or a slot's lock.)
            if st.running == 0
                && !st
                    .timers
                    .iter()
                    .any(|t| t.awaited.as_ref().is_none_or(|a| a()))
            {
                // (The run time's own goroutines, timers, are not counted.)
                let out = if st.live <= st.hidden {
                    Outcome::NoGoroutines
                } else {
                    let first = st.blocked.values().next().map(|p| (p.gid(), p.reason()));
                    Outcome::Deadlock { first }
                };
                self.end(&mut st, out);
                return None;
            }
            st.idle += 1;
            st = match (st.timers.peek().map(|t| t.at), now) {
                (Some(at), Some(now)) => self.wait_timeout(st, at.saturating_duration_since(now)),
                _ => self
                    .cv
                    .wait(st)
                    .unwrap_or_else(std::sync::PoisonError::into_inner),
            };
            st.idle -= 1;
        }
    }

    fn wait_timeout<'a>(
        &self,
        st: MutexGuard<'a, State<G, V>>,
        d: Duration,
    ) -> MutexGuard<'a, State<G, V>> {
        match self.cv.wait_timeout(st, d) {
            Ok((g, _)) => g,
            Err(p) => p.into_inner().0,
        }
    }

    fn end(&self, st: &mut State<G, V>, out: Outcome) {
        if st.end.is_none() {
            st.end = Some(out);
            self.exiting.store(true, Ordering::Release);
        }
        self.cv.notify_all();
    }

    /// The running goroutine stopped and can run again (`runtime.Gosched`,
    /// the end of its time slice, or woken before it parked): to the tail.
    pub fn stopped_runnable(&self, job: Job<G, V>) {
        let mut st = lock(&self.st);
        st.running -= 1;
        self.push(&mut st, job);
    }

    /// The running goroutine parked in `p` (called by [`Parked::park`] with
    /// the slot locked).
    pub(crate) fn stopped_blocked(&self, p: Arc<Parked<G, V>>) {
        let mut st = lock(&self.st);
        st.running -= 1;
        st.blocked.insert(p.gid(), p);
    }

    /// A blocked goroutine was woken (called by [`Parked::try_wake`] with
    /// the slot locked).
    pub(crate) fn unblock(&self, gid: u64, job: Job<G, V>) {
        let mut st = lock(&self.st);
        st.blocked.remove(&gid);
        self.ready(&mut st, job);
    }

    /// The running goroutine was woken before it parked: runnable again
    /// (as if woken after: Go's `ready`).
    pub(crate) fn stopped_woken(&self, job: Job<G, V>) {
        let mut st = lock(&self.st);
        st.running -= 1;
        self.ready(&mut st, job);
    }

    /// The running goroutine sleeps for `d` (`time.Sleep`): it runs again
    /// once `d` has passed, and counts as not deadlocked meanwhile.
    pub fn stopped_sleeping(&self, job: Job<G, V>, d: Duration) {
        self.sleep(job, d, None);
    }

    /// Like [`Queue::stopped_sleeping`], for a goroutine of the run time
    /// that stands for a timer: while `awaited()` is false (nobody waits for
    /// the timer), it does not keep the others from a deadlock. `awaited` is
    /// called under the queue's lock when nothing runs; it must not block.
    pub fn stopped_sleeping_while(&self, job: Job<G, V>, d: Duration, awaited: Awaited) {
        self.sleep(job, d, Some(awaited));
    }

    fn sleep(&self, job: Job<G, V>, d: Duration, awaited: Option<Awaited>) {
        let at = Instant::now() + d;
        let mut st = lock(&self.st);
        st.running -= 1;
        st.timer_seq += 1;
        let seq = st.timer_seq;
        st.timers.push(Timer {
            at,
            seq,
            job,
            awaited,
        });
        // An idle worker may be waiting without a timeout, or for a later
        // timer: let it recompute.
        if st.idle > 0 {
            self.cv.notify_one();
        }
    }

    /// The running goroutine finished (returned, or `runtime.Goexit` in a
    /// goroutine other than main; also main after Goexit).
    pub fn stopped_done(&self) {
        let mut st = lock(&self.st);
        st.running -= 1;
        st.live -= 1;
    }

    /// Ends the program with `out` (main returned, `os.Exit`, a fatal
    /// panic): workers stop at their next [`Queue::pop`] (the machine also
    /// checks [`Queue::is_exiting`] at its budget checks); the first end wins.
    pub fn exit(&self, out: Outcome) {
        let mut st = lock(&self.st);
        self.end(&mut st, out);
    }

    /// True once the program is over: running goroutines should stop.
    pub fn is_exiting(&self) -> bool {
        self.exiting.load(Ordering::Acquire)
    }

    /// How the program ended, once it has.
    pub fn outcome(&self) -> Option<Outcome> {
        lock(&self.st).end
    }

    /// Live goroutines (`runtime.NumGoroutine`): running, runnable, blocked
    /// or asleep, less the hidden ones.
    pub fn num_goroutine(&self) -> usize {
        let st = lock(&self.st);
        st.live.saturating_sub(st.hidden)
    }

    /// Counts `n` more (or, negative, fewer) of the live goroutines as the
    /// run time's own: [`Queue::num_goroutine`] leaves them out.
    pub fn hide(&self, n: isize) {
        let mut st = lock(&self.st);
        st.hidden = st.hidden.saturating_add_signed(n);
    }

    /// Whether a goroutine is waiting to run (a running one may yield to it).
    pub fn has_runnable(&self) -> bool {
        let st = lock(&self.st);
        !st.runq.is_empty() || st.next.is_some() || !st.global.is_empty()
    }

    /// Goroutines started so far (main included).
    pub fn started(&self) -> u64 {
        self.started.load(Ordering::Relaxed)
    }

    /// Times a goroutine resumed on another worker than the one it last ran on.
    pub fn migrations(&self) -> u64 {
        self.migrations.load(Ordering::Relaxed)
    }

    pub(crate) fn count_migration(&self) {
        self.migrations.fetch_add(1, Ordering::Relaxed);
    }

    /// After the workers stopped: every goroutine still held (runnable,
    /// asleep, or parked where nobody will wake it), taken out of its slot
    /// so that dropping it breaks the cycle goroutine → channel → slot.
    pub fn drain(&self) -> Vec<G> {
        let (runq, timers, blocked) = {
            let mut st = lock(&self.st);
            let next = st.next.take();
            let global = std::mem::take(&mut st.global);
            st.runq.extend(next);
            st.runq.extend(global);
            (
                std::mem::take(&mut st.runq),
                std::mem::take(&mut st.timers),
                std::mem::take(&mut st.blocked),
            )
        };
        let mut out: Vec<G> = runq.into_iter().map(|j| j.g).collect();
        out.extend(timers.into_iter().map(|t| t.job.g));
        out.extend(blocked.values().filter_map(|p| p.take_job()).map(|j| j.g));
        out
    }
}
