//! Tasks, frames, the defer chain and the panic/recover/Goexit state machine.
//!
//! This module is to deferrt what `runtime/panic.go` is to Go: `defer` is
//! `deferproc`, [`Cx::exit`] is `deferreturn`, [`Cx::unwind`] plus
//! [`Cx::finish`] are `gopanic`'s loop over `(*_panic).nextDefer`, and
//! [`Cx::recover`] is `gorecover`. The comments next to each step say why it
//! is there; most of them are lessons Go learned the hard way.
//!
//! # State
//!
//! A [`Task`] is plain data: the chain of pending records (newest first), the
//! current frame depth, and the panic stack. Frames are numbered by depth:
//! entering one increments `depth`, leaving it decrements. A record is
//! tagged with the depth of the frame that registered it; the chain is
//! sorted by depth, newest (deepest) first, and ends in a static sentinel at
//! depth 0, so "does this frame have pending chain calls?" is one load and
//! one compare: `head.depth == d`.
//!
//! # Unsafe
//!
//! The `unsafe` here moves closures in and out of record payloads and walks
//! the chain: `push_into` (registration), `Cx::pop_record` and the two
//! indirect calls through a record's vtable (`Cx::exit`, `Cx::run_record`),
//! `call_shim`/`drop_shim`, `Task::discard_head`, `Task::head_depth` and
//! `Task::pending_records`. Their invariants are the record invariants of
//! `record.rs`, plus:
//!
//! * `task.head` is never null: it is the static sentinel (depth 0, never
//!   written) or a live record of this chain;
//! * a record in a `Task<E, P, M>`'s chain has a vtable of type
//!   `CallVTable<E, P, M>` made for the exact closure type in its payload
//!   (only `push_into` links records, and it writes both together);
//! * a record leaves the chain (unlinked) before its closure is read out,
//!   and its closure is read out (called or dropped) exactly once.
//!
//! # Files
//!
//! * `token.rs` — the tokens an embedder holds: [`Outcome`], [`Unwind`],
//!   [`Frame`];
//! * `mode.rs` — the `Send` markers [`Local`], [`Sendable`] and [`Admit`];
//! * `deferred.rs` — what a deferred call is: [`Deferred`], [`Leaf`];
//! * `vtable.rs` — the record vtable plumbing: how a closure gets into a
//!   record and out of it again;
//! * `chain.rs` — the chain of records: registration, unlinking, discarding;
//! * `cx.rs` — [`Cx`], frames and the normal exit (`deferreturn`);
//! * `panic.rs` — the panic stack and the shared exit loop (`gopanic`,
//!   `recovery`, `gorecover`).

mod chain;
mod cx;
mod deferred;
mod mode;
mod panic;
mod token;
mod vtable;

use core::fmt;
use core::marker::PhantomData;

use smallvec::SmallVec;

use crate::pool::{Pool, Worker};
use crate::record::{sentinel, Header};
use crate::sync::Arc;

pub use cx::Cx;
pub use deferred::{Deferred, Leaf};
pub use mode::{Admit, Local, Sendable};
use panic::Entry;
pub(crate) use panic::PendingSlots;
pub use token::{Frame, Outcome, Unwind};

/// Type marker of a task: it mentions `E` only through `&mut E` (no `E` is
/// stored), and the raw pointer keeps it `!Send` unless `M = Sendable`.
type Marker<E, M> = (fn(&mut E), M, *const ());

