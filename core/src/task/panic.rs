//! The panic state machine: the panic stack (Go's `_panic` list), `panic`,
//! `Goexit`, `recover`, and the one loop that runs the rest of a frame for a
//! normal exit, a panic and a Goexit alike (`gopanic` and
//! `_panic.nextDefer`), with Go's `recovery`.

use core::num::NonZeroU64;

use smallvec::SmallVec;

use super::{Cx, Outcome, Task, Unwind, Unwinding};
use crate::sync::next_stamp;
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
    /// The entry's process-unique stamp, which its [`Unwind`] tokens carry.
    pub(super) stamp: NonZeroU64,
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

    /// How many entries the panic stack holds: panics and `Goexit`s in
    /// flight, including those a newer panic superseded (Go's `gp._panic`
    /// list). An embedder that shows the call stack of a deferred call run
    /// by a panic (gc's `runtime.gopanic` frame) needs it to be 1.
    ///
    /// ```
    /// # use deferrt_core::{Pool, Worker, Task};
    /// # let pool = Pool::new(); let mut w = Worker::new(&pool);
    /// # let mut t: Task<(), &'static str> = Task::new(&pool); let mut env = ();
    /// let mut cx = t.cx(&mut w, &mut env).unwrap();
    /// assert_eq!(cx.task().panics_in_flight(), 0);
    /// let r = cx.call(|cx| -> Result<(), _> {
    ///     cx.defer(|cx| {
    ///         let once = cx.task().panics_in_flight();
    ///         let r = cx.call(|cx| -> Result<(), _> {
    ///             cx.defer(|cx| {
    ///                 assert_eq!(cx.task().panics_in_flight(), 2); // both
    ///                 cx.recover();
    ///                 Ok(())
    ///             });
    ///             Err(cx.panic("second"))
    ///         });
    ///         assert_eq!((once, cx.task().panics_in_flight()), (1, 1));
    ///         r.map(|_| ())
    ///     });
    ///     Err(cx.panic("first"))
    /// });
    /// assert!(r.is_err());
    /// ```
    pub fn panics_in_flight(&self) -> usize {
        self.panics.len()
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
        crate::report::CrashReport::new(
            self.panics.iter().map(|e| crate::report::Line {
                value: e.value.as_ref(),
                recovered: e.recovered,
            }),
            self.fault.as_ref(),
        )
    }

    /// The values on the panic stack, oldest first (Goexit entries have
    /// none), to be replaced before [`crash_report`](Task::crash_report)
    /// prints them: Go's `preprintpanics` calls each value's `Error()` or
    /// `String()` method and prints the text, and an embedder whose methods
    /// are interpreted code runs them itself, then stores the result here.
    /// (Only the values change: the stack's entries, their order and their
    /// `Unwind` stamps stay as they are.)
    ///
    /// ```
    /// # use deferrt_core::{Pool, Worker, Task};
    /// # let pool = Pool::new(); let mut w = Worker::new(&pool);
    /// let mut t: Task<(), String> = Task::new(&pool);
    /// let mut env = ();
    /// let mut cx = t.cx(&mut w, &mut env).unwrap();
    /// let r = cx.call(|cx| -> Result<(), _> { Err(cx.panic("E{code: 7}".to_string())) });
    /// assert!(r.is_err());
    /// drop(cx);
    /// for v in t.panic_values_mut() {
    ///     *v = "error 7".to_string(); // what the value's Error method returned
    /// }
    /// assert_eq!(t.crash_report().to_string(), "panic: error 7\n\ngoroutine 1 [running]:\n");
    /// ```
    pub fn panic_values_mut(&mut self) -> impl Iterator<Item = &mut P> + '_ {
        self.panics.iter_mut().filter_map(|e| e.value.as_mut())
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
        // State first, values last: a panic value whose Drop panics (or
        // reaches the engine) finds the task already cleared.
        self.defer_frame = 0;
        let fault = self.fault.take();
        let panics = core::mem::take(&mut self.panics);
        self.npanics = 0;
        self.newest_stamp = None;
        drop(panics);
        drop(fault);
    }

    /// The newest panic-stack entry, if any, named by its index and its
    /// stamp. The only way the exit loop names "the entry running this
    /// call": an index that cannot underflow, unlike `len() - 1`, and that
    /// is checked against the stamp before use.
    #[inline]
    pub(super) fn newest(&self) -> Option<EntryIdx> {
        debug_assert_eq!(self.newest_stamp, self.panics.last().map(|e| e.stamp));
        Some(EntryIdx {
            at: self.npanics.checked_sub(1)?,
            stamp: self.newest_stamp?,
        })
    }

    /// The stamp of the newest entry, if any.
    #[inline]
    pub(super) fn newest_stamp(&self) -> Option<NonZeroU64> {
        self.newest_stamp
    }

    /// Sets `npanics` and `newest_stamp` from the panic stack: after every
    /// change of its entries (not of their flags or values).
    #[inline]
    pub(super) fn sync_newest(&mut self) {
        self.npanics = self.panics.len();
        self.newest_stamp = self.panics.last().map(|e| e.stamp);
    }

    /// Whether an entry newer than `i` exists: the call that just returned
    /// started a panic or Goexit of its own.
    #[inline]
    pub(super) fn has_newer_than(&self, i: EntryIdx) -> bool {
        debug_assert_eq!(self.npanics, self.panics.len());
        self.npanics > i.at + 1
    }

    /// The entry `i` names, if it is still where it was. It is gone only if
    /// the call it ran removed it, which needs an `Unwind` of it kept by
    /// user code instead of returned (a logic error): inner frames of the
    /// call unwound with it and one of their calls recovered it.
    #[inline]
    pub(super) fn entry_at(&mut self, i: EntryIdx) -> Option<&mut Entry<P>> {
        self.panics.get_mut(i.at).filter(|e| e.stamp == i.stamp)
    }

    /// An `Unwind` for the newest entry (the one the task unwinds with).
    #[inline]
    pub(super) fn unwind_token(&self) -> Unwind {
        match self.newest_stamp {
            Some(stamp) => Unwind { stamp },
            None => unreachable_unwinding(),
        }
    }

    /// Checks that `u` stands for this task's newest panic-stack entry: the
    /// one an unwinding frame must be running. Panics naming the misuse if
    /// not (`op` is the `Cx` method it was passed to).
    #[inline]
    #[track_caller]
    pub(crate) fn check_unwind(&self, u: &Unwind, op: &str) {
        debug_assert_eq!(self.newest_stamp, self.panics.last().map(|e| e.stamp));
        if self.newest_stamp != Some(u.stamp) {
            self.bad_unwind(u, op);
        }
    }

    #[cold]
    #[inline(never)]
    #[track_caller]
    fn bad_unwind(&self, u: &Unwind, op: &str) -> ! {
        if self.panics.iter().any(|e| e.stamp == u.stamp) {
            panic!(
                "deferrt: Unwind of an earlier panic of this task (not its newest) passed to Cx::{op}"
            )
        }
        panic!(
            "deferrt: Unwind of another task, or of a panic already recovered or cleared, \
             passed to Cx::{op}"
        )
    }
}

