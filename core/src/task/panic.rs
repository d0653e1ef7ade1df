//! The panic state machine: the panic stack (Go's `_panic` list), `panic`,
//! `Goexit`, `recover`, and the one loop that runs the rest of a frame for a
//! normal exit, a panic and a Goexit alike (`gopanic` and
//! `_panic.nextDefer`), with Go's `recovery`.

use super::{Cx, Outcome, Task, Unwind, Unwinding};
use crate::value::PanicValue;

/// How the engine's shared loop reaches an open frame's remaining slots
/// (the role Go's funcdata plays for open-coded defers on the panic path).
/// Implemented by [`OpenFrame`](crate::OpenFrame) in `open.rs`, which
/// depends on this module, never the other way round.
pub(crate) trait PendingSlots<E, P, M> {
    /// Runs the highest armed slot, if any.
    fn run_next(&mut self, cx: &mut Cx<'_, E, P, M>) -> Option<Outcome>;
}

/// One entry of the panic stack: Go's `_panic`.
#[derive(Debug)]
pub(super) struct Entry<P> {
    /// `None` for a Goexit.
    pub(super) value: Option<P>,
    /// An effective `recover` took this panic; the recovery completes when
    /// the recovering deferred call returns.
    pub(super) recovered: bool,
    /// A deferred call this entry was running started a newer panic (or
    /// Goexit) that left the call: the newer one carries on the unwinding and
    /// this one only remains to be printed, or — for a Goexit — to resume.
    pub(super) superseded: bool,
}

impl<E, P, M> Task<E, P, M> {
    /// Whether a panic or Goexit is in progress or ended the task.
    ///
    /// ```
    /// # use deferrt_core::{Pool, Worker, Task};
    /// # let pool = Pool::new(); let mut w = Worker::new(&pool);
    /// let mut t: Task<Vec<bool>, &'static str> = Task::new(&pool);
    /// let mut seen = Vec::new();
    /// let mut cx = t.cx(&mut w, &mut seen).unwrap();
    /// let r = cx.call(|cx| -> Result<(), _> {
    ///     cx.defer(|cx| {
    ///         let u = cx.task().is_unwinding();
    ///         cx.env().push(u);
    ///         cx.recover();
    ///         Ok(())
    ///     });
    ///     Err(cx.panic("boom"))
    /// });
    /// assert_eq!(r, Ok(None));
    /// assert!(!cx.task().is_unwinding()); // recovered
    /// drop(cx);
    /// assert_eq!(seen, [true]); // the deferred call ran for the panic
    /// ```
    pub fn is_unwinding(&self) -> bool {
        self.panics.iter().any(|e| !e.superseded)
    }

    /// What the task is unwinding with: the newest entry of its panic stack.
    /// After the outermost frame returned `Err(Unwind)`, this says whether
    /// the task died of a panic (print [`Task::crash_report`]) or finished a
    /// `Goexit`.
    ///
    /// ```
    /// # use deferrt_core::{Pool, Worker, Task, Unwinding};
    /// # let pool = Pool::new(); let mut w = Worker::new(&pool);
    /// # let mut t: Task<(), &'static str> = Task::new(&pool); let mut env = ();
    /// let mut cx = t.cx(&mut w, &mut env).unwrap();
    /// assert_eq!(cx.task().unwinding(), None);
    /// let r = cx.call(|cx| -> Result<(), _> { Err(cx.goexit()) });
    /// assert!(r.is_err());
    /// drop(cx);
    /// assert_eq!(t.unwinding(), Some(Unwinding::Goexit));
    /// ```
    pub fn unwinding(&self) -> Option<Unwinding<'_, P>> {
        self.panics.last().map(|e| match &e.value {
            Some(v) => Unwinding::Panic(v),
            None => Unwinding::Goexit,
        })
    }