/// One task's (goroutine's) deferred calls, frames and panics.
///
/// `E` is the embedder's environment type, handed to every deferred call
/// through [`Cx::env`]; `P` the panic value type; `M` is [`Local`] or
/// [`Sendable`].
///
/// ```
/// use deferrt_core::{Pool, Worker, Task};
/// let pool = Pool::new();
/// let mut worker = Worker::new(&pool);
/// let mut log = Vec::new();
/// let mut task: Task<Vec<i32>, &'static str> = Task::new(&pool);
/// let mut cx = task.cx(&mut worker, &mut log).unwrap();
/// let r = cx.call(|cx| {
///     for i in 0..3 {
///         cx.defer(move |cx| { cx.env().push(i); Ok(()) });
///     }
///     Ok(())
/// });
/// assert_eq!(r, Ok(Some(())));
/// drop(cx);
/// assert_eq!(log, [2, 1, 0]); // LIFO
/// ```
pub struct Task<E, P, M = Local> {
    /// The newest record, or the sentinel: never null.
    pub(crate) head: *mut Header,
    pub(crate) depth: u32,
    /// The depth of the frame of the deferred call the newest unwinding is
    /// running, if it is a panic; `recover` is effective only at that depth.
    pub(in crate::task) defer_frame: u32,
    /// The panic stack (Go's `gp._panic` list), oldest first. Inline room
    /// for two entries: a task that panics, or panics once more inside a
    /// deferred call, never asks the global allocator.
    pub(in crate::task) panics: SmallVec<[Entry<P>; 2]>,
    pub(in crate::task) discarded: u64,
    pub(in crate::task) pool: Arc<Pool>,
    _marker: PhantomData<Marker<E, M>>,
}

// SAFETY: a Sendable task only holds `Send` closures (`defer` requires
// `F: Admit<Sendable>`, i.e. `F: Send`) and `Send` panic values; its record
// pointers are exclusive (record invariant 2).
unsafe impl<E, P: Send> Send for Task<E, P, Sendable> {}

impl<E, P, M> fmt::Debug for Task<E, P, M> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Task")
            .field("depth", &self.depth)
            .field("pending_records", &self.pending_records())
            .field("panics", &self.panics.len())
            .field("discarded_calls", &self.discarded)
            .finish()
    }
}

/// [`Task::cx`] was given a worker of another pool.
///
/// ```
/// use deferrt_core::{Pool, Worker, Task, PoolMismatch};
/// let (a, b) = (Pool::new(), Pool::new());
/// let mut t: Task<(), &'static str> = Task::new(&a);
/// let mut env = ();
/// let mut wb = Worker::new(&b);
/// assert_eq!(t.cx(&mut wb, &mut env).unwrap_err(), PoolMismatch);
/// let mut wa = Worker::new(&a);
/// assert!(t.cx(&mut wa, &mut env).is_ok());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PoolMismatch;

impl fmt::Display for PoolMismatch {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("the worker belongs to a different pool than the task")
    }
}

/// How a task's unwinding ended, see [`Task::unwinding`].
///
/// ```
/// use deferrt_core::{Pool, Worker, Task, Unwinding};
/// # let pool = Pool::new(); let mut w = Worker::new(&pool);
/// # let mut t: Task<(), &'static str> = Task::new(&pool); let mut env = ();
/// let mut cx = t.cx(&mut w, &mut env).unwrap();
/// let r = cx.call(|cx| -> Result<(), _> { Err(cx.panic("boom")) });
/// assert!(r.is_err()); // the outermost frame: the goroutine is done
/// drop(cx);
/// let exit_code = match t.unwinding() {
///     Some(Unwinding::Panic(v)) => {
///         assert_eq!(*v, "boom");
///         2 // print t.crash_report()
///     }
///     Some(Unwinding::Goexit) => 2, // "fatal error: no goroutines (main called runtime.Goexit)"
///     None => 0,
/// };
/// assert_eq!(exit_code, 2);
/// ```
#[derive(Debug, PartialEq, Eq)]
pub enum Unwinding<'a, P> {
    /// An unrecovered panic with this (newest) value.
    Panic(&'a P),
    /// `Goexit` ran every deferred call.
    Goexit,
}

