//! Tasks, frames, the defer chain and the panic/recover/Goexit state machine.
//!
//! This module is to deferrt what `runtime/panic.go` is to Go: `defer` is
//! `deferproc`, [`Cx::exit`] is `deferreturn`, [`Cx::unwind`] plus
//! `Cx::drain_frame` are `gopanic`'s loop over `(*_panic).nextDefer`, and
//! [`Cx::recover`] is `gorecover`. The comments next to each step say why it
//! is there; most of them are lessons Go learned the hard way.
//!
//! # State
//!
//! A [`Task`] is plain data: the stack of pending records (`record.rs`,
//! newest on top), the current position, and the panic stack. Frames are
//! numbered by depth: entering one increments the depth, leaving it
//! decrements. The position `pos` holds the depth in its low half and the
//! frame generation in its high half (see "Tokens"). A record is tagged
//! with the depth of the frame that registered it; the stack is sorted by
//! depth, newest (deepest) on top, and starts with a sentinel at depth 0,
//! so "does this frame have pending chain calls?" is one load and one
//! compare: `head_depth() == d`.
//!
//! # Unsafe
//!
//! The `unsafe` here moves closures in and out of record payloads on the
//! task's stack: `push_into` and its cold half `push_after_grow`
//! (registration), `push_into_at` (registration
//! for an outer frame: `Stack::insert`), `take_payload_as` (a record's
//! payload moved out as the type its vtable names, for the stepped exit),
//! `Cx::pop_record` and the indirect calls through a record's vtable
//! (`Cx::exit`'s `run`, `Cx::call_record`), `call_shim`/`run_shim`/
//! `drop_shim`, `Task::discard_head`, and the stack's memory (`Task::grow`,
//! `Task::release_if_empty`, `Drop`). Their invariants are those of
//! `record.rs` (the stack) and `pool.rs` (chunks), plus:
//!
//! * a record on a `Task<E, P, M>`'s stack has a vtable of type
//!   `CallVTable<E, P, M>` made for the exact closure type in its payload
//!   (only `push_into`/`push_into_at` write records, closure and header
//!   together);
//! * a record is popped before its closure is read out, and its closure is
//!   read out (called or dropped) exactly once;
//! * `run_shim` pops a record as its own type only when its header holds
//!   the very vtable pointer it was called through (then the same vtable
//!   contents: the same type and size) and the header word of the frame's
//!   position (its depth and generation).
//!
//! # Tokens
//!
//! Every token the engine hands out names its task (a process-unique id,
//! `sync::next_stamp`) and cannot be made or cloned outside the engine:
//!
//! * [`Frame`], [`OpenFrame`](crate::OpenFrame): the task id and the
//!   position at entry. One compare (`task == id && pos == task.pos`)
//!   accepts the innermost frame; anything else goes to
//!   `Task::frame_state` (cold), which panics for another task's token and
//!   tells an outer frame (leaving it abandons the inner ones) from a gone
//!   one (no-op). The generation moves on when frames are abandoned, when a
//!   deferred call's frame is adopted, and when a frame is left with a token
//!   of an older generation; `Task::abandoned` records, for each
//!   abandonment, the depth it kept, so a token of an abandoned frame is
//!   told from a later frame of the same depth.
//! * [`FrameRef`] (`Frame::id`, `OpenFrame::id`): the task id and the
//!   frame's position, checked by `Cx::defer_to` as a `Frame` is (another
//!   task's panics; one of a frame no longer open panics too — it has no
//!   call to do nothing in).
//! * [`Leaving`]: the task id and the frame's position, checked at each
//!   step; the `Frame` `leave_next` hands out with a call is an ordinary
//!   frame token at the call's position (see `leave.rs`).
//! * [`InlineFrame`](crate::InlineFrame): the task id.
//! * [`Unwind`]: the stamp of its panic-stack entry; `Task::check_unwind`
//!   accepts only the newest entry's (another task's, or a stale one,
//!   panics). Deferred calls' `Err` results are checked the same way.
//!
//! # Exit paths, by role
//!
//! * `Cx::exit` — a frame returns (`deferreturn`): pops and calls the
//!   frame's records inline; anything unusual goes to the slow paths.
//! * `Cx::unwind` — a frame is left by an unwinding (the per-frame part of
//!   `gopanic`): `drain_frame_and_leave` in unwinding mode.
//! * `Cx::leave`, `Cx::call` — `exit` or `unwind` by the body's outcome.
//! * `Cx::drain_frame` — the shared loop (`_panic.nextDefer` + the calls of
//!   `gopanic`): runs what is left of one frame, open slots first, then its
//!   records, in normal or unwinding mode, and performs recoveries
//!   (`complete_recovery`, Go's `recovery`). `drain_frame_and_leave` also
//!   pops the frame.
//! * `Cx::call_record`, `Cx::call_in_own_frame` — run one deferred call (a
//!   record, an open slot) in a frame of its own; `Cx::leave_call_frame`
//!   leaves that frame when the call returns (fast: nothing changed) and
//!   `leave_call_frame_slow` handles the rest: checks the call's `Unwind`,
//!   retires tokens of frames it abandoned or adopted, discards their
//!   records, runs the call's own defers.
//! * `Cx::leave_start` / `leave_start_open` / `leave_next` / `leave_resume`
//!   (`leave.rs`) — the stepped exit: `drain_frame`'s state machine
//!   (`Drain`: `drain_before_call`, `drain_after_call`, `drain_end`) driven
//!   one call at a time by the embedder, which runs the calls handed out as
//!   data.
//! * `Cx::discard_abandoned` — before leaving an outer frame, discards the
//!   frames entered after it and never left (no Go counterpart: Go frames
//!   cannot be abandoned).
//! * `open.rs`: `exit_open` (open-coded defers at return), its
//!   `exit_open_slow` and `exit_open_chain_calls` (chain calls registered on
//!   an open frame), `unwind_open` (the panic path's funcdata walk),
//!   `leave_open_out_of_order`, and `exit_inline`/`unwind_inline`.
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
//!   `recovery`, `gorecover`, `defer recover()`);
//! * `leave.rs` — the stepped exit: [`Leaving`], [`LeaveStep`];
//! * `rangefunc.rs` — deferring for an outer frame: [`FrameRef`],
//!   `Cx::defer_to` (Go's `deferprocat`).