    /// The crash report Go prints for the task's panic stack, up to and
    /// including `goroutine 1 [running]:`. See [`CrashReport`](crate::CrashReport).
    ///
    /// ```
    /// # use deferrt_core::{Pool, Worker, Task};
    /// # let pool = Pool::new(); let mut w = Worker::new(&pool);
    /// # let mut t: Task<(), &'static str> = Task::new(&pool); let mut env = ();
    /// let mut cx = t.cx(&mut w, &mut env).unwrap();
    /// let r = cx.call(|cx| -> Result<(), _> { Err(cx.panic("boom")) });
    /// assert!(r.is_err());
    /// drop(cx);
    /// assert_eq!(t.crash_report().to_string(), "panic: boom\n\ngoroutine 1 [running]:\n");
    /// ```
    pub fn crash_report(&self) -> crate::report::CrashReport<'_, P> {
        crate::report::CrashReport::new(self.panics.iter().map(|e| crate::report::Line {
            value: e.value.as_ref(),
            recovered: e.recovered,
        }))
    }

    /// Forgets the task's panic stack, e.g. after reporting a crash, so the
    /// task can be reused.
    ///
    /// ```
    /// # use deferrt_core::{Pool, Worker, Task};
    /// # let pool = Pool::new(); let mut w = Worker::new(&pool);
    /// # let mut t: Task<(), &'static str> = Task::new(&pool); let mut env = ();
    /// let mut cx = t.cx(&mut w, &mut env).unwrap();
    /// let r = cx.call(|cx| -> Result<(), _> { Err(cx.panic("boom")) });
    /// assert!(r.is_err());
    /// drop(cx);
    /// assert!(t.is_unwinding());
    /// t.clear_panics(); // reported; reuse the task
    /// assert_eq!(t.unwinding(), None);
    /// let mut cx = t.cx(&mut w, &mut env).unwrap();
    /// assert_eq!(cx.call(|_| Ok(1)), Ok(Some(1)));
    /// ```
    pub fn clear_panics(&mut self) {
        self.panics.clear();
        self.defer_frame = 0;
    }
}

impl<'a, E, P: PanicValue, M> Cx<'a, E, P, M> {
    /// Starts a panic with `v` (after [`PanicValue::on_panic`]) in the
    /// innermost frame. Return the `Unwind` from the body; the frames it
    /// passes through run their deferred calls as they are left.
    ///
    /// ```
    /// # use deferrt_core::{Pool, Worker, Task, Unwinding};
    /// # let pool = Pool::new(); let mut w = Worker::new(&pool);
    /// let mut t: Task<Vec<&'static str>, &'static str> = Task::new(&pool);
    /// let mut log = Vec::new();
    /// let mut cx = t.cx(&mut w, &mut log).unwrap();
    /// let r = cx.call(|cx| -> Result<(), _> {
    ///     cx.defer(|cx| { cx.env().push("outer defer"); Ok(()) });
    ///     cx.call(|cx| -> Result<(), _> {
    ///         cx.defer(|cx| { cx.env().push("inner defer"); Ok(()) });
    ///         Err(cx.panic("boom"))
    ///     })?;
    ///     unreachable!("the panic leaves the caller too")
    /// });
    /// assert!(r.is_err());
    /// drop(cx);
    /// assert_eq!(log, ["inner defer", "outer defer"]); // innermost frame first
    /// assert_eq!(t.unwinding(), Some(Unwinding::Panic(&"boom")));
    /// ```
    #[cold]
    pub fn panic(&mut self, v: P) -> Unwind {
        self.task.panics.push(Entry {
            value: Some(v.on_panic()),
            recovered: false,
            superseded: false,
        });
        Unwind(())
    }

