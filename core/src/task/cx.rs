//! [`Cx`], the running view of a task, and its frames: entry, the normal
//! exit (Go's `deferreturn`) and the frame a deferred call runs in.
//!
//! The `unsafe` here relies on the invariants stated in `task/mod.rs`
//! (# Unsafe) and `record.rs`; each block says which.

use core::fmt;
use core::num::NonZeroU64;

use super::vtable::CallVTable;
use super::{Deferred, Frame, FrameState, Local, Outcome, Task, Unwind, MAX_DEPTH};
use crate::pool::Worker;
use crate::record::Rec;

use crate::value::PanicValue;

/// A running task: the task, the worker whose record cache it uses, and the
/// embedder's environment. Every engine operation goes through a `Cx`, and
/// every deferred call receives one.
///
/// ```
/// use deferrt_core::{Pool, Worker, Task};
/// let pool = Pool::new();
/// let mut w = Worker::new(&pool);
/// let mut t: Task<Vec<&'static str>, &'static str> = Task::new(&pool);
/// let mut log = Vec::new();
/// let mut cx = t.cx(&mut w, &mut log).unwrap();
/// // Deferred calls get a `Cx` too: they can defer, call, panic and recover.
/// let r = cx.call(|cx| {
///     cx.defer(|cx| {
///         cx.defer(|cx| { cx.env().push("its own defer"); Ok(()) });
///         cx.call(|cx| { cx.env().push("a call it makes"); Ok(()) })?;
///         cx.env().push("deferred call");
///         Ok(())
///     });
///     cx.env().push("body");
///     Ok(())
/// });
/// assert_eq!(r, Ok(Some(())));
/// drop(cx);
/// assert_eq!(log, ["body", "a call it makes", "deferred call", "its own defer"]);
/// ```
pub struct Cx<'a, E, P, M = Local> {
    pub(crate) task: &'a mut Task<E, P, M>,
    pub(crate) worker: &'a mut Worker,
    pub(crate) env: &'a mut E,
}

impl<E, P, M> fmt::Debug for Cx<'_, E, P, M> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Cx")
            .field("task", &self.task)
            .field("worker", &self.worker)
            .finish()
    }
}

impl<'a, E, P: PanicValue, M> Cx<'a, E, P, M> {
    /// The embedder's environment.
    ///
    /// ```
    /// # use deferrt_core::{Pool, Worker, Task};
    /// # let pool = Pool::new(); let mut w = Worker::new(&pool);
    /// let mut t: Task<u32, &'static str> = Task::new(&pool);
    /// let mut count = 0;
    /// let mut cx = t.cx(&mut w, &mut count).unwrap();
    /// cx.call(|cx| {
    ///     cx.defer(|cx| { *cx.env() += 1; Ok(()) });
    ///     *cx.env() += 10;
    ///     Ok(())
    /// })
    /// .unwrap();
    /// drop(cx);
    /// assert_eq!(count, 11);
    /// ```
    #[inline]
    pub fn env(&mut self) -> &mut E {
        self.env
    }

    /// The task (for inspection).
    ///
    /// ```
    /// # use deferrt_core::{Pool, Worker, Task};
    /// # let pool = Pool::new(); let mut w = Worker::new(&pool);
    /// let mut t: Task<Vec<u32>, &'static str> = Task::new(&pool);
    /// let mut depths = Vec::new();
    /// let mut cx = t.cx(&mut w, &mut depths).unwrap();
    /// cx.call(|cx| {
    ///     cx.defer(|cx| { let d = cx.task().depth(); cx.env().push(d); Ok(()) });
    ///     let d = cx.task().depth();
    ///     cx.env().push(d);
    ///     Ok(())
    /// })
    /// .unwrap();
    /// drop(cx);
    /// assert_eq!(depths, [1, 2]); // a deferred call runs in a frame of its own
    /// ```
    #[inline]
    pub fn task(&self) -> &Task<E, P, M> {
        self.task
    }

