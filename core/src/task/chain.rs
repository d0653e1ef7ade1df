//! The task's records: registration (`Cx::defer`), popping
//! (`Cx::pop_record`), discarding (`Task::discard_down_to`, `Drop`), and
//! the stack's memory (`Task::grow`, `Task::release_if_empty`).
//!
//! The `unsafe` here relies on the invariants stated in `task/mod.rs`
//! (# Unsafe) and `record.rs`; each block says which.

use alloc::alloc::{alloc, dealloc, handle_alloc_error, Layout};
use alloc::boxed::Box;
use core::ptr::NonNull;

use super::vtable::{push_into, push_into_at, try_push_into, CallVTable};
use super::{Admit, Cx, Deferred, Outcome, Task};
use crate::pool::{give_central, Header, Pool, Rec as Chunk, Worker};
use crate::record::{fits_inline, rec_size, Rec, CHUNK, HEADER, RECORD_ALIGN};
use crate::sync::Arc;
use crate::value::PanicValue;

impl<E, P, M> Task<E, P, M> {
    /// Records on the task's stack (registered, not yet run).
    ///
    /// Walks the stack: a diagnostic, not for hot paths (the hot path keeps
    /// no counter).
    ///
    /// ```
    /// # use deferrt_core::{Pool, Worker, Task};
    /// # let pool = Pool::new(); let mut w = Worker::new(&pool);
    /// # let mut t: Task<(), &'static str> = Task::new(&pool); let mut env = ();
    /// # let mut cx = t.cx(&mut w, &mut env).unwrap();
    /// let f = cx.enter();
    /// cx.defer(|_| Ok(()));
    /// cx.defer(|_| Ok(()));
    /// assert_eq!(cx.task().pending_records(), 2);
    /// cx.exit(f).unwrap();
    /// assert_eq!(cx.task().pending_records(), 0);
    /// ```
    pub fn pending_records(&self) -> usize {
        self.stack.len()
    }

    /// The depth of the frame that registered the newest record (0 for
    /// none).
    #[inline(always)]
    pub(crate) fn head_depth(&self) -> u32 {
        self.stack.head_depth()
    }

    /// Makes room for `size` more bytes on the stack (out of line, so that
    /// a loop of registrations keeps the stack's top in a register). A stack
    /// with no memory (a new task's first record, or the first since
    /// [`Cx::release_stack`]) takes a chunk: its own old chunk if that is
    /// still the worker's hot chunk, else the hot chunk or one from the
    /// worker's list, else a refill; a stack that outgrows its memory is
    /// [`Task::grow_buffer`]. The task keeps the chunk until it is dropped
    /// or released (the pool counts it as held: `Pool::held`).
    #[cold]
    #[inline(never)]
    pub(crate) fn grow(&mut self, worker: &mut Worker, size: usize) {
        if self.stack.cap == 0 && HEADER + size <= CHUNK {
            let old = self.stack.base();
            if worker.reclaim(old) {
                // SAFETY: the chunk this empty stack still points at came
                // back to it (it was the worker's hot chunk: free, unused
                // since this task gave it back), CHUNK bytes.
                unsafe { self.stack.resume_in(CHUNK) };
            } else {
                let chunk = match worker.try_take_chunk() {
                    Some(chunk) => chunk,
                    None => worker.alloc(0),
                };
                // SAFETY: the chunk is ours (just taken), CHUNK bytes,
                // 16-aligned, its bottom sentinel zero (pool.rs).
                unsafe { self.stack.start_in(chunk.0.cast::<u8>(), CHUNK) };
            }
            self.pool.chunk_taken();
            return;
        }
        self.grow_buffer(worker, size);
    }

