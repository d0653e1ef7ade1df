//! The stepped exit: [`Cx::leave`] one deferred call at a time.
//!
//! [`Cx::exit`] and [`Cx::unwind`] run a frame's deferred calls inside the
//! engine's loop, each a Rust call. An embedder whose functions are its own
//! data — a bytecode machine with an explicit stack of activations, whose
//! goroutines block in the middle of a deferred call and resume later on
//! another thread — cannot let a deferred call run inside an engine call.
//! It leaves a frame in steps instead:
//!
//! 1. [`Cx::leave_start`] with the body's outcome gives a [`Leaving`]: plain
//!    data (`Copy`, no borrow), kept in the embedder's activation;
//! 2. [`Cx::leave_next`] hands out the frame's next pending call as a value
//!    with the [`Frame`] the engine entered for it (depth + 1, with
//!    `recover`'s state set as the one exit loop sets it), or says the frame
//!    is done;
//! 3. the embedder runs the call in that frame — as its own activations,
//!    possibly suspending, possibly with another `Cx` on another worker —
//!    leaves that frame (with [`Cx::leave`], or stepwise again), and reports
//!    the outcome with [`Cx::leave_resume`]; then back to 2.
//!
//! The panic bookkeeping (which entry a call runs for, superseded entries,
//! recovery, a Goexit that a recovery revives) is the exit loop's own: the
//! steps share it with `finish` (`Cx::after_deferred`), so the two paths
//! give the same answers (tested in `core/tests/leave.rs`).

use crate::open::OpenFrame;
use crate::task::{Cx, Deferred, Frame, Outcome, Unwind};
use crate::value::PanicValue;

/// A frame being left in steps: see [`Cx::leave_start`]. Plain data: it
/// holds no borrow and may be kept while the task moves between workers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Leaving {
    depth: u32,
    unwinding: bool,
    /// The entry that was newest when the current call was handed out.
    top: usize,
    /// `defer_frame` for whoever is outside this frame.
    outer_defer_frame: u32,
    done: bool,
}

impl Leaving {
    /// The depth of the frame being left.
    ///
    /// ```
    /// # use deferrt_core::{Pool, Worker, Task};
    /// # let pool = Pool::new(); let mut w = Worker::new(&pool);
    /// # let mut t: Task<(), &'static str> = Task::new(&pool); let mut env = ();
    /// # let mut cx = t.cx(&mut w, &mut env).unwrap();
    /// let f = cx.enter();
    /// let l = cx.leave_start(f, Ok(()));
    /// assert_eq!(l.depth(), 1);
    /// ```
    pub fn depth(&self) -> u32 {
        self.depth
    }

    /// Whether the frame is unwinding (a panic or Goexit is running its
    /// calls) at this step.
    ///
    /// ```
    /// # use deferrt_core::{Pool, Worker, Task};
    /// # let pool = Pool::new(); let mut w = Worker::new(&pool);
    /// # let mut t: Task<(), &'static str> = Task::new(&pool); let mut env = ();
    /// # let mut cx = t.cx(&mut w, &mut env).unwrap();
    /// let f = cx.enter();
    /// let u = cx.panic("boom");
    /// let l = cx.leave_start(f, Err(u));
    /// assert!(l.is_unwinding());
    /// ```
    pub fn is_unwinding(&self) -> bool {
        self.unwinding
    }

    fn outcome(&self) -> Outcome {
        if self.unwinding {
            Err(Unwind(()))
        } else {
            Ok(())
        }
    }
}

/// What [`Cx::leave_next`] found.
#[derive(Debug)]
pub enum LeaveStep<C> {
    /// A pending call of the frame, handed out as data. The engine entered
    /// `frame` for it (the frame's depth + 1); run the call there, leave
    /// `frame`, and report the outcome with [`Cx::leave_resume`].
    Call {
        /// The deferred call.
        call: C,
        /// The frame to run it in.
        frame: Frame,
    },
    /// Nothing is left: the frame has been left. `Ok` — it returns normally
    /// (also after a recovery); `Err` — it is unwinding, propagate it.
    Done(Outcome),
}

