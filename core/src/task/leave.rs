//! The stepped exit: [`Cx::leave`] one deferred call at a time.
//!
//! [`Cx::exit`] and [`Cx::unwind`] run a frame's deferred calls inside the
//! engine's loop, each a Rust call. An embedder whose functions are its own
//! data — a bytecode machine with an explicit stack of activations, whose
//! goroutines block in the middle of a deferred call and resume later on
//! another thread — cannot let a deferred call run inside an engine call.
//! It leaves a frame in steps instead:
//!
//! 1. [`Cx::leave_start`] (or [`Cx::leave_start_open`]) with the body's
//!    outcome gives a [`Leaving`]: plain data (`Copy`, no borrow), kept in
//!    the embedder's activation;
//! 2. [`Cx::leave_next`] hands out the frame's next pending call as a value
//!    with the [`Frame`] the engine entered for it (depth + 1, with
//!    `recover`'s state set as the exit loop sets it), or says the frame is
//!    done;
//! 3. the embedder runs the call in that frame — as its own activations,
//!    possibly suspending, possibly with another `Cx` on another worker —
//!    leaves that frame (with [`Cx::leave`], or stepwise again), and reports
//!    the outcome with [`Cx::leave_resume`]; then back to 2.
//!
//! The steps are the exit loop's own state machine (`Drain` in `panic.rs`:
//! `drain_before_call`, `drain_after_call`, `drain_end`), which
//! `Cx::drain_frame` drives inside one call and these functions drive one
//! step per call: which entry a call runs for (named by index and stamp),
//! superseded entries, recovery, a Goexit that a recovery revives — the two
//! paths give the same answers (tested in `core/tests/leave.rs`).
//!
//! # Tokens
//!
//! A `Leaving` names its task and its frame's position, as a [`Frame`]
//! does: another task's `Leaving` panics (`deferrt: Leaving of another task
//! passed to Cx::leave_next`); one whose frame is no longer open (abandoned
//! by leaving an outer frame) makes `leave_next` report `Done` at once, with
//! the outcome the frame had, and changes nothing. The `Frame` handed out
//! with a call is an ordinary frame token at the call's position: leaving it
//! twice, or through another task, is refused as for any frame; a frame
//! `adopt_open` made on it is left through it. An open frame whose stepped
//! exit started with [`Cx::leave_start_open`] is no longer a token: leaving
//! it with `exit_open`/`unwind_open` does nothing but drop its remaining
//! slots.

use core::num::NonZeroU64;

use super::cx::left_enclosing_frame;
use super::panic::Drain;
use super::vtable::take_payload_as;
use super::{other_task, Cx, Deferred, Frame, FrameState, Outcome, Unwind};
use crate::open::OpenFrame;
use crate::value::PanicValue;

/// A frame being left in steps: see [`Cx::leave_start`]. Plain data: it
/// holds no borrow and may be kept while the task moves between workers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Leaving {
    /// The task the frame belongs to.
    task: NonZeroU64,
    /// The frame's position (its depth, and the frame generation as of the
    /// last step).
    pos: u64,
    /// The exit loop's state for the frame.
    drain: Drain,
    state: Step,
    /// While the frame is unwinding: the stamp of the entry it unwinds with
    /// (what `Done` hands back as an `Unwind`).
    stamp: Option<NonZeroU64>,
}