    /// Moves the stack to a global-allocator buffer twice as large (at
    /// least), the records copied over, and gives the old memory back (a
    /// chunk to the worker, a buffer to the global allocator). Only a stack
    /// that outgrows its largest size so far allocates.
    #[inline(never)]
    fn grow_buffer(&mut self, worker: &mut Worker, size: usize) {
        let used = self.stack.top.addr() - self.stack.base().addr();
        let need = used + size;
        let cap = need
            .next_power_of_two()
            .max(2 * CHUNK)
            .max(2 * self.stack.cap);
        let layout = stack_layout(cap);
        // SAFETY: `layout` has a non-zero size.
        let p = unsafe { alloc(layout) };
        let mem = NonNull::new(p).unwrap_or_else(|| handle_alloc_error(layout));
        // SAFETY: `mem` is ours (just allocated), `cap >= need > used`
        // bytes, 16-aligned.
        let (old, old_cap) = unsafe { self.stack.switch_to(mem, cap) };
        if old_cap == CHUNK {
            self.pool.chunk_given();
        }
        free_memory(old, old_cap, &mut Home::Worker(worker));
    }

    /// Gives the stack's memory back to `worker` if the stack is empty and
    /// its memory is a pool chunk (a global-allocator buffer stays with the
    /// task). See [`Cx::release_stack`].
    pub(crate) fn release_if_empty(&mut self, worker: &mut Worker) -> bool {
        if self.stack.is_empty() && self.stack.in_chunk() {
            let base = self.stack.give_up_chunk();
            // SAFETY: a chunk stack's memory came from the pool as a non-null
            // chunk (record invariant 1); the stack no longer uses it.
            let chunk = Chunk(unsafe { NonNull::new_unchecked(base.cast::<Header>()) });
            worker.lend(chunk);
            self.pool.chunk_given();
            true
        } else {
            false
        }
    }

    /// Discards (drops uncalled, counts) every record registered by frames
    /// deeper than `depth`, and makes `depth` the innermost frame if it was
    /// deeper (the deeper frames are abandoned: their tokens become stale).
    #[cold]
    #[inline(never)]
    pub(crate) fn discard_down_to(&mut self, depth: u32) {
        // The task is consistent before any closure is dropped: a Drop that
        // panics (or reaches the engine) finds the frames already gone.
        if self.depth() > depth {
            self.abandon_below(depth);
            self.set_depth(depth);
        }
        self.discard_while(Some(depth));
    }

    /// Discards the newest records while they belong to a frame deeper
    /// than `keep` (all of them for `None`). If a closure's `Drop` panics,
    /// the rest are still discarded (by the guard, while the panic unwinds,
    /// as `Vec`'s `Drop` does) and the panic then goes on: no record is
    /// lost.
    fn discard_while(&mut self, keep: Option<u32>) {
        struct Rest<'g, E, P, M> {
            task: &'g mut Task<E, P, M>,
            keep: Option<u32>,
        }
        impl<E, P, M> Drop for Rest<'_, E, P, M> {
            fn drop(&mut self) {
                // Only reached when a closure's Drop panicked.
                self.task.discard_while(self.keep);
            }
        }
        let rest = Rest { task: self, keep };
        while !rest.task.stack.is_empty() && keep.is_none_or(|k| rest.task.head_depth() > k) {
            rest.task.discard_head();
        }
        core::mem::forget(rest);
    }

    /// Pops the newest record (callers check there is one), counts it, and
    /// hands it to its closure's drop shim.
    fn discard_head(&mut self) {
        debug_assert!(!self.stack.is_empty());
        // SAFETY: callers check a record is on the stack; its vtable is a
        // CallVTable<E, P, M> for its payload's type (module invariant),
        // and the drop shim reads the closure out once, now.
        unsafe {
            let (rec, vt) = self.stack.pop();
            self.discarded += 1;
            ((*vt.cast::<CallVTable<E, P, M>>()).drop)(rec);
        }
    }
}

/// The layout of a global-allocator stack buffer of `cap` bytes.
fn stack_layout(cap: usize) -> Layout {
    Layout::from_size_align(cap, RECORD_ALIGN).expect("deferrt: record stack too large")
}

