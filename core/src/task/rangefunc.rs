//! Deferring for an outer frame: Go's `defer` in a range-over-func loop
//! body (Go 1.23). The body is compiled to a `yield` closure called by the
//! iterator, frames below the function that wrote the loop; its `defer`
//! statements still belong to that function and run at its exit, LIFO with
//! its other defers (gc: `deferrangefunc` gives the body a token for the
//! enclosing frame, `deferprocat` registers on it).

use core::num::NonZeroU64;

use super::{other_task, Admit, Cx, Deferred, Frame, FrameState, Outcome};
use crate::open::OpenFrame;
use crate::value::PanicValue;

/// A copyable name of an open frame, for [`Cx::defer_to`]. Unlike
/// [`Frame`] it does not leave the frame.
///
/// Like every token it names its task and the frame's position (depth and
/// frame generation): [`Cx::defer_to`] with another task's `FrameRef`
/// panics, and so does one of a frame that is no longer open, as far as the
/// task can tell — deeper than the innermost frame, or abandoned (see
/// [`Frame`]). A frame that was left normally and a later frame of the same
/// depth entered in the same generation cannot be told apart: such a
/// `FrameRef` names the later frame. (In Go, a range-over-func body that
/// runs after its loop ended is a run-time error, which the embedder
/// checks.)
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FrameRef {
    task: NonZeroU64,
    pos: u64,
}

impl FrameRef {
    /// The depth of the frame it names.
    ///
    /// ```
    /// # use deferrt_core::{Pool, Worker, Task};
    /// # let pool = Pool::new(); let mut w = Worker::new(&pool);
    /// # let mut t: Task<(), &'static str> = Task::new(&pool); let mut env = ();
    /// # let mut cx = t.cx(&mut w, &mut env).unwrap();
    /// let f = cx.enter();
    /// assert_eq!(f.id().depth(), 1);
    /// cx.exit(f).unwrap();
    /// ```
    pub fn depth(&self) -> u32 {
        self.pos as u32
    }
}

impl Frame {
    /// A name of this frame for [`Cx::defer_to`].
    ///
    /// ```
    /// # use deferrt_core::{Pool, Worker, Task};
    /// # let pool = Pool::new(); let mut w = Worker::new(&pool);
    /// # let mut t: Task<(), &'static str> = Task::new(&pool); let mut env = ();
    /// # let mut cx = t.cx(&mut w, &mut env).unwrap();
    /// let f = cx.enter();
    /// let id = f.id();
    /// assert_eq!(id, f.id());
    /// cx.exit(f).unwrap();
    /// ```
    pub fn id(&self) -> FrameRef {
        FrameRef {
            task: self.task,
            pos: self.pos,
        }
    }
}

impl<C, const N: usize> OpenFrame<C, N> {
    /// A name of this frame for [`Cx::defer_to`] (its chain calls run after
    /// its slots).
    ///
    /// ```
    /// # use deferrt_core::{Pool, Worker, Task, Cx, Outcome};
    /// # let pool = Pool::new(); let mut w = Worker::new(&pool);
    /// # let mut t: Task<(), &'static str> = Task::new(&pool); let mut env = ();
    /// # let mut cx = t.cx(&mut w, &mut env).unwrap();
    /// let f = cx.enter_open::<fn(&mut Cx<(), &'static str>) -> Outcome, 1>();
    /// assert_eq!(f.id(), f.id());
    /// cx.exit_open(f).unwrap();
    /// ```
    pub fn id(&self) -> FrameRef {
        let (task, pos) = self.token();
        FrameRef { task, pos }
    }
}

impl<E, P: PanicValue, M> Cx<'_, E, P, M> {
    /// Defers `f` for the open frame `at`, which may be outside the
    /// innermost one: `f` becomes that frame's newest pending call and runs
    /// when it is left, before the calls it registered earlier.
    ///
    /// # Panics
    ///
    /// If `at` is another task's (`deferrt: FrameRef of another task passed
    /// to Cx::defer_to`), or names a frame that is no longer open (see
    /// [`FrameRef`]): misuses the types cannot stop.
    ///
    /// ```
    /// use deferrt_core::{Pool, Worker, Task};
    /// # let pool = Pool::new(); let mut w = Worker::new(&pool);
    /// let mut t: Task<Vec<&'static str>, &'static str> = Task::new(&pool);
    /// let mut log = Vec::new();
    /// let mut cx = t.cx(&mut w, &mut log).unwrap();
    /// // func f() {
    /// //     defer log("f's own defer")
    /// //     for x := range seq { defer log("body defer") }  // the body runs two frames down
    /// //     log("after the loop")
    /// // }
    /// let f = cx.enter();
    /// cx.defer(|cx| { cx.env().push("f's own defer"); Ok(()) });
    /// let outer = f.id();
    /// let iterator = cx.enter();
    /// cx.defer(|cx| { cx.env().push("iterator done"); Ok(()) });
    /// let body = cx.enter();
    /// cx.defer_to(outer, |cx| { cx.env().push("body defer"); Ok(()) });
    /// cx.exit(body).unwrap();
    /// cx.exit(iterator).unwrap();
    /// cx.env().push("after the loop");
    /// cx.exit(f).unwrap();
    /// drop(cx);
    /// assert_eq!(log, ["iterator done", "after the loop", "body defer", "f's own defer"]);
    /// ```
    pub fn defer_to<F>(&mut self, at: FrameRef, f: F)
    where
        F: FnOnce(&mut Cx<'_, E, P, M>) -> Outcome + Admit<M> + 'static,
    {
        let d = self.check_open(at, "defer_to");
        self.push_record_at(f, d);
    }

    /// [`defer_to`](Cx::defer_to) for a deferred call that is a value, as
    /// [`defer_call`](Cx::defer_call) registers one.
    ///
    /// # Panics
    ///
    /// As [`defer_to`](Cx::defer_to).
    ///
    /// ```
    /// use deferrt_core::{Cx, Deferred, Local, Outcome, Pool, Task, Worker};
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
    /// let inner = cx.enter();
    /// cx.defer_call_to(f.id(), Say("runs when f is left"));
    /// cx.exit(inner).unwrap();
    /// assert!(cx.env().is_empty());
    /// cx.exit(f).unwrap();
    /// drop(cx);
    /// assert_eq!(log, ["runs when f is left"]);
    /// ```
    pub fn defer_call_to<C>(&mut self, at: FrameRef, c: C)
    where
        C: Deferred<E, P, M> + Admit<M> + 'static,
    {
        let d = self.check_open(at, "defer_call_to");
        self.push_record_at(c, d);
    }

    /// The depth of the open frame `at` names; panics if it is another
    /// task's or no longer open.
    #[track_caller]
    fn check_open(&self, at: FrameRef, op: &str) -> u32 {
        let t = &*self.task;
        if at.task != t.id {
            other_task("FrameRef", op);
        }
        let d = at.depth();
        if d >= 1
            && (at.pos == t.pos
                || t.frame_state(at.task, at.pos, "FrameRef", op) != FrameState::Gone)
        {
            return d;
        }
        not_open(op, d, t.depth())
    }
}

#[cold]
#[inline(never)]
#[track_caller]
fn not_open(op: &str, d: u32, innermost: u32) -> ! {
    panic!(
        "deferrt: {op}: the frame at depth {d} is not open (the innermost frame is at depth \
         {innermost}; a FrameRef must not be used after its frame was left)"
    )
}
