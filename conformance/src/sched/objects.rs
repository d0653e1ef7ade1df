//! Go's `sync.Mutex`, `sync.RWMutex`, `sync.WaitGroup` and `sync.Once` as
//! runtime objects: each a `Mutex<state>` with its own FIFO wait queue of
//! [`Parked`] slots. They block goroutines, never worker threads: an
//! operation that must wait returns [`Op::Block`] and the machine parks.
//!
//! A released lock is handed to the first waiter directly (the waiter
//! resumes owning it), which is Go's starvation mode; which goroutine gets a
//! contended lock is not something a Go program can rely on, and handing
//! over avoids waking a goroutine only to make it wait again.

use std::collections::VecDeque;

use super::chan::Op;
use super::park::{Parked, Woken};
use super::queue::Queue;
use super::sync::{lock, Arc, Mutex};

type Waiters<G, V> = VecDeque<Arc<Parked<G, V>>>;

/// Wakes the first waiter that is still waiting; false if there is none.
fn wake_one<G, V>(w: &mut Waiters<G, V>, q: &Queue<G, V>) -> bool {
    while let Some(p) = w.pop_front() {
        if p.try_wake(0, || Woken::Ready, q) {
            return true;
        }
    }
    false
}

/// Wakes every waiter; returns how many were woken.
fn wake_all<G, V>(w: &mut Waiters<G, V>, q: &Queue<G, V>) -> usize {
    std::mem::take(w)
        .into_iter()
        .filter(|p| p.try_wake(0, || Woken::Ready, q))
        .count()
}

struct MutexState<G, V> {
    locked: bool,
    waiters: Waiters<G, V>,
}

/// `sync.Mutex`.
///
/// ```
/// use minigo::sched::{GoMutex, Op, Queue};
/// let q: Queue<(), ()> = Queue::new();
/// let mu = GoMutex::new();
/// assert!(matches!(mu.lock(1, &q), Op::Done(())));
/// assert!(!mu.try_lock());
/// assert!(matches!(mu.lock(2, &q), Op::Block(_))); // goroutine 2 would park
/// mu.unlock(&q).unwrap();                            // ... and now owns it
/// mu.unlock(&q).unwrap();
/// assert_eq!(mu.unlock(&q), Err("sync: unlock of unlocked mutex"));
/// ```
pub struct GoMutex<G, V> {
    st: Mutex<MutexState<G, V>>,
}

impl<G, V> Default for GoMutex<G, V> {
    fn default() -> Self {
        Self::new()
    }
}

impl<G, V> GoMutex<G, V> {
    /// An unlocked mutex (Go's zero value).
    pub fn new() -> Self {
        GoMutex {
            st: Mutex::new(MutexState {
                locked: false,
                waiters: VecDeque::new(),
            }),
        }
    }

    /// `mu.Lock()` by goroutine `gid` (wait reason `sync.Mutex.Lock`).
    pub fn lock(&self, gid: u64, _q: &Queue<G, V>) -> Op<G, V, ()> {
        let mut st = lock(&self.st);
        if !st.locked {
            st.locked = true;
            return Op::Done(());
        }
        let p = Parked::new(gid, "sync.Mutex.Lock");
        st.waiters.push_back(p.clone());
        Op::Block(p)
    }

    /// `mu.TryLock()`.
    pub fn try_lock(&self) -> bool {
        let mut st = lock(&self.st);
        !std::mem::replace(&mut st.locked, true)
    }

    /// `mu.Unlock()`: hands the lock to the first waiter, if any. `Err` is
    /// Go's fatal error text (not a panic: `recover` cannot stop it).
    pub fn unlock(&self, q: &Queue<G, V>) -> Result<(), &'static str> {
        let mut st = lock(&self.st);
        if !st.locked {
            return Err("sync: unlock of unlocked mutex");
        }
        if !wake_one(&mut st.waiters, q) {
            st.locked = false;
        }
        Ok(())
    }
}

struct RwState<G, V> {
    readers: usize,
    writer: bool,
    readq: Waiters<G, V>,
    writeq: Waiters<G, V>,
}