    /// Starts Go's `runtime.Goexit`: every pending deferred call of the task
    /// runs, innermost frame first, and no frame returns normally. `recover`
    /// returns `None` while it runs; a panic raised by a deferred call may be
    /// recovered, after which the Goexit carries on.
    ///
    /// ```
    /// # use deferrt_core::{Pool, Worker, Task, Unwinding};
    /// # let pool = Pool::new(); let mut w = Worker::new(&pool);
    /// let mut t: Task<Vec<String>, &'static str> = Task::new(&pool);
    /// let mut log = Vec::new();
    /// let mut cx = t.cx(&mut w, &mut log).unwrap();
    /// let r = cx.call(|cx| -> Result<(), _> {
    ///     cx.defer(|cx| { let v = cx.recover(); cx.env().push(format!("{v:?}")); Ok(()) });
    ///     cx.defer(|cx| Err(cx.panic("during Goexit")));
    ///     cx.defer(|cx| { let v = cx.recover(); cx.env().push(format!("{v:?}")); Ok(()) });
    ///     Err(cx.goexit())
    /// });
    /// assert!(r.is_err()); // even though a deferred call recovered a panic
    /// drop(cx);
    /// assert_eq!(log, ["None", "Some(\"during Goexit\")"]);
    /// assert_eq!(t.unwinding(), Some(Unwinding::Goexit));
    /// ```
    #[cold]
    pub fn goexit(&mut self) -> Unwind {
        self.task.panics.push(Entry {
            value: None,
            recovered: false,
            superseded: false,
        });
        Unwind(())
    }

    /// Go's `recover()`: returns the current panic's value and marks it
    /// recovered when called from the frame of a deferred call that the
    /// panic itself is running; `None` otherwise — not panicking, called
    /// from a deeper frame (a helper the deferred call made), from a deferred
    /// call run by a normal return, a second time, or during Goexit.
    ///
    /// "Directly" is decided by the frame, not by an address: the engine
    /// records which frame depth the running deferred call occupies before
    /// calling it (Go's address comparison broke under inlining,
    /// golang/go#73916).
    ///
    /// ```
    /// # use deferrt_core::{Pool, Worker, Task};
    /// # let pool = Pool::new(); let mut w = Worker::new(&pool);
    /// let mut t: Task<Vec<Option<&'static str>>, &'static str> = Task::new(&pool);
    /// let mut log = Vec::new();
    /// let mut cx = t.cx(&mut w, &mut log).unwrap();
    /// assert_eq!(cx.recover(), None); // not panicking
    /// let r = cx.call(|cx| -> Result<(), _> {
    ///     cx.defer(|cx| {
    ///         let helper = cx.call(|cx| Ok(cx.recover()))?.flatten(); // one frame deeper
    ///         let direct = cx.recover();
    ///         let again = cx.recover();
    ///         cx.env().extend([helper, direct, again]);
    ///         Ok(())
    ///     });
    ///     Err(cx.panic("boom"))
    /// });
    /// assert_eq!(r, Ok(None)); // recovered: the frame returns normally
    /// drop(cx);
    /// assert_eq!(log, [None, Some("boom"), None]);
    /// ```
    #[inline]
    pub fn recover(&mut self) -> Option<P> {
        let t = &mut *self.task;
        if t.depth != t.defer_frame {
            return None;
        }
        let e = t.panics.last_mut()?;
        if e.recovered {
            return None;
        }
        let v = e.value.clone()?; // Goexit: nothing to recover
        e.recovered = true;
        Some(v)
    }

    /// Whether `recover` called now, from the innermost frame, would be
    /// effective.
    ///
    /// ```
    /// # use deferrt_core::{Pool, Worker, Task};
    /// # let pool = Pool::new(); let mut w = Worker::new(&pool);
    /// let mut t: Task<Vec<bool>, &'static str> = Task::new(&pool);
    /// let mut log = Vec::new();
    /// let mut cx = t.cx(&mut w, &mut log).unwrap();
    /// assert!(!cx.can_recover());
    /// let r = cx.call(|cx| -> Result<(), _> {
    ///     cx.defer(|cx| {
    ///         let helper = cx.call(|cx| Ok(cx.can_recover()))?.unwrap_or(true);
    ///         let before = cx.can_recover();
    ///         cx.recover();
    ///         let after = cx.can_recover();
    ///         cx.env().extend([helper, before, after]);
    ///         Ok(())
    ///     });
    ///     Err(cx.panic("boom"))
    /// });
    /// assert_eq!(r, Ok(None));
    /// drop(cx);
    /// assert_eq!(log, [false, true, false]);
    /// ```
    pub fn can_recover(&self) -> bool {
        let t = &*self.task;
        t.depth == t.defer_frame
            && t.panics
                .last()
                .is_some_and(|e| !e.recovered && e.value.is_some())
    }