/// Where a [`Leaving`] stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Step {
    /// `leave_next` goes on with the frame's next call.
    Ready,
    /// A call was handed out; `leave_resume` reports its outcome.
    Calling,
    /// The frame has been left (or was no longer open).
    Done,
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
        self.drain.d
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
        self.drain.unwinding
    }

    /// The outcome of a frame that is done.
    fn outcome(&self) -> Outcome {
        if !self.drain.unwinding {
            return Ok(());
        }
        // The stamp is set whenever the frame unwinds; a missing one (the
        // running entry was removed through a kept `Unwind`) gives a token
        // of no entry, which every check refuses.
        Err(Unwind {
            stamp: self.stamp.unwrap_or(NonZeroU64::MAX),
        })
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

/// Restores `defer_frame` if a Rust panic unwinds out of a step (a closure
/// the step runs, or a Drop): whoever catches it is no deferred call of this
/// frame's panic. Disarmed when a call is handed out, which runs with the
/// value the step set.
struct Restore<'g, 'a, E, P, M> {
    cx: &'g mut Cx<'a, E, P, M>,
    outer: u32,
    armed: bool,
}

impl<E, P, M> Drop for Restore<'_, '_, E, P, M> {
    fn drop(&mut self) {
        if self.armed {
            self.cx.task.defer_frame = self.outer;
        }
    }
}

/// What the loop of `leave_next` ended with.
enum Next<C> {
    Handed(C),
    Finished,
}

impl<E, P: PanicValue, M> Cx<'_, E, P, M> {
    /// Starts leaving `frame` in steps after its body ended with `body`
    /// (`Ok`: it returned; `Err`: it is unwinding). As with
    /// [`leave`](Cx::leave), frames deeper than `frame` that were never left
    /// have their calls discarded first, and a frame that is no longer open
    /// is done at once (`leave_next` says `Done` with `body` back).
    ///
    /// # Panics
    /// As [`leave`](Cx::leave): `frame` or the `Unwind` in `body` is another
    /// task's, or the `Unwind` is not the newest panic's.
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
    #[track_caller]
    pub fn leave_start(&mut self, frame: Frame, body: Outcome) -> Leaving {
        self.start_leaving(frame.task, frame.pos, body, "Frame", "leave_start")
    }

    /// [`leave_start`](Cx::leave_start) for a frame entered with
    /// [`enter_open`](Cx::enter_open): its slots are then passed to each
    /// [`leave_next`](Cx::leave_next). From here on `open` only holds the
    /// slots: leaving it with `exit_open` or `unwind_open` does nothing but
    /// drop what is left in it. (A deferred function that made the call's
    /// frame open with [`adopt_open`](Cx::adopt_open) leaves the `Frame`
    /// that `leave_next` handed out instead.)
    ///
    /// # Panics
    ///
    /// If `open` is an adopted frame, which this does not leave, or another
    /// task's; as [`leave_start`](Cx::leave_start) for the `Unwind`.
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
    /// let mut l = cx.leave_start_open(&mut f, Ok(()));
    /// while let LeaveStep::Call { call, frame } = cx.leave_next(&mut l, Some(&mut f)) {
    ///     let r = call(&mut cx);
    ///     let r = cx.leave(frame, r);
    ///     cx.leave_resume(&mut l, r);
    /// }
    /// assert_eq!(cx.task().depth(), 0);
    /// assert_eq!(cx.exit_open(f), Ok(())); // no longer a token: does nothing
    /// drop(cx);
    /// assert_eq!(log, [1, 0]); // highest slot first
    /// ```
    #[track_caller]
    pub fn leave_start_open<C, const N: usize>(
        &mut self,
        open: &mut OpenFrame<C, N>,
        body: Outcome,
    ) -> Leaving {
        assert!(
            !open.is_adopted(),
            "deferrt: leave_start_open: an adopted open frame is left through the Frame of its \
             deferred call (leave_start)"
        );
        let (task, pos) = open.token();
        let l = self.start_leaving(task, pos, body, "OpenFrame", "leave_start_open");
        open.mark_leaving();
        l
    }

    #[track_caller]
    fn start_leaving(
        &mut self,
        task: NonZeroU64,
        pos: u64,
        body: Outcome,
        token: &str,
        op: &str,
    ) -> Leaving {
        let stamp = match &body {
            Err(u) => {
                self.task.check_unwind(u, op);
                Some(u.stamp)
            }
            Ok(()) => None,
        };
        let d = pos as u32;
        let mut l = Leaving {
            task,
            pos,
            drain: Drain::new(d, body.is_err(), self.task.defer_frame),
            state: Step::Ready,
            stamp,
        };
        if !self.task.is_top(task, pos) {
            match self.task.frame_state(task, pos, token, op) {
                // Not open any more (see `Frame`): done, with `body` back.
                FrameState::Gone => {
                    l.state = Step::Done;
                    return l;
                }
                // Inner frames were abandoned: discard them first.
                FrameState::Outer => self.discard_abandoned(d),
                // The innermost frame, from an older generation: the older
                // tokens of its depth (an open frame adopted on it) go stale
                // now, as `exit` retires them.
                FrameState::Top => self.task.abandon_below(d - 1),
            }
            l.pos = self.task.pos;
        }
        l
    }

    /// The next pending call of the frame being left: its open slots first
    /// (highest armed bit, from `open`), then its chain records. Records
    /// that hold a `C` (registered with [`defer_call`](Cx::defer_call)) are
    /// handed out; any other record (a closure) is run here, as
    /// [`exit`](Cx::exit) would run it, and the loop goes on. When nothing is
    /// left the frame is left (the depth drops by one) and `Done` says how.
    /// After `Done`, further calls return the same `Done` and change nothing;
    /// so does a `Leaving` whose frame is no longer open (abandoned by
    /// leaving an outer frame).
    ///
    /// `open` is the frame's slots: the `OpenFrame` given to
    /// [`leave_start_open`](Cx::leave_start_open), or the one `adopt_open`
    /// made on the handed-out frame this `Leaving` was started from.
    ///
    /// # Panics
    ///
    /// If the previous call handed out was not finished with
    /// [`leave_resume`](Cx::leave_resume) (`deferrt: leave_next: the frame
    /// being left is not the innermost ...`); if `l` or `open` is another
    /// task's, or `open` belongs to a frame of another depth.
    #[track_caller]
    pub fn leave_next<C, const N: usize>(
        &mut self,
        l: &mut Leaving,
        mut open: Option<&mut OpenFrame<C, N>>,
    ) -> LeaveStep<C>
    where
        C: Deferred<E, P, M> + 'static,
    {
        self.check_leaving(l, "leave_next");
        let d = l.drain.d;
        match l.state {
            Step::Done => return LeaveStep::Done(l.outcome()),
            Step::Calling => not_innermost(d),
            Step::Ready => {}
        }
        if !self.task.is_top(l.task, l.pos) {
            match self
                .task
                .frame_state(l.task, l.pos, "Leaving", "leave_next")
            {
                FrameState::Gone => {
                    l.state = Step::Done;
                    return LeaveStep::Done(l.outcome());
                }
                // Frames entered after the Leaving started and never left.
                FrameState::Outer => self.discard_abandoned(d),
                // The innermost frame, in a newer generation: something
                // adopted it between steps; that token goes stale now, as
                // `exit` retires the older tokens of the frame it leaves.
                FrameState::Top => self.task.abandon_below(d - 1),
            }
            l.pos = self.task.pos;
        }
        if let Some(o) = open.as_deref() {
            let (task, _) = o.token();
            if task != self.task.id {
                other_task("OpenFrame", "leave_next");
            }
            if o.depth() != d {
                wrong_slots(o.depth(), d);
            }
        }
        let mut g = Restore {
            outer: l.drain.outer_defer_frame,
            cx: self,
            armed: true,
        };
        let cx = &mut *g.cx;
        let next = loop {
            cx.drain_before_call(&mut l.drain);
            if let Some(call) = open.as_deref_mut().and_then(|o| o.take_top()) {
                cx.task.pos += 1;
                break Next::Handed(call);
            }
            if cx.task.head_depth() != d {
                break Next::Finished;
            }
            let (rec, vt) = cx.pop_record();
            let p1 = cx.task.pos + 1;
            cx.task.pos = p1;
            // SAFETY: `rec` was just popped from this task's stack and `vt`
            // is its vtable.
            match unsafe { take_payload_as::<C, E, P, M>(rec, vt) } {
                Ok(call) => break Next::Handed(call),
                Err(rec) => {
                    // A closure: run it here, in its own frame, as the exit
                    // loop does (a handed Cx, its frame left after it).
                    let r = cx.call_record(rec, vt, p1);
                    cx.task.pos -= 1;
                    cx.drain_after_call(&mut l.drain, r);
                    l.stamp = l.drain.unwinding.then(|| cx.task.newest_stamp()).flatten();
                }
            }
        };
        match next {
            Next::Handed(call) => {
                // The call runs in frame d + 1 with `defer_frame` as
                // `drain_before_call` set it.
                g.armed = false;
                let t = &*cx.task;
                l.pos = t.pos - 1;
                l.state = Step::Calling;
                LeaveStep::Call {
                    call,
                    frame: Frame {
                        task: t.id,
                        pos: t.pos,
                    },
                }
            }
            Next::Finished => {
                let r = cx.drain_end(&l.drain);
                cx.task.pos -= 1;
                l.stamp = r.as_ref().err().map(|u| u.stamp);
                l.state = Step::Done;
                r.map_or_else(|u| LeaveStep::Done(Err(u)), |()| LeaveStep::Done(Ok(())))
            }
        }
    }

    /// Reports the outcome of the call [`leave_next`](Cx::leave_next) handed
    /// out, once the embedder has left the call's frame: a newer panic that
    /// escaped the call supersedes the one that ran it; a recovery made by
    /// the call completes now. If the call's frame was not left, it is left
    /// here as the exit loop leaves a deferred call's frame: its token and
    /// those of frames inside it go stale, the records of frames inside it
    /// are discarded and its own run.
    ///
    /// # Panics
    ///
    /// If no call of the frame is running (`deferrt: leave_resume: the frame
    /// at depth D has been left already`, or `... no call of the frame ...`);
    /// if `l` is another task's; if `call` is an `Unwind` of another task or
    /// not the newest panic's; if the call left the frame being left, or one
    /// enclosing it.
    #[track_caller]
    pub fn leave_resume(&mut self, l: &mut Leaving, call: Outcome) {
        self.check_leaving(l, "leave_resume");
        let d = l.drain.d;
        match l.state {
            Step::Done => left_already(d),
            Step::Ready => no_call_running(d),
            Step::Calling => {}
        }
        let t = &mut *self.task;
        // The frame being left must still be open: the call must not have
        // left it (or a frame enclosing it), or abandoned it and climbed
        // back to its depth.
        let epoch = (l.pos >> 32) as u32;
        if t.depth() < d
            || (t.epoch() != epoch
                && t.abandoned
                    .iter()
                    .find(|&&(e, _)| e > epoch)
                    .is_some_and(|&(_, kept)| kept < d))
        {
            left_enclosing_frame();
        }
        if let Err(u) = &call {
            t.check_unwind(u, "leave_resume");
        }
        let r = if t.depth() > d {
            // The handed-out frame was not left (or frames inside it are
            // still open): its token, and theirs, go stale; the records of
            // frames inside it are discarded, its own run, as the exit loop
            // leaves a deferred call's frame.
            t.abandon_below(d);
            t.set_depth(d + 1);
            if t.head_depth() > d + 1 {
                t.discard_down_to(d + 1);
            }
            let r = self.drain_frame(d + 1, call.is_err(), None);
            self.task.set_depth(d);
            r
        } else {
            call
        };
        l.pos = self.task.pos;
        l.state = Step::Ready;
        self.drain_after_call(&mut l.drain, r);
        l.stamp = l
            .drain
            .unwinding
            .then(|| self.task.newest_stamp())
            .flatten();
    }

    /// Panics if `l` is another task's.
    #[track_caller]
    fn check_leaving(&self, l: &Leaving, op: &str) {
        if l.task != self.task.id {
            other_task("Leaving", op);
        }
    }
}

#[cold]
#[inline(never)]
#[track_caller]
fn not_innermost(d: u32) -> ! {
    panic!(
        "deferrt: leave_next: the frame being left is not the innermost; leave the handed-out \
         call's frame (depth {}) and call leave_resume first",
        d + 1
    )
}

#[cold]
#[inline(never)]
#[track_caller]
fn left_already(d: u32) -> ! {
    panic!("deferrt: leave_resume: the frame at depth {d} has been left already")
}

#[cold]
#[inline(never)]
#[track_caller]
fn no_call_running(d: u32) -> ! {
    panic!(
        "deferrt: leave_resume: no call of the frame at depth {d} is running (leave_next did \
         not hand one out)"
    )
}

#[cold]
#[inline(never)]
#[track_caller]
fn wrong_slots(got: u32, d: u32) -> ! {
    panic!(
        "deferrt: leave_next: the OpenFrame passed is at depth {got}, the frame being left at \
         depth {d}"
    )
}