/// An entry of a task's panic stack, from [`Task::newest`]: its index and
/// its stamp (checked by [`Task::entry_at`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct EntryIdx {
    at: usize,
    stamp: NonZeroU64,
}

/// The entry a deferred call ran for was removed during the call.
#[cold]
#[inline(never)]
fn running_entry_gone() -> ! {
    panic!(
        "deferrt: the panic running a deferred call was recovered inside that call through an \
         Unwind kept instead of returned (an Unwind must be propagated to its frame's \
         Cx::unwind, or returned by the deferred call that started the panic)"
    )
}

#[cold]
#[inline(never)]
fn unreachable_unwinding() -> ! {
    // Every path that unwinds checked or made an entry first.
    unreachable!("deferrt: unwinding with an empty panic stack")
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
        let value = Some(v.on_panic());
        let stamp = next_stamp();
        self.task.panics.push(Entry {
            stamp,
            value,
            recovered: false,
            superseded: false,
        });
        self.task.npanics += 1;
        self.task.newest_stamp = Some(stamp);
        Unwind { stamp }
    }

    /// Starts a panic that comes from a fault, such as a nil dereference
    /// (Go's `sigpanic`): [`panic`](Cx::panic) with `v`, and the task
    /// remembers the fault. The crash report then prints `v`'s
    /// [`signal`](PanicValue::signal) line after the panic chain — even if
    /// the fault itself was recovered — until a recovery leaves no panic on
    /// the task (Go's `gp.sig`, cleared in `recovery` only when
    /// `gp._panic` is nil). A newer fault replaces an older one. Panicking
    /// with the same value through [`panic`](Cx::panic) (re-panicking a
    /// recovered fault, say) is no fault: Go prints no signal line for it.
    ///
    /// ```
    /// use core::fmt;
    /// use deferrt_core::{PanicValue, Pool, Worker, Task};
    /// #[derive(Clone, Debug)]
    /// enum V { Int(i32), NilDeref }
    /// impl fmt::Display for V {
    ///     fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
    ///         match self {
    ///             V::Int(n) => write!(f, "{n}"),
    ///             V::NilDeref => f.write_str("runtime error: nil pointer dereference"),
    ///         }
    ///     }
    /// }
    /// impl PanicValue for V {
    ///     fn signal(&self) -> Option<&str> {
    ///         matches!(self, V::NilDeref).then_some("[signal SIGSEGV: segmentation violation]")
    ///     }
    /// }
    /// # let pool = Pool::new(); let mut w = Worker::new(&pool);
    /// let mut t: Task<(), V> = Task::new(&pool);
    /// let mut env = ();
    /// let mut cx = t.cx(&mut w, &mut env).unwrap();
    /// // defer func() { defer func() { recover() }(); var nf func(); nf() }(); panic(1)
    /// let r = cx.call(|cx| -> Result<(), _> {
    ///     cx.defer(|cx| {
    ///         cx.defer(|cx| { cx.recover(); Ok(()) });
    ///         Err(cx.fault(V::NilDeref))
    ///     });
    ///     Err(cx.panic(V::Int(1)))
    /// });
    /// assert!(r.is_err());
    /// drop(cx);
    /// // The fault was recovered, but panic(1) was still on the stack then.
    /// assert_eq!(
    ///     t.crash_report().to_string(),
    ///     "panic: 1\n[signal SIGSEGV: segmentation violation]\n\ngoroutine 1 [running]:\n"
    /// );
    /// ```
    #[cold]
    pub fn fault(&mut self, v: P) -> Unwind {
        let u = self.panic(v);
        let newest = self.task.panics.last().and_then(|e| e.value.clone());
        // State first, the replaced value's Drop last.
        let old = core::mem::replace(&mut self.task.fault, newest);
        drop(old);
        u
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
        let stamp = next_stamp();
        self.task.panics.push(Entry {
            stamp,
            value: None,
            recovered: false,
            superseded: false,
        });
        self.task.npanics += 1;
        self.task.newest_stamp = Some(stamp);
        Unwind { stamp }
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
        if t.depth() != t.defer_frame {
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
        t.depth() == t.defer_frame
            && t.panics
                .last()
                .is_some_and(|e| !e.recovered && e.value.is_some())
    }

    /// Go's `defer recover()`: the builtin deferred directly. gc runs it in a
    /// wrapper frame that `gorecover` skips, so it acts as a `recover()` made
    /// by the function that deferred it, at that function's exit: effective
    /// exactly when the frame *one level out* (the frame whose exit runs this
    /// call) is the deferred call the newest panic is running. So it recovers
    /// inside a deferred function that a panic runs (when that function
    /// returns, by its open-coded exit or by `deferreturn`, which is a wrapper
    /// too), and not in the panicking function itself, where the panic's own
    /// loop runs it (GO-SEMANTICS A9, C2). Call it from the deferred call, at
    /// the depth the engine runs it at; it marks the panic recovered like
    /// [`recover`](Cx::recover) and returns its value.
    ///
    /// ```
    /// # use deferrt_core::{Pool, Worker, Task};
    /// # let pool = Pool::new(); let mut w = Worker::new(&pool);
    /// let mut t: Task<Vec<Option<&'static str>>, &'static str> = Task::new(&pool);
    /// let mut log = Vec::new();
    /// let mut cx = t.cx(&mut w, &mut log).unwrap();
    /// // func f() { defer func() { defer recover() }(); panic("boom") }
    /// let r = cx.call(|cx| -> Result<(), _> {
    ///     cx.defer(|cx| {
    ///         // the deferred function, run by the panic: its own `defer recover()`
    ///         cx.defer(|cx| { let v = cx.recover_wrapped(); cx.env().push(v); Ok(()) });
    ///         Ok(())
    ///     });
    ///     Err(cx.panic("boom"))
    /// });
    /// assert_eq!(r, Ok(None)); // recovered: f returns normally
    /// // func g() { defer recover(); panic("not recovered") }
    /// let r = cx.call(|cx| -> Result<(), _> {
    ///     cx.defer(|cx| { let v = cx.recover_wrapped(); cx.env().push(v); Ok(()) });
    ///     Err(cx.panic("not recovered"))
    /// });
    /// assert!(r.is_err());
    /// drop(cx);
    /// assert_eq!(log, [Some("boom"), None]);
    /// ```
    #[inline]
    pub fn recover_wrapped(&mut self) -> Option<P> {
        let t = &mut *self.task;
        // `defer_frame == 0`: no panic is running a deferred call.
        if t.defer_frame == 0 || t.depth() != t.defer_frame.wrapping_add(1) {
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

    /// `drain_frame`, then pops frame `d` (the depth goes to `d - 1`): the
    /// rest of an `exit` that turned into an unwinding, and `unwind`.
    pub(crate) fn drain_frame_and_leave(
        &mut self,
        d: u32,
        unwinding: bool,
        open: Option<&mut dyn PendingSlots<E, P, M>>,
    ) -> Outcome {
        let r = self.drain_frame(d, unwinding, open);
        self.task.pos -= 1; // drain_frame left the depth at d
        r
    }

    /// Runs what is left of frame `d` — its open slots first (they were
    /// registered in the frame's own storage), then its chain records — with
    /// or without an unwinding in progress. This is the one loop Go 1.22
    /// uses for normal exit, panic and Goexit alike (`_panic.nextDefer`);
    /// its steps (`drain_before_call`, `drain_after_call`, `drain_end`) are
    /// the state machine the stepped exit (`leave_next`, `leave_resume`)
    /// drives too.
    ///
    /// Leaves `task.depth == d`; the caller pops the frame.
    #[cold]
    #[inline(never)]
    pub(crate) fn drain_frame(
        &mut self,
        d: u32,
        unwinding: bool,
        mut open: Option<&mut dyn PendingSlots<E, P, M>>,
    ) -> Outcome {
        debug_assert_eq!(self.task.depth(), d);
        let mut s = Drain::new(d, unwinding, self.task.defer_frame);
        // The guard restores `defer_frame` when a Rust panic unwinds out of a
        // deferred call (or out of a Drop the engine runs): whoever catches
        // that unwind is no deferred call of this frame's panic.
        let guard = RestoreDeferFrame {
            outer: s.outer_defer_frame,
            cx: self,
        };
        let cx = &mut *guard.cx;
        loop {
            cx.drain_before_call(&mut s);
            // The next call: open slots first (highest armed bit), then the
            // records. Each is disarmed/popped before it is called, so a panic
            // inside it can never run it again.
            let r = match open.as_deref_mut().and_then(|o| o.run_next(cx)) {
                Some(r) => r,
                None if cx.task.head_depth() == d => {
                    let (rec, vt) = cx.pop_record();
                    let p1 = cx.task.pos + 1;
                    cx.task.pos = p1;
                    let r = cx.call_record(rec, vt, p1);
                    cx.task.pos -= 1;
                    r
                }
                None => break,
            };
            cx.drain_after_call(&mut s, r);
        }
        let r = cx.drain_end(&s);
        drop(guard); // defer_frame = outer_defer_frame (drain_end set it too)
        r
    }

    /// Before the next deferred call of the frame `s` drains: the panic that
    /// runs it is the newest entry (noted, to see afterwards whether the
    /// call recovered it or started a newer one), and `recover` is effective
    /// in the call's frame only while the frame is unwinding.
    #[inline]
    pub(super) fn drain_before_call(&mut self, s: &mut Drain) {
        s.top = self.task.newest();
        self.task.defer_frame = s.defer_frame();
    }

    /// After a deferred call of the frame `s` drains returned `r` (its own
    /// frame left, the depth back at the frame's): a newer panic that left
    /// the call supersedes the one that ran it; a recovery the call made
    /// completes now (Go's `recovery`).
    pub(super) fn drain_after_call(&mut self, s: &mut Drain, r: Outcome) {
        let Some(top) = s.top.filter(|_| s.unwinding) else {
            // Not unwinding before the call: it either returned normally
            // or starts this frame unwinding with its own panic.
            s.unwinding |= r.is_err();
            return;
        };
        match r {
            Err(_) => {
                // The call left with an unwinding of its own. If it is
                // a newer entry (a panic or Goexit started inside the
                // call), it takes over: the one that was running this
                // frame is superseded — kept only to be printed, or, for a
                // Goexit, to be resumed if the newer panic is recovered.
                // (If the running entry is gone — recovered inside the
                // call through a kept Unwind — there is nothing to
                // supersede: the newer one simply carries on.)
                let newer = self.task.has_newer_than(top);
                if let Some(e) = self.task.entry_at(top).filter(|_| newer) {
                    e.superseded = true;
                }
            }
            Ok(()) => match self.task.entry_at(top) {
                Some(e) if e.recovered => {
                    // The call recovered the panic that ran it and
                    // returned: the recovery happens now (Go's
                    // `recovery`). The panic values it removes are
                    // dropped only once the task is consistent again,
                    // `defer_frame` included.
                    let (still, dead) = self.complete_recovery(top);
                    s.unwinding = still;
                    self.task.defer_frame = s.defer_frame();
                    drop(dead);
                }
                Some(_) => {}
                None => running_entry_gone(),
            },
        }
    }

    /// Nothing is left of the frame `s` drains: its outcome, with
    /// `defer_frame` back to what it is outside the frame.
    pub(super) fn drain_end(&mut self, s: &Drain) -> Outcome {
        self.task.defer_frame = s.outer_defer_frame;
        if s.unwinding {
            Err(self.task.unwind_token())
        } else {
            Ok(())
        }
    }

    /// Go's `recovery`: drop the recovered panic `top` and every panic it
    /// superseded on its way here (they were aborted: `docs/GO-SEMANTICS.md`
    /// rule B4). A superseded Goexit is not dropped: a recovery never jumps
    /// past a pending Goexit, which resumes instead (rule D4). Returns whether the frame
    /// is still unwinding (because a Goexit resumed), and the removed
    /// entries, newest first, for the caller to drop once the task is
    /// consistent.
    ///
    /// `top` is the newest entry unless the call started a panic and kept
    /// its `Unwind` instead of returning it (a logic error): such an entry
    /// stays on the stack, as every dropped `Unwind`'s panic does; only the
    /// recovered one and those it superseded go.
    ///
    /// A recovery that leaves the panic stack empty also clears the task's
    /// fault (Go's `recovery`: `if p == nil { gp.sig = 0 }`); its value goes
    /// with the removed entries.
    fn complete_recovery(&mut self, top: EntryIdx) -> (bool, Removed<P>) {
        let panics = &mut self.task.panics;
        let mut lo = top.at;
        let mut revived = false;
        while let Some(e) = lo.checked_sub(1).map(|b| &mut panics[b]) {
            if !e.superseded {
                break;
            }
            if e.value.is_none() {
                e.superseded = false;
                revived = true;
                break;
            }
            lo -= 1;
        }
        // The common case — the recovered panic is the newest entry and
        // superseded nothing — is one pop; a run of superseded entries is
        // moved out as a batch (the cold case, kept out of line).
        let entries = if lo == top.at && top.at + 1 == self.task.npanics {
            let e = panics.pop();
            self.task.npanics = top.at;
            self.task.newest_stamp = panics.last().map(|e| e.stamp);
            match e {
                Some(e) => RemovedEntries::One(e),
                None => RemovedEntries::None,
            }
        } else {
            let e = drain_entries(panics, lo, top.at);
            self.task.sync_newest();
            e
        };
        let fault = if self.task.npanics == 0 {
            self.task.fault.take()
        } else {
            None
        };
        (revived, Removed { entries, fault })
    }
}

/// Moves `panics[lo..=hi]` out, newest first.
#[cold]
#[inline(never)]
fn drain_entries<P>(
    panics: &mut SmallVec<[Entry<P>; 2]>,
    lo: usize,
    hi: usize,
) -> RemovedEntries<P> {
    let mut entries: SmallVec<[Entry<P>; 2]> = panics.drain(lo..=hi).collect();
    entries.reverse();
    RemovedEntries::Many(entries)
}

/// What a recovery removed from the task, dropped by the exit loop once the
/// task is consistent again: the entries, newest first, then the cleared
/// fault. Its fields are never read, only dropped, in this order.
#[allow(dead_code)]
struct Removed<P> {
    entries: RemovedEntries<P>,
    fault: Option<P>,
}

/// The entries a recovery removed (never read, only dropped).
#[allow(dead_code)]
enum RemovedEntries<P> {
    None,
    One(Entry<P>),
    Many(SmallVec<[Entry<P>; 2]>),
}

/// The exit loop's state for one frame (`gopanic`'s view of it): shared by
/// `drain_frame`, which runs the whole loop inside one call, and the stepped
/// exit, which keeps it in a [`Leaving`](crate::Leaving) between steps.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Drain {
    /// The frame's depth.
    pub(super) d: u32,
    /// Whether an unwinding (panic or Goexit) is running the frame's calls.
    pub(super) unwinding: bool,
    /// The value `defer_frame` has for whoever is outside this frame (an
    /// outer panic's deferred call, or none). Restored on the way out, and
    /// whenever this frame stops unwinding, so that a deferred call run by
    /// a normal return can never recover an outer panic.
    pub(super) outer_defer_frame: u32,
    /// The entry that was newest when the current call started.
    top: Option<EntryIdx>,
}

impl Drain {
    pub(super) fn new(d: u32, unwinding: bool, outer_defer_frame: u32) -> Self {
        Drain {
            d,
            unwinding,
            outer_defer_frame,
            top: None,
        }
    }

    /// `defer_frame` while the frame's next call runs.
    fn defer_frame(&self) -> u32 {
        if self.unwinding {
            self.d + 1
        } else {
            self.outer_defer_frame
        }
    }
}

/// Restores `defer_frame` when the exit loop ends, normally or because a
/// Rust panic unwinds out of it.
pub(super) struct RestoreDeferFrame<'g, 'a, E, P, M> {
    pub(super) cx: &'g mut Cx<'a, E, P, M>,
    pub(super) outer: u32,
}

impl<E, P, M> Drop for RestoreDeferFrame<'_, '_, E, P, M> {
    fn drop(&mut self) {
        self.cx.task.defer_frame = self.outer;
    }
}