    pub(crate) fn finish_and_pop(
        &mut self,
        d: u32,
        unwinding: bool,
        open: Option<&mut dyn PendingSlots<E, P, M>>,
    ) -> Outcome {
        let r = self.finish(d, unwinding, open);
        self.task.depth = d - 1;
        r
    }

    /// Runs what is left of frame `d` — its open slots first (they were
    /// registered in the frame's own storage), then its chain records — with
    /// or without an unwinding in progress. This is the one loop Go 1.22
    /// uses for normal exit, panic and Goexit alike (`_panic.nextDefer`).
    ///
    /// Leaves `task.depth == d`; the caller pops the frame.
    #[cold]
    #[inline(never)]
    pub(crate) fn finish(
        &mut self,
        d: u32,
        mut unwinding: bool,
        mut open: Option<&mut dyn PendingSlots<E, P, M>>,
    ) -> Outcome {
        debug_assert_eq!(self.task.depth, d);
        // The value `defer_frame` had for whoever is outside this frame (an
        // outer panic's deferred call, or none). Restored on the way out, and
        // whenever this frame stops unwinding, so that a deferred call run by
        // a normal return can never recover an outer panic.
        let outer_defer_frame = self.task.defer_frame;
        loop {
            // The panic that runs the next call is the newest entry; note its
            // index to see afterwards whether the call recovered it or
            // started a newer one.
            let top = self.task.panics.len().wrapping_sub(1);
            self.task.defer_frame = if unwinding { d + 1 } else { outer_defer_frame };
            // The next call: open slots first (highest armed bit), then the
            // chain. Each is disarmed/unlinked before it is called, so a panic
            // inside it can never run it again.
            let r = match open.as_deref_mut().and_then(|o| o.run_next(self)) {
                Some(r) => r,
                None if self.task.head_depth() == d => {
                    let (rec, vt) = self.pop_record();
                    self.task.depth = d + 1;
                    let r = self.run_record(rec, vt, d + 1);
                    self.task.depth = d;
                    r
                }
                None => break,
            };
            match r {
                Err(_) => {
                    // The call left with an unwinding of its own. If it is
                    // a newer entry (a panic or Goexit started inside the
                    // call), it takes over: the one that was running this
                    // frame is superseded — kept only to be printed, or, for a
                    // Goexit, to be resumed if the newer panic is recovered.
                    if unwinding && self.task.panics.len() > top.wrapping_add(1) {
                        self.task.panics[top].superseded = true;
                    }
                    unwinding = true;
                }
                Ok(()) if unwinding && self.task.panics[top].recovered => {
                    // The call recovered the panic that ran it and returned:
                    // the recovery happens now (Go's `recovery`).
                    unwinding = self.complete_recovery();
                }
                Ok(()) => {}
            }
        }
        self.task.defer_frame = outer_defer_frame;
        if unwinding {
            Err(Unwind(()))
        } else {
            Ok(())
        }
    }

    /// Go's `recovery`: drop the recovered panic and every panic it
    /// superseded on its way here (they were aborted: GO-SEMANTICS B4). A
    /// superseded Goexit is not dropped: a recovery never jumps past a
    /// pending Goexit, which resumes instead (D4). Returns whether the frame
    /// is still unwinding (because a Goexit resumed).
    fn complete_recovery(&mut self) -> bool {
        let panics = &mut self.task.panics;
        panics.pop();
        while let Some(e) = panics.last_mut() {
            if !e.superseded {
                break;
            }
            if e.value.is_none() {
                e.superseded = false;
                return true;
            }
            panics.pop();
        }
        false
    }
}
