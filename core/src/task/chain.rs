//! The chain of records: registration (`Cx::defer`), unlinking
//! (`Cx::pop_record`) and discarding (`Task::discard_down_to`, `Drop`).
//!
//! The `unsafe` here relies on the invariants stated in `task/mod.rs`
//! (# Unsafe) and `record.rs`; each block says which.

use alloc::boxed::Box;

use super::vtable::{push_into, push_into_at, CallVTable};
use super::{Admit, Cx, Deferred, Outcome, Task};
use crate::pool::{give_central, Pool, Worker};
use crate::record::{class_of, sentinel, Rec};
use crate::sync::Arc;
use crate::value::PanicValue;

impl<E, P, M> Task<E, P, M> {
    /// Records in the chain (registered, not yet run).
    ///
    /// Walks the chain: a diagnostic, not for hot paths (the hot path keeps
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
        let mut n = 0;
        let mut p = self.head;
        while p != sentinel() {
            n += 1;
            // SAFETY: every non-null link of the chain is a live record
            // (record invariants 2 and 3).
            p = unsafe { (*p).next };
        }
        n
    }

    /// The depth of the frame that registered the head record (0 for the
    /// sentinel).
    #[inline(always)]
    pub(crate) fn head_depth(&self) -> u32 {
        // SAFETY: `head` is the sentinel or a live record of this chain
        // (record invariant 2): readable either way.
        unsafe { (*self.head).depth }
    }

    /// Discards (drops uncalled, frees, counts) every record registered by
    /// frames deeper than `depth`, and makes `depth` the innermost frame if
    /// it was deeper (the deeper frames are abandoned: their tokens become
    /// stale).
    #[cold]
    #[inline(never)]
    pub(crate) fn discard_down_to(&mut self, worker: &mut Worker, depth: u32) {
        // The task is consistent before any closure is dropped: a Drop that
        // panics (or reaches the engine) finds the frames already gone.
        if self.depth() > depth {
            self.abandon_below(depth);
            self.set_depth(depth);
        }
        self.discard_while(&mut Home::Worker(worker), Some(depth));
    }

    /// Discards head records while the head belongs to a frame deeper than
    /// `keep` (all of them for `None`). If a closure's `Drop` panics, the
    /// rest are still discarded (by the guard, while the panic unwinds, as
    /// `Vec`'s `Drop` does) and the panic then goes on: no record is lost.
    fn discard_while(&mut self, home: &mut Home<'_>, keep: Option<u32>) {
        struct Rest<'g, 'w, E, P, M> {
            task: &'g mut Task<E, P, M>,
            home: &'g mut Home<'w>,
            keep: Option<u32>,
        }
        impl<E, P, M> Drop for Rest<'_, '_, E, P, M> {
            fn drop(&mut self) {
                // Only reached when a closure's Drop panicked.
                self.task.discard_while(self.home, self.keep);
            }
        }
        let mut rest = Rest {
            task: self,
            home,
            keep,
        };
        while rest.task.head != sentinel() && keep.is_none_or(|k| rest.task.head_depth() > k) {
            let Rest { task, home, .. } = &mut rest;
            task.discard_head(home);
        }
        core::mem::forget(rest);
    }

    /// Unlinks the head record (not the sentinel: callers check), counts it,
    /// and hands it to its closure's drop shim, which gives the record back
    /// to `home` before dropping the closure.
    fn discard_head(&mut self, home: &mut Home<'_>) {
        let rec = Rec(core::ptr::NonNull::new(self.head).expect("non-null head"));
        // SAFETY: `rec` is not the sentinel (callers check), so it is the
        // head of this task's chain: a live record whose vtable is a
        // CallVTable<E, P, M> for its payload's type (module invariant).
        let vt = unsafe {
            let h = &*rec.0.as_ptr();
            self.head = h.next;
            &*(h.vtable as *const CallVTable<E, P, M>)
        };
        self.discarded += 1;
        // SAFETY: unlinked above; the payload holds the vtable's type.
        unsafe { (vt.drop)(rec, home) };
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

/// Where a discarded record goes back to: the running worker's cache, or
/// the central pool when the task is dropped outside any worker.
pub(crate) enum Home<'w> {
    Worker(&'w mut Worker),
    Central(&'w Pool),
}

impl Home<'_> {
    /// Gives `rec` (of `class`) back.
    pub(crate) fn give(&mut self, rec: Rec, class: usize) {
        match self {
            Home::Worker(w) => w.free(rec, class),
            Home::Central(p) => give_central(p, class, rec),
        }
    }
}

impl<E, P, M> Drop for Task<E, P, M> {
    fn drop(&mut self) {
        // Calls still pending belong to frames that were never left: drop
        // them uncalled, count them, and return their records to the pool.
        // Records at depth 0 (registered outside any frame) go too.
        if self.head == sentinel() {
            return;
        }
        let pool = Arc::clone(&self.pool);
        self.discard_while(&mut Home::Central(&pool), None);
    }
}

impl<'a, E, P: PanicValue, M> Cx<'a, E, P, M> {
    /// Registers `f` to run when the innermost frame is left (Go's
    /// `deferproc`). `f` runs in a frame of its own, last-in first-out with
    /// the frame's other deferred calls.
    ///
    /// The closure's captures are stored inline in a pooled record; one
    /// larger than 480 bytes or aligned to more than 16 is boxed (one global
    /// allocation). A call registered outside any frame never runs; it is
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
        if class_of::<F>().is_some() {
            self.push_record(f);
        } else {
            self.defer_boxed(f);
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
        if class_of::<C>().is_some() {
            self.push_record(c);
        } else {
            self.push_record(BoxedCall(Box::new(c)));
        }
    }

    /// Links a record holding `f` at the head of the chain.
    #[inline(always)]
    fn push_record<F: Deferred<E, P, M> + 'static>(&mut self, f: F) {
        push_into(self.task, self.worker, f);
    }

    /// Links a record holding `f` as the newest of the open frame at
    /// `depth` (checked by the caller: `1 <= depth <= task.depth()`).
    pub(super) fn push_record_at<F: Deferred<E, P, M> + 'static>(&mut self, f: F, depth: u32) {
        if class_of::<F>().is_some() {
            push_into_at(self.task, self.worker, f, depth);
        } else {
            push_into_at(self.task, self.worker, BoxedCall(Box::new(f)), depth);
        }
    }

    /// Unlinks the head record; the caller has checked it belongs to the
    /// frame being left.
    #[inline(always)]
    pub(super) fn pop_record(&mut self) -> (Rec, *const CallVTable<E, P, M>) {
        let t = &mut *self.task;
        debug_assert!(t.head != sentinel());
        // SAFETY: callers check `head.depth == d > 0`, which only holds
        // when `head` is a live record of this chain, not the sentinel.
        unsafe {
            let rec = Rec(core::ptr::NonNull::new_unchecked(t.head));
            let h = &*t.head;
            t.head = h.next;
            (rec, h.vtable.cast::<CallVTable<E, P, M>>())
        }
    }
}