impl<E, P: PanicValue, M> Cx<'_, E, P, M> {
    /// Starts leaving `frame` in steps after its body ended with `body`
    /// (`Ok`: it returned; `Err`: it is unwinding). Like [`leave`](Cx::leave),
    /// frames deeper than `frame` that were never left have their calls
    /// discarded first, and a frame that is no longer open is done at once.
    ///
    /// ```
    /// use deferrt_core::{Cx, Deferred, LeaveStep, Local, Outcome, Pool, Task, Worker};
    /// type C<'a> = Cx<'a, Vec<String>, &'static str>;
    /// /// `defer func() { log(recover()) }()`, as data the embedder runs.
    /// struct LogRecover;
    /// impl Deferred<Vec<String>, &'static str, Local> for LogRecover {
    ///     fn call(self, cx: &mut C<'_>) -> Outcome {
    ///         let v = cx.recover();
    ///         cx.env().push(format!("{v:?}"));
    ///         Ok(())
    ///     }
    /// }
    /// # let pool = Pool::new(); let mut w = Worker::new(&pool);
    /// let mut t: Task<Vec<String>, &'static str> = Task::new(&pool);
    /// let mut log = Vec::new();
    /// let mut cx = t.cx(&mut w, &mut log).unwrap();
    /// // func f() { defer func() { log(recover()) }(); panic("boom") }
    /// let f = cx.enter();
    /// cx.defer_call(LogRecover);
    /// let u = cx.panic("boom");
    /// let mut l = cx.leave_start(f, Err(u));
    /// let r = loop {
    ///     match cx.leave_next::<LogRecover, 1>(&mut l, None) {
    ///         LeaveStep::Call { call, frame } => {
    ///             // The embedder runs the call in `frame` (it could suspend
    ///             // here and resume later with another Cx), then leaves it.
    ///             let r = call.call(&mut cx);
    ///             let r = cx.leave(frame, r);
    ///             cx.leave_resume(&mut l, r);
    ///         }
    ///         LeaveStep::Done(r) => break r,
    ///     }
    /// };
    /// assert_eq!(r, Ok(())); // recovered: f returns normally
    /// assert_eq!(cx.task().depth(), 0);
    /// drop(cx);
    /// assert_eq!(log, ["Some(\"boom\")"]);
    /// ```
    pub fn leave_start(&mut self, frame: Frame, body: Outcome) -> Leaving {
        let d = frame.depth;
        let mut l = Leaving {
            depth: d,
            unwinding: body.is_err(),
            top: usize::MAX,
            outer_defer_frame: self.task.defer_frame,
            done: false,
        };
        if self.task.depth != d {
            if self.task.depth < d {
                l.done = true; // not open: see `Frame`
                return l;
            }
            self.realign(d);
        }
        l
    }

    /// [`leave_start`](Cx::leave_start) for a frame entered with
    /// [`enter_open`](Cx::enter_open): its slots are then passed to each
    /// [`leave_next`](Cx::leave_next). (A deferred function that made the
    /// call's frame open with [`adopt_open`](Cx::adopt_open) leaves the
    /// `Frame` that `leave_next` handed out instead.)
    ///
    /// # Panics
    ///
    /// If `open` is an adopted frame, which this does not leave.
    ///
    /// ```
    /// use deferrt_core::{Cx, LeaveStep, Outcome, Pool, Task, Worker};
    /// type Slot = fn(&mut Cx<'_, Vec<u32>, &'static str>) -> Outcome;
    /// # let pool = Pool::new(); let mut w = Worker::new(&pool);
    /// let mut t: Task<Vec<u32>, &'static str> = Task::new(&pool);
    /// let mut log = Vec::new();
    /// let mut cx = t.cx(&mut w, &mut log).unwrap();
    /// let mut f = cx.enter_open::<Slot, 2>();
    /// f.defer::<0>(|cx| { cx.env().push(0); Ok(()) });
    /// f.defer::<1>(|cx| { cx.env().push(1); Ok(()) });
    /// let mut l = cx.leave_start_open(&f, Ok(()));
    /// while let LeaveStep::Call { call, frame } = cx.leave_next(&mut l, Some(&mut f)) {
    ///     let r = call(&mut cx);
    ///     let r = cx.leave(frame, r);
    ///     cx.leave_resume(&mut l, r);
    /// }
    /// assert_eq!(cx.task().depth(), 0);
    /// drop(cx);
    /// assert_eq!(log, [1, 0]); // highest slot first
    /// ```
    pub fn leave_start_open<C, const N: usize>(
        &mut self,
        open: &OpenFrame<C, N>,
        body: Outcome,
    ) -> Leaving {
        assert!(
            open.outer + 1 == open.depth(),
            "leave_start_open: an adopted open frame is left through the Frame of its deferred call"
        );
        self.leave_start(
            Frame {
                depth: open.depth(),
            },
            body,
        )
    }

    /// The next pending call of the frame being left: its open slots first
    /// (highest armed bit, from `open`), then its chain records. Records
    /// that hold a `C` (registered with [`defer_call`](Cx::defer_call)) are
    /// handed out; any other record (a closure) is run here, as
    /// [`exit`](Cx::exit) would run it, and the loop goes on. When nothing is
    /// left the frame is left (the depth drops by one) and `Done` says how.
    /// After `Done`, further calls return the same `Done` and change nothing.
    ///
    /// # Panics
    ///
    /// If the frame being left is not the innermost one: a call handed out
    /// before was not finished with [`leave_resume`](Cx::leave_resume).
    pub fn leave_next<C, const N: usize>(
        &mut self,
        l: &mut Leaving,
        mut open: Option<&mut OpenFrame<C, N>>,
    ) -> LeaveStep<C>
    where
        C: Deferred<E, P, M> + 'static,
    {
        if l.done {
            return LeaveStep::Done(l.outcome());
        }
        let d = l.depth;
        assert_eq!(
            self.task.depth, d,
            "leave_next: the frame being left is not the innermost; \
             leave the handed-out call's frame and call leave_resume first"
        );
        loop {
            // As in `finish`: the newest entry is the one that runs the next
            // call; `recover` is effective in the call's frame only while
            // the frame is unwinding.
            l.top = self.task.panic_top();
            self.task.defer_frame = if l.unwinding {
                d + 1
            } else {
                l.outer_defer_frame
            };
            if let Some(call) = open.as_deref_mut().and_then(|o| o.take_top()) {
                self.task.depth = d + 1;
                return LeaveStep::Call {
                    call,
                    frame: Frame { depth: d + 1 },
                };
            }
            if self.task.head_depth() != d {
                break;
            }
            self.task.depth = d + 1;
            match self.pop_as_or_run::<C>(d + 1) {
                Ok(call) => {
                    return LeaveStep::Call {
                        call,
                        frame: Frame { depth: d + 1 },
                    }
                }
                Err(r) => {
                    self.task.depth = d;
                    let mut unwinding = l.unwinding;
                    self.after_deferred(&mut unwinding, l.top, r);
                    l.unwinding = unwinding;
                }
            }
        }
        self.task.defer_frame = l.outer_defer_frame;
        self.task.depth = d - 1;
        l.done = true;
        LeaveStep::Done(l.outcome())
    }

    /// Reports the outcome of the call [`leave_next`](Cx::leave_next) handed
    /// out, once the embedder has left the call's frame: a newer panic that
    /// escaped the call supersedes the one that ran it; a recovery made by
    /// the call completes now. Calls the call's frame left behind (it was
    /// not left, or records remained) are run or discarded first, as the
    /// exit loop does.
    ///
    /// # Panics
    ///
    /// If the frame being left is already done, or no longer open.
    pub fn leave_resume(&mut self, l: &mut Leaving, call: Outcome) {
        let d = l.depth;
        assert!(
            !l.done && self.task.depth >= d,
            "leave_resume: the frame at depth {d} has been left already"
        );
        self.task.depth = d + 1;
        let r = self.after_call(d + 1, call);
        self.task.depth = d;
        let mut unwinding = l.unwinding;
        self.after_deferred(&mut unwinding, l.top, r);
        l.unwinding = unwinding;
    }
}