mod chain;
mod cx;
mod deferred;
mod leave;
mod mode;
mod panic;
mod rangefunc;
mod token;
mod vtable;

use alloc::vec::Vec;
use core::fmt;
use core::marker::PhantomData;
use core::num::NonZeroU64;

use smallvec::SmallVec;

use crate::pool::{Pool, Worker};
use crate::record::Stack;
use crate::sync::{next_stamp, Arc};

pub(crate) use cx::depth_overflow;
pub use cx::Cx;
pub use deferred::{Deferred, Leaf};
pub use leave::{LeaveStep, Leaving};
pub use mode::{Admit, Local, Sendable};
use panic::Entry;
pub(crate) use panic::PendingSlots;
pub use rangefunc::FrameRef;
pub use token::{Frame, Outcome, Unwind};

/// The deepest frame [`Cx::enter`] (or `enter_open`, `adopt_open`) makes.
/// Entering past it panics (`deferrt: frame depth overflow`): Go's answer
/// to unbounded recursion is a fatal stack overflow, ours is a panic, never
/// a wrap. Deferred calls run one frame deeper than the frame that
/// registered them, without `enter`, and may nest; each level of that
/// nesting is a level of host recursion too, so the host stack runs out
/// long before the 2^31 depths left above `MAX_DEPTH`.
///
/// ```
/// use deferrt_core::{Pool, Worker, Task, MAX_DEPTH};
/// assert_eq!(MAX_DEPTH, (1 << 31) - 1);
/// # let pool = Pool::new(); let mut w = Worker::new(&pool);
/// let mut t: Task<(), &'static str> = Task::new(&pool);
/// let mut env = ();
/// let mut cx = t.cx(&mut w, &mut env).unwrap();
/// let f = cx.enter();
/// assert!(f.depth() <= MAX_DEPTH);
/// cx.exit(f).unwrap();
/// ```
pub const MAX_DEPTH: u32 = (1 << 31) - 1;