/// Gives a stack's old memory back: a chunk to `home`, a buffer to the
/// global allocator, the static sentinel to no one.
fn free_memory(mem: *mut u8, cap: usize, home: &mut Home<'_>) {
    if cap == CHUNK {
        // SAFETY: a chunk's memory came from the pool as a non-null chunk
        // (record invariant 1); the stack no longer uses it.
        let chunk = Chunk(unsafe { NonNull::new_unchecked(mem.cast::<Header>()) });
        home.give(chunk);
    } else if cap > CHUNK {
        // SAFETY: a buffer of `cap > CHUNK` bytes came from `alloc` with
        // `stack_layout(cap)` (record invariant 1); the stack no longer
        // uses it.
        unsafe { dealloc(mem, stack_layout(cap)) };
    }
}

/// A deferred value too large for a record, registered by `defer_call` or
/// `defer_to`: called like a closure.
struct BoxedCall<C>(Box<C>);

impl<E, P, M, C: Deferred<E, P, M>> Deferred<E, P, M> for BoxedCall<C> {
    fn call(self, cx: &mut Cx<'_, E, P, M>) -> Outcome {
        (*self.0).call(cx)
    }
}

/// Where a stack's chunk goes back to: the running worker's cache, or the
/// central pool when the task is dropped outside any worker.
pub(crate) enum Home<'w> {
    Worker(&'w mut Worker),
    Central(&'w Pool),
}

impl Home<'_> {
    /// Gives `chunk` back.
    fn give(&mut self, chunk: Chunk) {
        match self {
            Home::Worker(w) => w.free(chunk, 0),
            Home::Central(p) => give_central(p, 0, chunk),
        }
    }
}

impl<E, P, M> Drop for Task<E, P, M> {
    fn drop(&mut self) {
        // Calls still pending belong to frames that were never left: drop
        // them uncalled and count them; then the stack's memory goes back
        // (a chunk to the central pool). Records at depth 0 (registered
        // outside any frame) go too.
        if self.stack.cap == 0 {
            return;
        }
        struct Free<'g, E, P, M>(&'g mut Task<E, P, M>);
        impl<E, P, M> Drop for Free<'_, E, P, M> {
            fn drop(&mut self) {
                // Also when a closure's Drop panicked (every record has
                // been discarded by then: `discard_while`'s guard).
                let s = &mut self.0.stack;
                s.top = s.bottom;
                let (old, cap) = s.detach();
                let pool = Arc::clone(&self.0.pool);
                if cap == CHUNK {
                    pool.chunk_given();
                }
                free_memory(old, cap, &mut Home::Central(&pool));
            }
        }
        let g = Free(self);
        g.0.discard_while(None);
        drop(g);
    }
}