    /// The worker whose cache this context uses, to look at.
    ///
    /// Shared, never `&mut`: a context's worker and task trade records of
    /// one pool ([`Task::cx`] checks it), and a `&mut Worker` would let safe
    /// code swap in a worker of another pool behind that check (records
    /// freed into the wrong pool, then carved from freed memory). To run
    /// the task on another worker, make a new context.
    ///
    /// ```compile_fail
    /// # use deferrt_core::{Pool, Worker, Task};
    /// # let (a, b) = (Pool::new(), Pool::new());
    /// # let (mut wa, mut wb) = (Worker::new(&a), Worker::new(&b));
    /// # let mut t: Task<(), &'static str> = Task::new(&a); let mut env = ();
    /// let mut cx = t.cx(&mut wa, &mut env).unwrap();
    /// std::mem::swap(cx.worker(), &mut wb); // error: `worker()` is a shared reference
    /// ```
    ///
    /// ```
    /// # use deferrt_core::{Arc, Pool, Worker, Task};
    /// # let pool = Pool::new(); let mut w = Worker::new(&pool);
    /// # let mut t: Task<(), &'static str> = Task::new(&pool); let mut env = ();
    /// let mut cx = t.cx(&mut w, &mut env).unwrap();
    /// assert!(Arc::ptr_eq(cx.worker().pool(), &pool));
    /// assert_eq!(cx.worker().cached(), 0);
    /// cx.call(|cx| { cx.defer(|_| Ok(())); Ok(()) }).unwrap();
    /// assert!(cx.worker().cached() > 0); // the record went back to this worker
    /// ```
    #[inline]
    pub fn worker(&self) -> &Worker {
        self.worker
    }