/// Where a frame token stands, as far as its task can tell.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum FrameState {
    /// The innermost frame (entered before frames were abandoned elsewhere).
    Top,
    /// Open, and deeper frames are open too: leaving it abandons them.
    Outer,
    /// Not open any more: left, or abandoned (a later frame may have its
    /// depth).
    Gone,
}

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
    /// The task's stack of pending chain records (`record.rs`).
    pub(crate) stack: Stack,
    /// The position: the depth (frames entered, see [`MAX_DEPTH`]) in the
    /// low 32 bits, the frame generation in the high 32. The generation
    /// moves on when frames are abandoned or a call's frame is adopted, so
    /// their tokens are told from later frames of the same depth; one
    /// compare of `pos` checks a token's depth and generation at once, and
    /// depth arithmetic (`pos + 1`) keeps the generation.
    pub(crate) pos: u64,
    /// This task's process-unique identity, carried by its tokens.
    pub(crate) id: NonZeroU64,
    /// The depth of the frame of the deferred call the newest unwinding is
    /// running, if it is a panic; `recover` is effective only at that depth.
    pub(in crate::task) defer_frame: u32,
    /// The panic stack (Go's `gp._panic` list), oldest first. Inline room
    /// for two entries: a task that panics, or panics once more inside a
    /// deferred call, never asks the global allocator.
    pub(in crate::task) panics: SmallVec<[Entry<P>; 2]>,
    /// The length of `panics` and its newest entry's stamp, kept beside it
    /// (set by every change of the stack: `Task::sync_newest`), so that the
    /// exit loop's per-call questions — which entry runs this call, did the
    /// call start a newer one, is this `Unwind` the newest's — are a load
    /// and a compare, not the `SmallVec`'s inline-or-heap test each time.
    pub(in crate::task) npanics: usize,
    pub(in crate::task) newest_stamp: Option<NonZeroU64>,
    pub(in crate::task) discarded: u64,
    pub(in crate::task) pool: Arc<Pool>,
    /// Abandonments, as `(epoch they started, depth kept)`: a token of epoch
    /// `e` and depth `k` is stale iff some abandonment after `e` kept fewer
    /// than `k` frames. Kept minimal: depths strictly increase along it, so
    /// it never holds more entries than the deepest frame ever abandoned
    /// to. Empty (no allocation) until frames are abandoned.
    pub(in crate::task) abandoned: Vec<(u32, u32)>,
    /// The value of the newest fault ([`Cx::fault`], Go's `sigpanic`) not
    /// yet cleared: Go's `gp.sig`. Only a recovery that leaves the panic
    /// stack empty, or [`Task::clear_panics`], clears it; the crash report
    /// prints its [`signal`](crate::PanicValue::signal) line.
    pub(in crate::task) fault: Option<P>,
    _marker: PhantomData<Marker<E, M>>,
}

// SAFETY: a Sendable task only holds `Send` closures (`defer` requires
// `F: Admit<Sendable>`, i.e. `F: Send`) and `Send` panic values; its record
// pointers are exclusive (record invariant 2).
unsafe impl<E, P: Send> Send for Task<E, P, Sendable> {}