/// `sync.RWMutex`: a waiting writer keeps new readers out (as Go's does);
/// `Unlock` lets every waiting reader in before the next writer.
///
/// ```
/// use minigo::sched::{GoRwMutex, Op, Queue};
/// let q: Queue<(), ()> = Queue::new();
/// let rw = GoRwMutex::new();
/// assert!(matches!(rw.rlock(1, &q), Op::Done(())));
/// assert!(matches!(rw.rlock(2, &q), Op::Done(())));
/// assert!(matches!(rw.lock(3, &q), Op::Block(_)));  // waits for both readers
/// assert!(matches!(rw.rlock(4, &q), Op::Block(_))); // held back by the waiting writer
/// assert_eq!(rw.unlock(&q), Err("sync: Unlock of unlocked RWMutex"));
/// ```
pub struct GoRwMutex<G, V> {
    st: Mutex<RwState<G, V>>,
}

impl<G, V> Default for GoRwMutex<G, V> {
    fn default() -> Self {
        Self::new()
    }
}

impl<G, V> GoRwMutex<G, V> {
    /// An unlocked RWMutex.
    pub fn new() -> Self {
        GoRwMutex {
            st: Mutex::new(RwState {
                readers: 0,
                writer: false,
                readq: VecDeque::new(),
                writeq: VecDeque::new(),
            }),
        }
    }

    /// `rw.RLock()` (wait reason `sync.RWMutex.RLock`).
    pub fn rlock(&self, gid: u64, _q: &Queue<G, V>) -> Op<G, V, ()> {
        let mut st = lock(&self.st);
        if !st.writer && st.writeq.is_empty() {
            st.readers += 1;
            return Op::Done(());
        }
        let p = Parked::new(gid, "sync.RWMutex.RLock");
        st.readq.push_back(p.clone());
        Op::Block(p)
    }

    /// `rw.RUnlock()`; `Err` is Go's fatal error text.
    pub fn runlock(&self, q: &Queue<G, V>) -> Result<(), &'static str> {
        let mut st = lock(&self.st);
        if st.readers == 0 {
            return Err("sync: RUnlock of unlocked RWMutex");
        }
        st.readers -= 1;
        if st.readers == 0 && wake_one(&mut st.writeq, q) {
            st.writer = true;
        }
        Ok(())
    }

    /// `rw.Lock()` (wait reason `sync.RWMutex.Lock`).
    pub fn lock(&self, gid: u64, _q: &Queue<G, V>) -> Op<G, V, ()> {
        let mut st = lock(&self.st);
        if !st.writer && st.readers == 0 {
            st.writer = true;
            return Op::Done(());
        }
        let p = Parked::new(gid, "sync.RWMutex.Lock");
        st.writeq.push_back(p.clone());
        Op::Block(p)
    }

    /// `rw.TryLock()`.
    pub fn try_lock(&self) -> bool {
        let mut st = lock(&self.st);
        if st.writer || st.readers > 0 {
            return false;
        }
        st.writer = true;
        true
    }

    /// `rw.Unlock()`; `Err` is Go's fatal error text.
    pub fn unlock(&self, q: &Queue<G, V>) -> Result<(), &'static str> {
        let mut st = lock(&self.st);
        if !st.writer {
            return Err("sync: Unlock of unlocked RWMutex");
        }
        st.writer = false;
        let n = wake_all(&mut st.readq, q);
        st.readers += n;
        if n == 0 && wake_one(&mut st.writeq, q) {
            st.writer = true;
        }
        Ok(())
    }
}

struct WgState<G, V> {
    count: i64,
    waiters: Waiters<G, V>,
}

/// `sync.WaitGroup`.
///
/// ```
/// use minigo::sched::{Op, Queue, WaitGroup};
/// let q: Queue<(), ()> = Queue::new();
/// let wg = WaitGroup::new();
/// wg.add(1, &q).unwrap();
/// assert!(matches!(wg.wait(1, &q), Op::Block(_)));
/// wg.add(-1, &q).unwrap(); // wg.Done(): the waiter is woken
/// assert!(matches!(wg.wait(1, &q), Op::Done(())));
/// assert_eq!(wg.add(-1, &q), Err("sync: negative WaitGroup counter"));
/// ```
pub struct WaitGroup<G, V> {
    st: Mutex<WgState<G, V>>,
}