impl<E, P, M> Task<E, P, M> {
    /// A task with no frames, over `pool`.
    ///
    /// ```
    /// use deferrt_core::{Pool, Task};
    /// let pool = Pool::new();
    /// let t: Task<(), &'static str> = Task::new(&pool);
    /// assert_eq!((t.depth(), t.pending_records(), t.is_unwinding()), (0, 0, false));
    /// ```
    pub fn new(pool: &Arc<Pool>) -> Self {
        Task {
            head: sentinel(),
            depth: 0,
            defer_frame: 0,
            panics: SmallVec::new(),
            discarded: 0,
            pool: Arc::clone(pool),
            _marker: PhantomData,
        }
    }

    /// A context to run the task on `worker` with environment `env`.
    ///
    /// The context is a short-lived view; to move a [`Sendable`] task to
    /// another thread, drop the context, send the task, and make a new
    /// context there with that thread's worker. Fails with
    /// [`PoolMismatch`] when the worker trades with another pool (its
    /// records could outlive their arena).
    ///
    /// ```
    /// # use deferrt_core::{Pool, Worker, Task};
    /// # let pool = Pool::new(); let mut w = Worker::new(&pool);
    /// let mut t: Task<Vec<u8>, &'static str> = Task::new(&pool);
    /// let mut log = Vec::new();
    /// let mut cx = t.cx(&mut w, &mut log).unwrap();
    /// let f = cx.enter();
    /// cx.defer(|cx| { cx.env().push(1); Ok(()) });
    /// drop(cx); // the task keeps its frame and its pending call
    /// assert_eq!(t.pending_records(), 1);
    /// let mut cx = t.cx(&mut w, &mut log).unwrap();
    /// cx.exit(f).unwrap();
    /// drop(cx);
    /// assert_eq!(log, [1]);
    /// ```
    #[inline]
    pub fn cx<'a>(
        &'a mut self,
        worker: &'a mut Worker,
        env: &'a mut E,
    ) -> Result<Cx<'a, E, P, M>, PoolMismatch> {
        if !Arc::ptr_eq(&self.pool, worker.pool()) {
            return Err(PoolMismatch);
        }
        Ok(Cx {
            task: self,
            worker,
            env,
        })
    }

    /// Frames currently entered.
    ///
    /// ```
    /// # use deferrt_core::{Pool, Worker, Task};
    /// # let pool = Pool::new(); let mut w = Worker::new(&pool);
    /// # let mut t: Task<(), &'static str> = Task::new(&pool); let mut env = ();
    /// let mut cx = t.cx(&mut w, &mut env).unwrap();
    /// let r = cx.call(|cx| {
    ///     assert_eq!(cx.task().depth(), 1);
    ///     cx.call(|cx| -> Result<(), _> { Err(cx.panic("boom")) })
    /// });
    /// assert!(r.is_err());
    /// drop(cx);
    /// assert_eq!(t.depth(), 0); // the panic left both frames
    /// ```
    pub fn depth(&self) -> u32 {
        self.depth
    }

    /// Chain calls dropped without being run because their frame was
    /// abandoned (see [`Frame`]) or the task was dropped with them pending.
    ///
    /// Slots of an [`OpenFrame`](crate::OpenFrame) live in the embedder's
    /// own frame, not in the task: an open frame dropped without being left
    /// drops its armed closures uncalled, and they are not counted here.
    ///
    /// ```
    /// # use deferrt_core::{Pool, Worker, Task};
    /// # let pool = Pool::new(); let mut w = Worker::new(&pool);
    /// # let mut t: Task<(), &'static str> = Task::new(&pool); let mut env = ();
    /// # let mut cx = t.cx(&mut w, &mut env).unwrap();
    /// let outer = cx.enter();
    /// let inner = cx.enter();
    /// cx.defer(|_| panic!("a discarded call is never run"));
    /// cx.defer(|_| panic!("a discarded call is never run"));
    /// core::mem::forget(inner);
    /// cx.exit(outer).unwrap();
    /// assert_eq!(cx.task().discarded_calls(), 2);
    /// ```
    pub fn discarded_calls(&self) -> u64 {
        self.discarded
    }
}