    /// A fresh context over the same task, worker and environment, to hand
    /// to a deferred call: the call may `mem::swap` what it receives with
    /// another task's context, and the engine must not go on with that one.
    /// It only ever uses its own `self` after the call returns.
    #[inline(always)]
    pub(crate) fn handed(&mut self) -> Cx<'_, E, P, M> {
        Cx {
            task: &mut *self.task,
            worker: &mut *self.worker,
            env: &mut *self.env,
        }
    }

    /// Enters a frame (a function invocation). Go does nothing at function
    /// entry either: the frame exists as a depth.
    ///
    /// # Panics
    /// Past [`MAX_DEPTH`](crate::MAX_DEPTH) frames (frames entered and
    /// never left count too): `deferrt: frame depth overflow`. The depth
    /// never wraps.
    ///
    /// ```
    /// # use deferrt_core::{Pool, Worker, Task};
    /// # let pool = Pool::new(); let mut w = Worker::new(&pool);
    /// # let mut t: Task<(), &'static str> = Task::new(&pool); let mut env = ();
    /// # let mut cx = t.cx(&mut w, &mut env).unwrap();
    /// let f = cx.enter();
    /// assert_eq!((f.depth(), cx.task().depth()), (1, 1));
    /// assert_eq!(cx.worker().cached(), 0); // nothing registered, nothing allocated
    /// assert_eq!(cx.exit(f), Ok(()));
    /// assert_eq!(cx.task().depth(), 0);
    /// ```
    #[inline]
    pub fn enter(&mut self) -> Frame {
        let t = &mut *self.task;
        if t.depth() >= MAX_DEPTH {
            // Inline (a call to core's panic, not into this crate): entry
            // stays free of engine calls, as the benches' asm check wants.
            panic!("deferrt: frame depth overflow: more than MAX_DEPTH (2^31 - 1) frames entered (Go: fatal stack overflow)");
        }
        // depth + 1 (checked above: no carry into the generation).
        t.pos += 1;
        Frame {
            task: t.id,
            pos: t.pos,
        }
    }

    /// Runs one deferred call in a frame of its own: the frame is entered
    /// around the call, and left (its own defers run) afterwards. `recover`
    /// inside `f` is effective exactly when `defer_frame` equals this new
    /// frame's depth, which the panic loop arranges before calling.
    #[inline(always)]
    pub(crate) fn call_in_own_frame<C: Deferred<E, P, M>>(&mut self, f: C) -> Outcome {
        let p1 = self.task.pos + 1;
        self.task.pos = p1;
        let r = f.call(&mut self.handed());
        let r = self.leave_call_frame(p1, r);
        // Back to the caller's depth, in the generation leave_call_frame left.
        self.task.pos -= 1;
        r
    }

    /// Leaves the frame of a deferred call (at position `p1`: its depth and
    /// the generation when it was called) that just returned `r`. The fast
    /// case is three tests: the call did not unwind, the task is back at
    /// `p1` exactly, and the head record is older than the call's frame (it
    /// registered no defers of its own). Anything else — frames it abandoned,
    /// a frame it adopted (their tokens must go stale), frames of its caller
    /// it left — is the cold path. Leaves the depth at the call's.
    #[inline(always)]
    pub(crate) fn leave_call_frame(&mut self, p1: u64, r: Outcome) -> Outcome {
        if r.is_err() || self.task.pos != p1 || self.task.head_depth() >= p1 as u32 {
            self.leave_call_frame_slow(p1, r)
        } else {
            r
        }
    }

    /// Runs the closure of a chain record just unlinked from frame `d1 - 1`,
    /// in frame `d1` (already entered by the caller); the shim frees the
    /// record.
    #[inline(always)]
    pub(super) fn call_record(
        &mut self,
        rec: Rec,
        vt: *const CallVTable<E, P, M>,
        p1: u64,
    ) -> Outcome {
        // SAFETY: `rec` was just unlinked and holds the type its vtable (a
        // promoted constant, valid for the program) was made for.
        let r = unsafe { ((*vt).call)(rec, self) };
        self.leave_call_frame(p1, r)
    }

    /// The slow half of `leave_call_frame`: the call returned `Err`, or
    /// moved the position (left frames open, adopted its frame, left an
    /// enclosing frame), or left records of its own. Checks its `Unwind`,
    /// retires the tokens of frames it abandoned or adopted, discards their
    /// records, then runs the call's own frame (its defers, or its
    /// unwinding) through `drain_frame`. Leaves the depth at the call's.
    #[cold]
    #[inline(never)]
    pub(super) fn leave_call_frame_slow(&mut self, p1: u64, r: Outcome) -> Outcome {
        let d = p1 as u32;
        let t = &mut *self.task;
        if t.depth() < d {
            // Only a token of an enclosing frame, handed to the call, gets
            // below the call's own frame (the engine entered it: the call
            // holds no token for it).
            left_enclosing_frame();
        }
        let epoch = (p1 >> 32) as u32;
        if t.epoch() != epoch {
            // The same, when the call climbed back to its own depth by
            // entering frames after leaving an enclosing one: leaving it
            // abandoned the call's own frame, an abandonment that kept fewer
            // than `d` frames. (The first abandonment since the call started
            // kept the fewest: the list is minimal.)
            let first = t.abandoned.iter().find(|&&(e, _)| e > epoch);
            if first.is_some_and(|&(_, kept)| kept < d) {
                left_enclosing_frame();
            }
        }
        if let Err(u) = &r {
            // The call's own outcome: a token of another task, or a stale
            // one, must not set this frame unwinding.
            t.check_unwind(u, "exit");
        }
        if t.depth() > d || t.epoch() != (p1 >> 32) as u32 {
            // Frames the call entered and did not leave, or its own frame
            // adopted as an open frame: their tokens (depth >= d) go stale.
            t.abandon_below(d - 1);
            t.set_depth(d);
        }
        if t.head_depth() > d {
            t.discard_down_to(d);
        }
        let r = self.drain_frame(d, r.is_err(), None);
        self.task.set_depth(d);
        r
    }

    /// Makes `d` the innermost frame again after inner frames were
    /// abandoned (their tokens dropped, or a Rust panic unwound through
    /// them): their pending calls are discarded, not run.
    #[cold]
    #[inline(never)]
    pub(crate) fn discard_abandoned(&mut self, d: u32) {
        if self.task.depth() > d {
            self.task.discard_down_to(d);
        }
    }

    /// The slow half of checking a `Frame` that is not the innermost frame's
    /// by the fast compare (see `Task::frame_state`): panics for another
    /// task's; `false` when the frame is no longer open; otherwise makes it
    /// the innermost frame of the current generation — discarding the frames
    /// entered after it, or, for the innermost frame of an older generation,
    /// retiring the older tokens of its depth (an open frame adopted on it,
    /// say) — and returns `true`.
    #[cold]
    #[inline(never)]
    #[track_caller]
    fn align_to(&mut self, task: NonZeroU64, pos: u64, op: &str) -> bool {
        let d = pos as u32;
        match self.task.frame_state(task, pos, "Frame", op) {
            FrameState::Gone => return false,
            FrameState::Outer => self.discard_abandoned(d),
            FrameState::Top => self.task.abandon_below(d - 1),
        }
        true
    }

    /// Leaves `frame` normally (Go's `deferreturn`): runs its pending calls
    /// last-in first-out. `Ok(())` means the frame returns normally — also
    /// when one of its deferred calls panicked and a later one recovered.
    /// `Err(Unwind)` means the frame is unwinding: propagate it.
    ///
    /// A frame that is no longer open (see [`Frame`]) is left alone:
    /// `Ok(())`.
    ///
    /// # Panics
    /// `frame` is another task's (`deferrt: Frame of another task passed to
    /// Cx::exit`); a deferred call returned another task's or a stale
    /// `Unwind` (`deferrt: Unwind of ...`) or left a frame that encloses it.
    ///
    /// ```
    /// # use deferrt_core::{Pool, Worker, Task};
    /// # let pool = Pool::new(); let mut w = Worker::new(&pool);
    /// let mut t: Task<Vec<&'static str>, &'static str> = Task::new(&pool);
    /// let mut log = Vec::new();
    /// let mut cx = t.cx(&mut w, &mut log).unwrap();
    /// // func f() { defer func() { log(recover()) }(); defer func() { panic("late") }() }
    /// let f = cx.enter();
    /// cx.defer(|cx| { let v = cx.recover(); cx.env().push(v.unwrap_or("none")); Ok(()) });
    /// cx.defer(|cx| Err(cx.panic("late")));
    /// assert_eq!(cx.exit(f), Ok(())); // the second call panicked, the first recovered
    /// drop(cx);
    /// assert_eq!(log, ["late"]);
    /// ```
    #[inline(always)]
    pub fn exit(&mut self, frame: Frame) -> Outcome {
        if !self.task.is_top(frame.task, frame.pos) && !self.align_to(frame.task, frame.pos, "exit")
        {
            return Ok(()); // not open: see `Frame`
        }
        // The frame's position now (its generation may be newer than the
        // token's, if frames were abandoned since it was entered).
        let p = self.task.pos;
        // The same depth as the token's (`align_to` made the frame the
        // innermost), read from the position: one value to keep, not two.
        let d = p as u32;
        if self.task.head_depth() != d {
            // No pending call: back to the caller's depth. The stack keeps
            // its memory (see `Cx::release_stack`).
            self.task.pos = p - 1;
            return Ok(());
        }
        // The fast path: pop and call until the head belongs to an outer
        // frame, as long as every call returns Ok and leaves the task as it
        // found it. Every call runs in frame d + 1, so the depth is set once
        // for the whole loop. Each record is popped before its call.
        let p1 = p + 1;
        self.task.pos = p1;
        loop {
            let r = self.run_newest(p1);
            // The last call returned Ok at the position it started at (it
            // left no frames open, adopted none); then one load of the head's
            // depth decides: more of this frame (== d), done (< d), or the
            // call left records of its own. That, and anything else — an
            // unwinding, abandoned frames — is the cold path, which finishes
            // the frame.
            if r.is_ok() && self.task.pos == p1 {
                let hd = self.task.head_depth();
                if hd == d {
                    continue;
                }
                if hd < d {
                    // From the calls' depth d + 1 to the caller's d - 1.
                    self.task.pos = p1 - 2;
                    return Ok(());
                }
            }
            return self.exit_after_unusual_call(d, p1, r);
        }
    }

    /// Pops and runs the newest record (of the frame being left; the task
    /// is at position `p1`, the calls' frame): when the record under it has
    /// the same vtable, the newest record's run shim pops and calls it, and
    /// then every record under it of the same type and frame, as long as
    /// each call returns Ok at the position it started at (a loop of
    /// defers is one indirect call, see `run_shim`); a record alone of its
    /// type is popped here and called through its call shim.
    #[inline(always)]
    fn run_newest(&mut self, p1: u64) -> Outcome {
        // SAFETY: the caller checked `head_depth() == p1 - 1 > 0`: a record
        // is on top.
        let (vt, rec, run) = unsafe { self.task.stack.peek() };
        let vt = vt.cast::<CallVTable<E, P, M>>();
        // SAFETY: the record on top holds the type its vtable (a promoted
        // constant) was made for; popped (`pop_to`) before its call shim
        // reads it out, or popped by its run shim.
        unsafe {
            if run {
                ((*vt).run)(self, vt.cast(), p1)
            } else {
                self.task.stack.pop_to(rec);
                ((*vt).call)(rec, self)
            }
        }
    }

    /// The rest of `exit` of frame `d` (calls at position `p1`) after a
    /// call returned `Err`, or moved the position, or left records of its
    /// own: `leave_call_frame_slow` sorts that call out, then the frame's
    /// other records run as in `exit` (each unusual call sorted out the same
    /// way), or, when a call's panic was not recovered, as a panic runs them
    /// (docs/GO-SEMANTICS.md C5: an earlier call may still recover). Out of
    /// line, so that `exit`'s inlined fast path keeps few values live.
    #[cold]
    #[inline(never)]
    fn exit_after_unusual_call(&mut self, d: u32, mut p1: u64, mut r: Outcome) -> Outcome {
        loop {
            if self.leave_call_frame_slow(p1, r).is_err() {
                // A deferred call panicked during a normal return: the rest
                // of this frame runs as a panic would run it.
                self.task.pos -= 1;
                return self.drain_frame_and_leave(d, true, None);
            }
            // The frame's calls' position now: the slow path may have
            // started a new generation (the call abandoned or adopted
            // frames), and the next call starts there.
            p1 = self.task.pos;
            loop {
                if self.task.head_depth() != d {
                    // From the calls' depth d + 1 to the caller's d - 1, in
                    // the generation the calls left.
                    self.task.pos -= 2;
                    return Ok(());
                }
                r = self.run_newest(p1);
                if r.is_err() || self.task.pos != p1 || self.task.head_depth() > d {
                    break;
                }
            }
        }
    }

    /// Leaves `frame` because its body is unwinding (a panic or Goexit
    /// raised in it, or propagated from a call it made). Runs its pending
    /// calls with the unwinding; `Ok(())` means one of them recovered and the
    /// frame returns normally (with its named results as they stand),
    /// `Err(Unwind)` means the unwinding goes on to the caller. A frame that
    /// is no longer open (see [`Frame`]) is left alone: `u` comes back.
    ///
    /// # Panics
    /// `frame` is another task's, or `u` is not the token of this task's
    /// newest panic (another task's; one of an earlier panic; one whose
    /// panic was recovered or cleared since): see [`Unwind`].
    ///
    /// ```
    /// use deferrt_core::{Cx, Outcome, Pool, Worker, Task};
    /// type C<'a> = Cx<'a, Vec<&'static str>, &'static str>;
    /// // An embedder with its own frames: enter, run the body, leave by its outcome.
    /// fn inner(cx: &mut C<'_>) -> Outcome {
    ///     let f = cx.enter();
    ///     cx.defer(|cx| { cx.env().push("inner's defer"); Ok(()) });
    ///     let u = cx.panic("boom"); // the body panics...
    ///     cx.unwind(f, u) // ...no deferred call recovers: Err goes on
    /// }
    /// # let pool = Pool::new(); let mut w = Worker::new(&pool);
    /// let mut t: Task<Vec<&'static str>, &'static str> = Task::new(&pool);
    /// let mut log = Vec::new();
    /// let mut cx = t.cx(&mut w, &mut log).unwrap();
    /// let outer = cx.enter();
    /// cx.defer(|cx| { let v = cx.recover(); cx.env().push(v.unwrap_or("none")); Ok(()) });
    /// let Err(u) = inner(&mut cx) else { panic!("inner returned normally") };
    /// assert_eq!(cx.unwind(outer, u), Ok(())); // recovered: outer returns normally
    /// drop(cx);
    /// assert_eq!(log, ["inner's defer", "boom"]);
    /// ```
    pub fn unwind(&mut self, frame: Frame, u: Unwind) -> Outcome {
        self.task.check_unwind(&u, "unwind");
        let d = frame.depth();
        if !self.task.is_top(frame.task, frame.pos)
            && !self.align_to(frame.task, frame.pos, "unwind")
        {
            return Err(u); // not open: see `Frame`
        }
        self.drain_frame_and_leave(d, true, None)
    }

    /// [`exit`](Cx::exit) or [`unwind`](Cx::unwind), by the body's outcome.
    ///
    /// ```
    /// # use deferrt_core::{Pool, Worker, Task, Outcome};
    /// # let pool = Pool::new(); let mut w = Worker::new(&pool);
    /// # let mut t: Task<(), &'static str> = Task::new(&pool); let mut env = ();
    /// # let mut cx = t.cx(&mut w, &mut env).unwrap();
    /// let f = cx.enter();
    /// cx.defer(|cx| { assert_eq!(cx.recover(), Some("boom")); Ok(()) });
    /// let body: Outcome = Err(cx.panic("boom"));
    /// assert_eq!(cx.leave(f, body), Ok(())); // unwound, and recovered
    /// let f = cx.enter();
    /// let body: Outcome = Err(cx.panic("again"));
    /// assert!(cx.leave(f, body).is_err()); // no deferred call recovers this one
    /// ```
    #[inline]
    pub fn leave(&mut self, frame: Frame, body: Outcome) -> Outcome {
        match body {
            Ok(()) => self.exit(frame),
            Err(u) => self.unwind(frame, u),
        }
    }

    /// Runs `body` in a new frame and leaves it: the closure-scoped form of
    /// [`enter`](Cx::enter) + [`leave`](Cx::leave), which cannot leave
    /// frames out of order.
    ///
    /// Returns `Ok(Some(r))` when the body returned `r` (and the frame's
    /// defers did not end in an unrecovered panic), `Ok(None)` when the body
    /// panicked and a deferred call recovered (the function returns its
    /// named results as they stand, zero values for unnamed ones), and
    /// `Err(Unwind)` when the frame is unwinding.
    ///
    /// ```
    /// # use deferrt_core::{Pool, Worker, Task};
    /// # let pool = Pool::new(); let mut w = Worker::new(&pool);
    /// let mut t: Task<(), &'static str> = Task::new(&pool);
    /// let mut env = ();
    /// let mut cx = t.cx(&mut w, &mut env).unwrap();
    /// let r: Result<Option<i32>, _> = cx.call(|cx| {
    ///     cx.defer(|cx| { assert_eq!(cx.recover(), Some("boom")); Ok(()) });
    ///     Err(cx.panic("boom"))
    /// });
    /// assert_eq!(r, Ok(None)); // recovered: returns normally, no value
    /// ```
    #[inline]
    pub fn call<R>(
        &mut self,
        body: impl FnOnce(&mut Self) -> Result<R, Unwind>,
    ) -> Result<Option<R>, Unwind> {
        let frame = self.enter();
        match body(self) {
            Ok(r) => self.exit(frame).map(|()| Some(r)),
            Err(u) => self.unwind(frame, u).map(|()| None),
        }
    }
}

/// `enter` past [`MAX_DEPTH`].
#[cold]
#[inline(never)]
#[track_caller]
pub(crate) fn depth_overflow() -> ! {
    panic!(
        "deferrt: frame depth overflow: more than MAX_DEPTH (2^31 - 1) frames entered (Go: fatal stack overflow)"
    )
}

/// A deferred call returned below its own frame.
#[cold]
#[inline(never)]
pub(super) fn left_enclosing_frame() -> ! {
    panic!(
        "deferrt: a deferred call left a frame that encloses it (a Frame or OpenFrame of an \
         enclosing frame was passed to Cx::exit or Cx::unwind inside the deferred call)"
    )
}
