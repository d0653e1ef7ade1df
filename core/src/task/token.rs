//! The tokens an embedder holds: [`Outcome`], [`Unwind`] and [`Frame`].

#[allow(unused_imports)]
use super::{Cx, Task};

/// The result of anything that can panic: `Err(Unwind)` means the task is
/// unwinding (a panic or `Goexit`) and the caller must propagate it to its
/// own frame's [`Cx::unwind`].
///
/// ```
/// use deferrt_core::{Cx, Outcome};
/// // A Go function with no results, as an embedder writes it.
/// fn check(cx: &mut Cx<(), &'static str>, ok: bool) -> Outcome {
///     if !ok {
///         return Err(cx.panic("check failed"));
///     }
///     Ok(())
/// }
/// # use deferrt_core::{Pool, Worker, Task};
/// # let pool = Pool::new(); let mut w = Worker::new(&pool);
/// # let mut t: Task<(), &'static str> = Task::new(&pool); let mut env = ();
/// let mut cx = t.cx(&mut w, &mut env).unwrap();
/// assert_eq!(cx.call(|cx| check(cx, true)), Ok(Some(())));
/// assert!(cx.call(|cx| check(cx, false)).is_err());
/// ```
pub type Outcome = Result<(), Unwind>;

/// Proof that the task is unwinding: returned by [`Cx::panic`] and
/// [`Cx::goexit`] and by any frame exit that did not recover.
///
/// It carries no data (the panic value lives on the task's panic stack), so
/// an `Outcome` is one byte. It cannot be made outside the engine. Dropping
/// it instead of propagating it to the enclosing frame is a logic error: the
/// panic stays on the task's stack.
///
/// ```
/// use deferrt_core::{Pool, Worker, Task, Cx, Outcome, Unwind};
/// assert_eq!(core::mem::size_of::<Outcome>(), 1);
/// // strconv.Atoi that panics: `?` carries the panic out of the body like an error.
/// fn atoi(cx: &mut Cx<Vec<&'static str>, &'static str>, s: &str) -> Result<i32, Unwind> {
///     s.parse().map_err(|_| cx.panic("invalid syntax"))
/// }
/// # let pool = Pool::new(); let mut w = Worker::new(&pool);
/// let mut t: Task<Vec<&'static str>, &'static str> = Task::new(&pool);
/// let mut log = Vec::new();
/// let mut cx = t.cx(&mut w, &mut log).unwrap();
/// let r = cx.call(|cx| {
///     cx.defer(|cx| { cx.env().push("deferred"); Ok(()) });
///     let n = atoi(cx, "x1")?;
///     Ok(n + 1)
/// });
/// assert!(r.is_err()); // nothing recovered: the caller propagates it in turn
/// drop(cx);
/// assert_eq!(log, ["deferred"]); // the frame's deferred call ran on the way out
/// ```
#[must_use = "an Unwind must be propagated to the enclosing frame's Cx::unwind"]
#[derive(Debug, PartialEq, Eq)]
pub struct Unwind(pub(crate) ());

/// A frame token: returned by [`Cx::enter`], consumed by [`Cx::exit`] or
/// [`Cx::unwind`], so a frame cannot be left twice.
///
/// Frames nest: leave the innermost first. Leaving a frame while frames
/// entered after it are still open discards the inner frames' pending calls
/// without running them (their closures are dropped, their records go back
/// to the worker) and counts them in [`Task::discarded_calls`]; leaving a
/// frame that is no longer open (a token of another task, or of a frame
/// already discarded that way) does nothing and returns `Ok(())`.
///
/// ```
/// # use deferrt_core::{Pool, Worker, Task};
/// # let pool = Pool::new(); let mut w = Worker::new(&pool);
/// let mut t: Task<Vec<&'static str>, &'static str> = Task::new(&pool);
/// let mut log = Vec::new();
/// let mut cx = t.cx(&mut w, &mut log).unwrap();
/// let outer = cx.enter();
/// cx.defer(|cx| { cx.env().push("outer"); Ok(()) });
/// let inner = cx.enter();
/// cx.defer(|cx| { cx.env().push("inner"); Ok(()) });
/// drop(inner); // never left (say, a Rust panic unwound through it)
/// assert_eq!(cx.exit(outer), Ok(())); // discards the inner frame's call first
/// assert_eq!(cx.task().discarded_calls(), 1);
/// drop(cx);
/// assert_eq!(log, ["outer"]);
/// ```
#[must_use = "a frame must be left with Cx::exit or Cx::unwind"]
#[derive(Debug)]
pub struct Frame {
    pub(crate) depth: u32,
}

impl Frame {
    /// The frame's depth in its task (the outermost frame is 1).
    ///
    /// ```
    /// # use deferrt_core::{Pool, Worker, Task};
    /// # let pool = Pool::new(); let mut w = Worker::new(&pool);
    /// # let mut t: Task<(), &'static str> = Task::new(&pool); let mut env = ();
    /// # let mut cx = t.cx(&mut w, &mut env).unwrap();
    /// let a = cx.enter();
    /// let b = cx.enter();
    /// assert_eq!((a.depth(), b.depth()), (1, 2));
    /// cx.exit(b).unwrap();
    /// cx.exit(a).unwrap();
    /// ```
    pub fn depth(&self) -> u32 {
        self.depth
    }
}