impl<'a, E, P: PanicValue, M> Cx<'a, E, P, M> {
    /// Registers `f` to run when the innermost frame is left (Go's
    /// `deferproc`). `f` runs in a frame of its own, last-in first-out with
    /// the frame's other deferred calls.
    ///
    /// The closure's captures are stored inline in a record on the task's
    /// stack; one larger than 480 bytes or aligned to more than 16 is boxed
    /// (one global allocation). A call registered outside any frame never runs; it is
    /// discarded when the task drops.
    ///
    /// ```
    /// # use deferrt_core::{Pool, Worker, Task};
    /// # let pool = Pool::new(); let mut w = Worker::new(&pool);
    /// let mut t: Task<String, &'static str> = Task::new(&pool);
    /// let mut s = String::new();
    /// let mut cx = t.cx(&mut w, &mut s).unwrap();
    /// let f = cx.enter();
    /// cx.defer(|cx| { cx.env().push('b'); Ok(()) });
    /// cx.env().push('a');
    /// cx.exit(f).unwrap();
    /// drop(cx);
    /// assert_eq!(s, "ab");
    /// ```
    #[inline]
    pub fn defer<F>(&mut self, f: F)
    where
        F: FnOnce(&mut Cx<'_, E, P, M>) -> Outcome + Admit<M> + 'static,
    {
        if fits_inline::<F>() {
            self.push_record(f);
        } else {
            self.defer_boxed(f);
        }
    }

    /// [`defer`](Cx::defer) when the task's stack has room for `f` already:
    /// registers it and returns `Ok(())`, running no code outside the engine
    /// (no allocation, no pool trade, no `Drop`); otherwise hands `f` back
    /// untouched, for [`defer`](Cx::defer). For an embedder that must not
    /// run foreign code — a global allocator, say — while it registers (a
    /// layer that marks its context busy around every engine call can skip
    /// the marks on this path).
    ///
    /// ```
    /// # use deferrt_core::{Pool, Worker, Task};
    /// # let pool = Pool::new(); let mut w = Worker::new(&pool);
    /// let mut t: Task<Vec<u8>, &'static str> = Task::new(&pool);
    /// let mut log = Vec::new();
    /// let mut cx = t.cx(&mut w, &mut log).unwrap();
    /// let f = cx.enter();
    /// let first = |cx: &mut deferrt_core::Cx<'_, Vec<u8>, &'static str>| { cx.env().push(1); Ok(()) };
    /// // A new task has no stack memory yet: the first record needs `defer`.
    /// let first = cx.try_defer(first).unwrap_err();
    /// cx.defer(first);
    /// assert!(cx.try_defer(|cx| { cx.env().push(2); Ok(()) }).is_ok()); // room now
    /// cx.exit(f).unwrap();
    /// drop(cx);
    /// assert_eq!(log, [2, 1]);
    /// ```
    #[inline]
    pub fn try_defer<F>(&mut self, f: F) -> Result<(), F>
    where
        F: FnOnce(&mut Cx<'_, E, P, M>) -> Outcome + Admit<M> + 'static,
    {
        if fits_inline::<F>() && self.task.stack.has_room(rec_size::<F>()) {
            try_push_into(self.task, f);
            Ok(())
        } else {
            Err(f)
        }
    }

    #[cold]
    #[inline(never)]
    fn defer_boxed<F>(&mut self, f: F)
    where
        F: FnOnce(&mut Cx<'_, E, P, M>) -> Outcome + Admit<M> + 'static,
    {
        let b = Box::new(f);
        self.push_record(move |cx: &mut Cx<'_, E, P, M>| (*b)(cx));
    }

    /// Registers a deferred call that is a value of a [`Deferred`] type
    /// rather than a closure: the same record as [`defer`](Cx::defer), but
    /// the stepped exit ([`leave_next`](Cx::leave_next)) hands a `C` back
    /// to the embedder as data instead of calling it — how an interpreter
    /// whose deferred functions are its own activations runs them. A `C`
    /// over the largest record class is boxed, and is then called like a
    /// closure (never handed out).
    ///
    /// ```
    /// use deferrt_core::{Cx, Deferred, LeaveStep, Local, Outcome, Pool, Task, Worker};
    /// struct Say(&'static str);
    /// impl Deferred<Vec<&'static str>, &'static str, Local> for Say {
    ///     fn call(self, cx: &mut Cx<'_, Vec<&'static str>, &'static str>) -> Outcome {
    ///         cx.env().push(self.0);
    ///         Ok(())
    ///     }
    /// }
    /// # let pool = Pool::new(); let mut w = Worker::new(&pool);
    /// let mut t: Task<Vec<&'static str>, &'static str> = Task::new(&pool);
    /// let mut log = Vec::new();
    /// let mut cx = t.cx(&mut w, &mut log).unwrap();
    /// let f = cx.enter();
    /// cx.defer_call(Say("called by exit"));
    /// cx.exit(f).unwrap(); // exit calls it
    /// let f = cx.enter();
    /// cx.defer_call(Say("handed back"));
    /// let mut l = cx.leave_start(f, Ok(()));
    /// let LeaveStep::Call { call, frame } = cx.leave_next::<Say, 1>(&mut l, None) else { panic!() };
    /// assert_eq!(call.0, "handed back"); // data: the embedder runs it in `frame`
    /// let r = cx.leave(frame, Ok(()));
    /// cx.leave_resume(&mut l, r);
    /// assert!(matches!(cx.leave_next::<Say, 1>(&mut l, None), LeaveStep::Done(Ok(()))));
    /// drop(cx);
    /// assert_eq!(log, ["called by exit"]);
    /// ```
    #[inline]
    pub fn defer_call<C>(&mut self, c: C)
    where
        C: Deferred<E, P, M> + Admit<M> + 'static,
    {
        if fits_inline::<C>() {
            self.push_record(c);
        } else {
            self.push_record(BoxedCall(Box::new(c)));
        }
    }

    /// Gives the task's stack chunk back to this context's worker when the
    /// task holds no pending record; returns whether it did.
    ///
    /// A task takes a pool chunk for its record stack at its first defer and
    /// keeps it for its whole life — between frames and between uses, so a
    /// function that defers, called again and again, never trades memory
    /// with the worker — and a dropped task gives it back to the central
    /// pool. An embedder that keeps idle tasks around (a finished goroutine
    /// kept for reuse, one about to be dropped on a worker thread) calls this
    /// to put the chunk in the worker's cache instead: the next task to
    /// defer there takes it without touching the central pool's lock. The
    /// task takes a chunk again at its next defer. A stack that outgrew its
    /// chunk keeps its buffer (not pool memory).
    ///
    /// ```
    /// use deferrt_core::{Pool, Worker, Task, BATCH};
    /// let pool = Pool::new();
    /// let mut w = Worker::new(&pool);
    /// let mut t: Task<(), &'static str> = Task::new(&pool);
    /// let mut env = ();
    /// let mut cx = t.cx(&mut w, &mut env).unwrap();
    /// cx.call(|cx| { cx.defer(|_| Ok(())); Ok(()) }).unwrap();
    /// assert_eq!(cx.worker().cached(), BATCH - 1); // the task keeps its chunk
    /// assert!(cx.release_stack());
    /// assert_eq!(cx.worker().cached(), BATCH); // back in the worker's cache
    /// assert!(!cx.release_stack()); // nothing left to give
    /// drop(cx);
    /// let s = pool.stats();
    /// assert_eq!((s.carved, pool.held()), (s.central_free + w.cached(), 0));
    /// ```
    pub fn release_stack(&mut self) -> bool {
        self.task.release_if_empty(self.worker)
    }

    /// Links a record holding `f` at the head of the chain.
    #[inline(always)]
    fn push_record<F: Deferred<E, P, M> + 'static>(&mut self, f: F) {
        push_into(self.task, self.worker, f);
    }

    /// Links a record holding `f` as the newest of the open frame at
    /// `depth` (checked by the caller: `1 <= depth <= task.depth()`).
    pub(super) fn push_record_at<F: Deferred<E, P, M> + 'static>(&mut self, f: F, depth: u32) {
        if fits_inline::<F>() {
            push_into_at(self.task, self.worker, f, depth);
        } else {
            push_into_at(self.task, self.worker, BoxedCall(Box::new(f)), depth);
        }
    }

    /// Pops the newest record; the caller has checked it belongs to the
    /// frame being left.
    #[inline(always)]
    pub(super) fn pop_record(&mut self) -> (Rec, *const CallVTable<E, P, M>) {
        // SAFETY: callers check `head_depth() == d > 0`, which only holds
        // when a record, not the sentinel, is on top; they read its closure
        // out once (call or hand out), before anything is pushed again.
        let (rec, vt) = unsafe { self.task.stack.pop() };
        (rec, vt.cast::<CallVTable<E, P, M>>())
    }
}
