//! The tokens an embedder holds: [`Outcome`], [`Unwind`] and [`Frame`].

use core::num::NonZeroU64;

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
/// It carries no value (the panic value lives on the task's panic stack),
/// only the stamp of the panic-stack entry it stands for, so an `Outcome` is
/// one word. It cannot be made outside the engine and is not `Clone`.
/// Dropping it instead of propagating it to the enclosing frame is a logic
/// error: the panic stays on the task's stack.
///
/// An `Unwind` is tied to its task and to the newest entry of its panic
/// stack. Giving the engine one that is not the newest entry's — another
/// task's, one of an earlier panic of this task, or one whose panic was
/// recovered or cleared since — panics with a message that starts with
/// `deferrt: Unwind`, in release builds too: such a token would otherwise let
/// a frame unwind with a panic it is not running (and a helper's deferred
/// call recover it, which Go forbids).
///
/// ```
/// use deferrt_core::{Pool, Worker, Task, Cx, Outcome, Unwind};
/// assert_eq!(core::mem::size_of::<Outcome>(), 8);
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
pub struct Unwind {
    /// The stamp of the panic-stack entry this token stands for.
    pub(crate) stamp: NonZeroU64,
}

/// A frame token: returned by [`Cx::enter`], consumed by [`Cx::exit`] or
/// [`Cx::unwind`], so a frame cannot be left twice.
///
/// Frames nest: leave the innermost first. Leaving a frame while frames
/// entered after it are still open discards the inner frames' pending calls
/// without running them (their closures are dropped, their records go back
/// to the worker) and counts them in [`Task::discarded_calls`]; leaving a
/// frame that is no longer open (a token of a frame already discarded that
/// way, even when a later frame has the same depth) does nothing and
/// returns `Ok(())` ([`Cx::unwind`]: hands the `Unwind` back).
///
/// A `Frame` is tied to its task: leaving it through another task's `Cx`
/// panics with `deferrt: Frame of another task passed to Cx::exit` (or
/// `Cx::unwind`), in release builds too. It is not `Clone` and cannot be
/// made outside the engine; checking it on the way out costs one compare of
/// its task and frame generation besides the depth compare the exit does
/// anyway (see `ARCHITECTURE.md`).
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
    /// The task that entered it ([`Task`]'s process-unique id).
    pub(crate) task: NonZeroU64,
    /// The task's position when it was entered: its frame generation in the
    /// high half (it changes when frames are abandoned, which makes their
    /// tokens stale), the frame's depth in the low half — never 0, the
    /// depth of "outside any frame" and of the chain sentinel.
    pub(crate) pos: u64,
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
        self.pos as u32
    }
}