impl<E, P, M> fmt::Debug for Task<E, P, M> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Task")
            .field("depth", &self.depth())
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
            stack: Stack::new(),
            pos: 0,
            id: next_stamp(),
            defer_frame: 0,
            panics: SmallVec::new(),
            npanics: 0,
            newest_stamp: None,
            discarded: 0,
            pool: Arc::clone(pool),
            abandoned: Vec::new(),
            fault: None,
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
        self.pos as u32
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

    /// Whether a token of this task at position `pos` names the innermost
    /// frame: the compares of the hot exit paths.
    #[inline(always)]
    pub(crate) fn is_top(&self, task: NonZeroU64, pos: u64) -> bool {
        task == self.id && pos == self.pos
    }

    /// The frame generation (high half of `pos`).
    #[inline]
    pub(crate) fn epoch(&self) -> u32 {
        (self.pos >> 32) as u32
    }

    /// Sets the depth, keeping the frame generation.
    #[inline]
    pub(crate) fn set_depth(&mut self, depth: u32) {
        self.pos = (self.pos & !u64::from(u32::MAX)) | u64::from(depth);
    }

    /// The slow half of checking a token that is not the innermost frame's
    /// by the fast compare: panics if it is another task's (`token` and `op`
    /// name it and the call, for the message), else says where it stands.
    #[cold]
    #[inline(never)]
    #[track_caller]
    pub(crate) fn frame_state(
        &self,
        task: NonZeroU64,
        pos: u64,
        token: &str,
        op: &str,
    ) -> FrameState {
        if task != self.id {
            other_task(token, op);
        }
        let (k, epoch) = (pos as u32, (pos >> 32) as u32);
        if k > self.depth() {
            return FrameState::Gone;
        }
        if epoch != self.epoch() {
            // Abandonments since the token's epoch: the first one kept the
            // fewest frames (the list is minimal), so it alone decides.
            let first = self.abandoned.iter().find(|&&(e, _)| e > epoch);
            if first.is_some_and(|&(_, kept)| kept < k) {
                return FrameState::Gone;
            }
        }
        if k == self.depth() {
            FrameState::Top
        } else {
            FrameState::Outer
        }
    }

    /// Starts a new frame generation: tokens made before keep working unless
    /// an abandonment says otherwise.
    #[cold]
    pub(crate) fn next_epoch(&mut self) {
        let e = self
            .epoch()
            .checked_add(1)
            .unwrap_or_else(|| panic!("deferrt: 2^32 frame generations in one task: exhausted"));
        self.pos = (u64::from(e) << 32) | u64::from(self.depth());
    }

    /// Frames deeper than `kept` are being abandoned (or, for a deferred
    /// call's frame, adopted and not left): their tokens become stale.
    /// Starts a new generation and records it. Does not change the depth.
    #[cold]
    pub(crate) fn abandon_below(&mut self, kept: u32) {
        self.next_epoch();
        while self.abandoned.last().is_some_and(|&(_, k)| k >= kept) {
            self.abandoned.pop();
        }
        self.abandoned.push((self.epoch(), kept));
    }
}

/// A token of another task reached this one.
#[cold]
#[inline(never)]
#[track_caller]
pub(crate) fn other_task(token: &str, op: &str) -> ! {
    panic!("deferrt: {token} of another task passed to Cx::{op}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Leaf;

    type T = Task<u32, &'static str>;

    /// Issue 8, finding 3: after 2^32 frames entered and forgotten the depth
    /// used to wrap to 0 (the sentinel's depth). It stops at `MAX_DEPTH`
    /// with a panic naming the overflow. (Set directly: entering 2^32
    /// frames takes too long under Miri.)
    #[test]
    #[should_panic(expected = "deferrt: frame depth overflow")]
    #[allow(clippy::forget_non_drop)]
    fn f3_frame_depth_never_wraps() {
        let pool = Pool::new();
        let mut w = Worker::new(&pool);
        let mut t: T = Task::new(&pool);
        let mut n = 0;
        t.set_depth(MAX_DEPTH - 1);
        let mut cx = t.cx(&mut w, &mut n).unwrap();
        let f = cx.enter();
        assert_eq!(f.depth(), MAX_DEPTH);
        core::mem::forget(f);
        let _ = cx.enter();
    }

    /// The deepest frame's deferred calls run one deeper, and theirs one
    /// deeper still, without overflow; there, entering or adopting a frame
    /// is refused.
    #[test]
    fn f3_deepest_frame_runs_its_calls_and_they_cannot_go_deeper() {
        let pool = Pool::new();
        let mut w = Worker::new(&pool);
        let mut t: T = Task::new(&pool);
        let mut n = 0;
        t.set_depth(MAX_DEPTH - 1);
        {
            let mut cx = t.cx(&mut w, &mut n).unwrap();
            let f = cx.enter();
            cx.defer(|cx| {
                assert_eq!(cx.task().depth(), MAX_DEPTH + 1);
                cx.defer(|cx| {
                    assert_eq!(cx.task().depth(), MAX_DEPTH + 2);
                    *cx.env() += 10;
                    Ok(())
                });
                *cx.env() += 1;
                Ok(())
            });
            cx.exit(f).unwrap();
            assert_eq!(cx.task().depth(), MAX_DEPTH - 1);
        }
        assert_eq!(n, 11);
        t.set_depth(MAX_DEPTH + 1);
        let mut cx = t.cx(&mut w, &mut n).unwrap();
        let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            let _ = cx.adopt_open::<Leaf<fn(&mut u32)>, 1>();
        }));
        assert!(r.is_err());
        let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            let _ = cx.enter();
        }));
        assert!(r.is_err());
        t.set_depth(0);
    }
}
