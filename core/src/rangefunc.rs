//! Deferring for an outer frame: Go's `defer` in a range-over-func loop
//! body (Go 1.23). The body is compiled to a `yield` closure called by the
//! iterator, frames below the function that wrote the loop; its `defer`
//! statements still belong to that function and run at its exit, LIFO with
//! its other defers (gc: `deferrangefunc` gives the body a token for the
//! enclosing frame, `deferprocat` registers on it).

use crate::open::OpenFrame;
use crate::task::{Admit, Cx, Deferred, Frame, Outcome};
use crate::value::PanicValue;

/// A copyable name of an open frame, for [`Cx::defer_to`]: the frame's
/// depth. Unlike [`Frame`] it does not leave the frame; it must not be used
/// after the frame it names was left (a range-over-func body that runs after
/// its loop ended is a run-time error in Go, which the embedder checks).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FrameRef {
    depth: u32,
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
        FrameRef { depth: self.depth }
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
        FrameRef {
            depth: self.depth(),
        }
    }
}

impl<E, P: PanicValue, M> Cx<'_, E, P, M> {
    /// Defers `f` for the open frame `at`, which may be outside the
    /// innermost one: `f` becomes that frame's newest pending call and runs
    /// when it is left, before the calls it registered earlier.
    ///
    /// # Panics
    ///
    /// If `at` is not an open frame of this task (deeper than the innermost
    /// frame): a misuse the types cannot stop.
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
        self.check_open(at, "defer_to");
        self.push_record_at(f, at.depth);
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
        self.check_open(at, "defer_call_to");
        self.push_record_at(c, at.depth);
    }

    fn check_open(&self, at: FrameRef, what: &str) {
        let innermost = self.task().depth();
        assert!(
            at.depth >= 1 && at.depth <= innermost,
            "{what}: the frame at depth {} is not open (the innermost frame is at depth {innermost})",
            at.depth
        );
    }
}
