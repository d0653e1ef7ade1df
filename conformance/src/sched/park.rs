//! Parking a goroutine without lost wake-ups.
//!
//! A blocking operation (a channel op, `select`, a `sync` object), still
//! holding its object's lock, puts a fresh [`Parked`] on that object's wait
//! queue and makes the machine return `Stop::Blocked(parked)`; the worker
//! then hands the goroutine to the slot with [`Parked::park`]. A waker (another
//! goroutine's operation on the object, under the object's lock) calls
//! [`Parked::try_wake`]. The two can come in either order: **whoever comes
//! second moves the goroutine to the run queue** (the parker, if the wake-up
//! came first; the waker otherwise). The first successful `try_wake` claims
//! the slot for good: a `select` puts one `Parked` on the wait queue of every
//! case's channel, and the wakers that come later find it claimed and skip
//! it (such a stale entry is dropped by whoever meets it).
//!
//! Lock order, everywhere: object (channels in address order) → `Parked` →
//! run queue. The parker holds no object lock when it parks.

use super::queue::Queue;
use super::sync::{lock, Arc, Mutex};

/// A goroutine as the scheduler carries it: the machine's `G`, the result of
/// the operation that woke it, and where it last ran.
pub struct Job<G, V> {
    /// The goroutine's id (main is 1, as in Go).
    pub gid: u64,
    /// The machine's goroutine.
    pub g: G,
    /// What the blocking operation it parked in produced, if it parked.
    pub wake: Option<Wake<V>>,
    /// The worker it last ran on ([`NO_WORKER`] before its first run).
    pub last_worker: u32,
}

/// [`Job::last_worker`] of a goroutine that never ran.
pub const NO_WORKER: u32 = u32::MAX;

/// What a woken goroutine's blocking operation produced.
#[derive(Debug, PartialEq, Eq)]
pub struct Wake<V> {
    /// The `select` case that fired (0 for a plain operation).
    pub case: usize,
    /// The operation's result.
    pub what: Woken<V>,
}

/// The result of a blocking operation, as the waker delivers it.
#[derive(Debug, PartialEq, Eq)]
pub enum Woken<V> {
    /// A receive completed: `Some(v)` a value, `None` the channel was closed
    /// (the machine produces the element type's zero value and `ok == false`).
    Recv(Option<V>),
    /// A send completed: a receiver took the value.
    Sent,
    /// The channel was closed while a send waited: Go panics with
    /// `send on closed channel` in the sender.
    SendClosed,
    /// A lock was handed over, a `WaitGroup` reached zero, a `Once` finished,
    /// a timer fired.
    Ready,
}

struct Slot<G, V> {
    claimed: bool,
    job: Option<Job<G, V>>,
    wake: Option<Wake<V>>,
}

/// The meeting point of a parking goroutine and its waker (see the module
/// documentation).
///
/// ```
/// use minigo::sched::{Job, Parked, Queue, Wake, Woken, NO_WORKER};
/// let q: Queue<&str, i32> = Queue::new();
/// let p = Parked::new(2, "chan receive");
/// // The waker comes first: it claims the slot and leaves its result there.
/// assert!(p.try_wake(0, || Woken::Recv(Some(7)), &q));
/// assert!(!p.try_wake(1, || Woken::Recv(Some(8)), &q)); // later wakers lose
/// // The parker comes second and moves the goroutine to the run queue itself.
/// q.spawn(2, "g"); // (stands for the goroutine that is running now)
/// let job = q.pop(0).unwrap();
/// Parked::park(&p, job, &q);
/// let job = q.pop(0).unwrap();
/// assert_eq!(job.wake, Some(Wake { case: 0, what: Woken::Recv(Some(7)) }));
/// ```
pub struct Parked<G, V> {
    gid: u64,
    reason: &'static str,
    slot: Mutex<Slot<G, V>>,
}

impl<G, V> Parked<G, V> {
    /// A slot for goroutine `gid`, which will wait for `reason` (Go's wait
    /// reason, as a crash report prints it: `chan receive`, `select`, ...).
    pub fn new(gid: u64, reason: &'static str) -> Arc<Self> {
        Arc::new(Parked {
            gid,
            reason,
            slot: Mutex::new(Slot {
                claimed: false,
                job: None,
                wake: None,
            }),
        })
    }

    /// The goroutine waiting here.
    pub fn gid(&self) -> u64 {
        self.gid
    }

    /// Go's wait reason.
    pub fn reason(&self) -> &'static str {
        self.reason
    }

    /// True once a waker won the slot: its wait-queue entries are stale.
    pub fn is_claimed(&self) -> bool {
        lock(&self.slot).claimed
    }

    /// [`Parked::is_claimed`] if the slot's lock is free now; `None` if it
    /// is not (never blocks).
    pub fn try_claimed(&self) -> Option<bool> {
        self.slot.try_lock().ok().map(|s| s.claimed)
    }

    /// Wakes the goroutine with `case` and the result `what()` makes, unless
    /// another waker claimed the slot first (then `what` is not called and
    /// this returns false). If the goroutine is already parked here, it goes
    /// to the run queue now; otherwise its parker will put it there.
    pub fn try_wake(&self, case: usize, what: impl FnOnce() -> Woken<V>, q: &Queue<G, V>) -> bool {
        let mut s = lock(&self.slot);
        if s.claimed {
            return false;
        }
        s.claimed = true;
        let wake = Wake { case, what: what() };
        match s.job.take() {
            Some(mut job) => {
                job.wake = Some(wake);
                // Still holding the slot: the run queue's record of this
                // goroutine as blocked and its move to runnable are one step.
                q.unblock(self.gid, job);
            }
            None => s.wake = Some(wake),
        }
        true
    }

    /// Hands the stopped goroutine to the slot (the worker does this after
    /// the machine returned `Stop::Blocked`): if it was woken meanwhile it
    /// goes back to the run queue at once, otherwise it waits here and the
    /// run queue counts it as blocked.
    ///
    /// (An associated function, not a method: the slot is an `Arc` of the
    /// `sync` shim's, which may be loom's.)
    pub fn park(this: &Arc<Self>, mut job: Job<G, V>, q: &Queue<G, V>) {
        let mut s = lock(&this.slot);
        if s.claimed {
            job.wake = s.wake.take();
            q.stopped_woken(job);
        } else {
            s.job = Some(job);
            q.stopped_blocked(this.clone());
        }
    }

    /// Takes the goroutine out of a slot nobody will wake (the program is
    /// over), breaking the cycle goroutine → channel → wait queue → slot.
    pub(crate) fn take_job(&self) -> Option<Job<G, V>> {
        lock(&self.slot).job.take()
    }
}
