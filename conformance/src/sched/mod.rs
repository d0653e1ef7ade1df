//! The M:N scheduler of minigo's goroutines (ARCHITECTURE.md, "Scheduler"),
//! generic over the machine's goroutine `G` and value `V`.
//!
//! * [`Queue`]: the central run queue (`Mutex<VecDeque>` + `Condvar`), the
//!   counts behind deadlock detection and exit, the goroutine ids.
//! * [`run`]: `procs` worker threads; each pops a goroutine, lends it to the
//!   machine's [`Runner`] until it returns a [`Stop`], and counts a
//!   migration when it resumes on another worker than last time.
//! * [`Parked`]: parking without lost wake-ups (whoever comes second — the
//!   waker or the parker — moves the goroutine to the run queue).
//! * [`Chan`] and [`select`]: Go's channels; [`GoMutex`], [`GoRwMutex`],
//!   [`WaitGroup`], [`Once`]: the `sync` objects; [`Stop::Sleep`]: timers.
//!
//! Blocking operations never block a thread: they return [`Op::Block`], the
//! machine returns [`Stop::Blocked`] from its dispatch loop, and the worker
//! parks the goroutine. Go's panics come back as error values
//! ([`ChanError`], `&'static str` texts) for the machine to raise.

pub mod chan;
pub mod objects;
pub mod park;
pub mod queue;
pub mod rng;
pub mod sync;
pub mod worker;

#[cfg(test)]
mod tests;

pub use chan::{select, Case, Chan, ChanError, Op, Selected};
pub use objects::{GoMutex, GoRwMutex, Once, OnceStep, WaitGroup};
pub use park::{Job, Parked, Wake, Woken, NO_WORKER};
pub use queue::{Awaited, Outcome, Queue};
pub use rng::Rng;
pub use worker::{run, Ended, Runner, Stop, WorkerCx};

/// A goroutine of any machine, boxed: what minigo's run-time objects
/// (channels, locks, which live among the values and so cannot name the
/// machine's goroutine type) hold while it is parked. The machine downcasts
/// it when a worker runs it.
pub type AnyG = Box<dyn std::any::Any + Send>;

/// The worker count when neither `--procs` nor `GOMAXPROCS` says: the
/// machine's cores, as Go's default `GOMAXPROCS`.
///
/// ```
/// assert!(minigo::sched::default_procs() >= 1);
/// ```
pub fn default_procs() -> usize {
    std::thread::available_parallelism().map_or(1, std::num::NonZero::get)
}