impl<G, V> Default for WaitGroup<G, V> {
    fn default() -> Self {
        Self::new()
    }
}

impl<G, V> WaitGroup<G, V> {
    /// A WaitGroup at zero.
    pub fn new() -> Self {
        WaitGroup {
            st: Mutex::new(WgState {
                count: 0,
                waiters: VecDeque::new(),
            }),
        }
    }

    /// `wg.Add(delta)` (`wg.Done()` is `add(-1)`): at zero, every waiter is
    /// woken. `Err` is Go's panic text (a recoverable panic; the counter
    /// keeps its negative value, as Go's does).
    pub fn add(&self, delta: i64, q: &Queue<G, V>) -> Result<(), &'static str> {
        let mut st = lock(&self.st);
        st.count += delta;
        if st.count < 0 {
            return Err("sync: negative WaitGroup counter");
        }
        if st.count == 0 {
            wake_all(&mut st.waiters, q);
        }
        Ok(())
    }

    /// `wg.Wait()` (wait reason `sync.WaitGroup.Wait`).
    pub fn wait(&self, gid: u64, _q: &Queue<G, V>) -> Op<G, V, ()> {
        let mut st = lock(&self.st);
        if st.count == 0 {
            return Op::Done(());
        }
        let p = Parked::new(gid, "sync.WaitGroup.Wait");
        st.waiters.push_back(p.clone());
        Op::Block(p)
    }
}

struct OnceState<G, V> {
    done: bool,
    running: bool,
    waiters: Waiters<G, V>,
}

/// What `once.Do(f)` must do now.
pub enum OnceStep<G, V> {
    /// `f` already ran: return.
    Done,
    /// This goroutine runs `f`, then calls [`Once::finish`] whether `f`
    /// returned or panicked (Go marks the `Once` done in a deferred call).
    Run,
    /// Another goroutine is running `f`: park (Go's wait reason is
    /// `sync.Mutex.Lock`, the `Once`'s internal mutex); when woken, return.
    Block(Arc<Parked<G, V>>),
}

/// `sync.Once`.
///
/// ```
/// use minigo::sched::{Once, OnceStep, Queue};
/// let q: Queue<(), ()> = Queue::new();
/// let once = Once::new();
/// assert!(matches!(once.begin(1), OnceStep::Run));
/// assert!(matches!(once.begin(2), OnceStep::Block(_)));
/// once.finish(&q);
/// assert!(matches!(once.begin(3), OnceStep::Done));
/// ```
pub struct Once<G, V> {
    st: Mutex<OnceState<G, V>>,
}

impl<G, V> Default for Once<G, V> {
    fn default() -> Self {
        Self::new()
    }
}

impl<G, V> Once<G, V> {
    /// A `Once` that has not run.
    pub fn new() -> Self {
        Once {
            st: Mutex::new(OnceState {
                done: false,
                running: false,
                waiters: VecDeque::new(),
            }),
        }
    }

    /// The start of `once.Do(f)` by goroutine `gid`. A goroutine that calls
    /// `Do` on the same `Once` from inside `f` blocks forever, as in Go.
    pub fn begin(&self, gid: u64) -> OnceStep<G, V> {
        let mut st = lock(&self.st);
        if st.done {
            return OnceStep::Done;
        }
        if !st.running {
            st.running = true;
            return OnceStep::Run;
        }
        let p = Parked::new(gid, "sync.Mutex.Lock");
        st.waiters.push_back(p.clone());
        OnceStep::Block(p)
    }

    /// `f` returned or panicked: the `Once` is done, waiters go on.
    pub fn finish(&self, q: &Queue<G, V>) {
        let mut st = lock(&self.st);
        st.done = true;
        st.running = false;
        wake_all(&mut st.waiters, q);
    }
}
