//! What a deferred call is: the [`Deferred`] trait and [`Leaf`] calls.

use super::{Cx, Outcome};

/// A deferred call: run once, with the task's context, inside a frame of
/// its own (so its own defers and its `recover` work as in Go).
///
/// Implemented for every `FnOnce(&mut Cx<E, P, M>) -> Outcome`, and for
/// [`Leaf`] closures, which see only the environment.
///
/// ```
/// use deferrt_core::{Cx, Deferred, Outcome, Pool, Worker, Task};
/// // An interpreter's deferred-call value: one type for all slots of an open frame.
/// enum Call {
///     Print(&'static str),
///     Recover,
/// }
/// impl<M> Deferred<Vec<String>, &'static str, M> for Call {
///     fn call(self, cx: &mut Cx<'_, Vec<String>, &'static str, M>) -> Outcome {
///         match self {
///             Call::Print(s) => cx.env().push(s.to_string()),
///             Call::Recover => {
///                 let v = cx.recover();
///                 cx.env().push(format!("recovered {v:?}"));
///             }
///         }
///         Ok(())
///     }
/// }
/// # let pool = Pool::new(); let mut w = Worker::new(&pool);
/// let mut t: Task<Vec<String>, &'static str> = Task::new(&pool);
/// let mut log = Vec::new();
/// let mut cx = t.cx(&mut w, &mut log).unwrap();
/// // func f() { defer recover_and_log(); defer print("bye"); panic("boom") }
/// let r = cx.call_open::<Call, 2, ()>(|cx, f| {
///     f.defer::<0>(Call::Recover);
///     f.defer::<1>(Call::Print("bye"));
///     Err(cx.panic("boom"))
/// });
/// assert_eq!(r, Ok(None));
/// drop(cx);
/// assert_eq!(log, ["bye", "recovered Some(\"boom\")"]);
/// ```
pub trait Deferred<E, P, M> {
    /// `true` when the call cannot reach the engine at all: it cannot
    /// defer, enter frames, panic or recover, so an open or inline frame
    /// calls it with no bookkeeping around it — through
    /// [`call_leaf`](Deferred::call_leaf), which gets the environment and
    /// never the `Cx`, so setting `LEAF` cannot hand the engine's state to
    /// code the fast path does not check after.
    const LEAF: bool = false;

    /// Runs the call.
    fn call(self, cx: &mut Cx<'_, E, P, M>) -> Outcome;

    /// Runs a `LEAF` call with the environment only: what the open and
    /// inline frames' fast paths call for a slot type whose `LEAF` is true.
    /// [`Leaf`] implements it; the default panics with
    /// `deferrt: Deferred::LEAF is true but call_leaf is not implemented`.
    ///
    /// ```
    /// use deferrt_core::{Cx, Deferred, Outcome, Pool, Worker, Task};
    /// // An embedder's own leaf call type: it never sees the Cx on the fast path.
    /// struct Unlock;
    /// impl<M> Deferred<Vec<&'static str>, &'static str, M> for Unlock {
    ///     const LEAF: bool = true;
    ///     fn call(self, cx: &mut Cx<'_, Vec<&'static str>, &'static str, M>) -> Outcome {
    ///         cx.env().push("unlock"); // the general path (e.g. a panic's loop)
    ///         Ok(())
    ///     }
    ///     fn call_leaf(self, log: &mut Vec<&'static str>) {
    ///         log.push("unlock");
    ///     }
    /// }
    /// # let pool = Pool::new(); let mut w = Worker::new(&pool);
    /// let mut t: Task<Vec<&'static str>, &'static str> = Task::new(&pool);
    /// let mut log = Vec::new();
    /// let mut cx = t.cx(&mut w, &mut log).unwrap();
    /// let mut f = cx.enter_inline::<Unlock, 1>();
    /// f.defer::<0>(Unlock);
    /// cx.exit_inline(f);
    /// drop(cx);
    /// assert_eq!(log, ["unlock"]);
    /// ```
    fn call_leaf(self, env: &mut E)
    where
        Self: Sized,
    {
        let _ = env;
        leaf_without_call_leaf()
    }
}

/// A deferred call that never touches the engine: an `FnOnce(&mut E)` that
/// gets the embedder's environment but no [`Cx`], like `defer mu.Unlock()`
/// in Go. It cannot recover, defer or start a Go panic, so an open frame's
/// normal exit calls it exactly as hand-written code would, with no frame of
/// its own and no check after it; on the panic path it runs in its turn and
/// the panic goes on.
///
/// ```
/// use deferrt_core::{Pool, Worker, Task, Leaf};
/// let pool = Pool::new();
/// let mut w = Worker::new(&pool);
/// let mut t: Task<bool, &'static str> = Task::new(&pool);
/// let mut unlocked = false;
/// let mut cx = t.cx(&mut w, &mut unlocked).unwrap();
/// let mut f = cx.enter_open::<_, 1>();
/// f.defer::<0>(Leaf(|unlocked: &mut bool| *unlocked = true));
/// assert!(!*cx.env());
/// cx.exit_open(f).unwrap();
/// assert!(*cx.env());
/// ```
#[derive(Debug, Clone, Copy)]
pub struct Leaf<F>(pub F);

impl<E, P, M, F: FnOnce(&mut E)> Deferred<E, P, M> for Leaf<F> {
    const LEAF: bool = true;

    #[inline(always)]
    fn call(self, cx: &mut Cx<'_, E, P, M>) -> Outcome {
        (self.0)(cx.env);
        Ok(())
    }

    #[inline(always)]
    fn call_leaf(self, env: &mut E) {
        (self.0)(env)
    }
}

impl<E, P, M, F> Deferred<E, P, M> for F
where
    F: FnOnce(&mut Cx<'_, E, P, M>) -> Outcome,
{
    #[inline(always)]
    fn call(self, cx: &mut Cx<'_, E, P, M>) -> Outcome {
        self(cx)
    }
}

#[cold]
#[inline(never)]
fn leaf_without_call_leaf() -> ! {
    panic!("deferrt: Deferred::LEAF is true but call_leaf is not implemented")
}
