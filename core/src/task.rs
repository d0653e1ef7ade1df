//! Tasks, frames, the defer chain and the panic/recover/Goexit state machine.
//!
//! This file is to deferrt what `runtime/panic.go` is to Go: `defer` is
//! `deferproc`, [`Cx::exit`] is `deferreturn`, [`Cx::unwind`] plus
//! [`Cx::finish`] are `gopanic`'s loop over `(*_panic).nextDefer`, and
//! [`Cx::recover`] is `gorecover`. The comments next to each step say why it
//! is there; most of them are lessons Go learned the hard way.
//!
//! # State
//!
//! A [`Task`] is plain data: the chain of pending records (newest first), the
//! current frame depth, and the panic stack. Frames are numbered by depth:
//! entering one increments `depth`, leaving it decrements. A record is
//! tagged with the depth of the frame that registered it; the chain is
//! sorted by depth, newest (deepest) first, and ends in a static sentinel at
//! depth 0, so "does this frame have pending chain calls?" is one load and
//! one compare: `head.depth == d`.
//!
//! # Unsafe
//!
//! The `unsafe` here moves closures in and out of record payloads and walks
//! the chain: `push_into` (registration), `push_into_at` (registration for
//! an outer frame: a walk past deeper records, then the same writes),
//! `Cx::pop_as_or_run` (a record's payload moved out as the type its vtable
//! names), `Cx::pop_record` and the two
//! indirect calls through a record's vtable (`Cx::exit`, `Cx::run_record`),
//! `call_shim`/`drop_shim`, `Task::discard_head`, `Task::head_depth` and
//! `Task::pending_records`. Their invariants are the record invariants of
//! `record.rs`, plus:
//!
//! * `task.head` is never null: it is the static sentinel (depth 0, never
//!   written) or a live record of this chain;
//! * a record in a `Task<E, P, M>`'s chain has a vtable of type
//!   `CallVTable<E, P, M>` made for the exact closure type in its payload
//!   (only `push_into` links records, and it writes both together);
//! * a record leaves the chain (unlinked) before its closure is read out,
//!   and its closure is read out (called or dropped) exactly once.

use alloc::boxed::Box;
use core::any::TypeId;
use core::fmt;
use core::marker::PhantomData;
use core::ptr;

use smallvec::SmallVec;

use crate::open::PendingSlots;
use crate::pool::{give_central, Pool, Worker};
use crate::record::{class_of, sentinel, Header, Rec};
use crate::sync::Arc;
use crate::value::PanicValue;

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

/// Marker for tasks that stay on one thread: deferred closures need not be
/// `Send`, and the task is not `Send`.
///
/// ```
/// use std::{cell::Cell, rc::Rc};
/// use deferrt_core::{Pool, Worker, Task, Local};
/// # let pool = Pool::new(); let mut w = Worker::new(&pool);
/// let ran = Rc::new(Cell::new(false)); // not Send: fine for a Local task
/// let mut t: Task<(), &'static str, Local> = Task::new(&pool); // Local is the default
/// let mut env = ();
/// let mut cx = t.cx(&mut w, &mut env).unwrap();
/// let flag = Rc::clone(&ran);
/// cx.call(|cx| { cx.defer(move |_| { flag.set(true); Ok(()) }); Ok(()) }).unwrap();
/// assert!(ran.get());
/// ```
#[derive(Debug)]
pub enum Local {}

/// Marker for tasks that may move between threads (a work-stealing
/// scheduler's goroutines): deferred closures and panic values must be
/// `Send`, and then so is the task.
///
/// ```
/// use deferrt_core::{Pool, Worker, Task, Sendable};
/// let pool = Pool::new();
/// let mut t: Task<Vec<String>, &'static str, Sendable> = Task::new(&pool);
/// let mut log = Vec::new();
/// // On this thread: enter a frame, defer, then park the task (drop the context).
/// let mut here = Worker::new(&pool);
/// let mut cx = t.cx(&mut here, &mut log).unwrap();
/// let frame = cx.enter();
/// let from = format!("{:?}", std::thread::current().id());
/// cx.defer(move |cx| {
///     let now = format!("{:?}", std::thread::current().id());
///     cx.env().push(format!("deferred on {from}, run on another: {}", from != now));
///     Ok(())
/// });
/// drop(cx);
/// // On another thread, with that thread's worker: leave the frame.
/// let pool2 = pool.clone();
/// let (t, log) = std::thread::spawn(move || {
///     let mut there = Worker::new(&pool2);
///     let mut cx = t.cx(&mut there, &mut log).unwrap();
///     cx.exit(frame).unwrap();
///     drop(cx);
///     (t, log)
/// })
/// .join()
/// .unwrap();
/// assert!(log[0].ends_with("run on another: true"));
/// assert_eq!((t.depth(), t.pending_records()), (0, 0));
/// ```
#[derive(Debug)]
pub enum Sendable {}

/// Which closures a task of mode `M` accepts: every closure for [`Local`],
/// `Send` closures for [`Sendable`].
///
/// ```
/// use std::rc::Rc;
/// use deferrt_core::{Admit, Cx, Outcome, Pool, Worker, Task, Local, Sendable};
/// // A helper generic over the mode carries `Cx::defer`'s bound.
/// fn defer_in<M, F>(cx: &mut Cx<u32, &'static str, M>, f: F)
/// where
///     F: FnOnce(&mut Cx<u32, &'static str, M>) -> Outcome + Admit<M> + 'static,
/// {
///     cx.defer(f)
/// }
/// # let pool = Pool::new(); let mut w = Worker::new(&pool);
/// let mut n = 0;
/// let mut local: Task<u32, &'static str, Local> = Task::new(&pool);
/// let mut cx = local.cx(&mut w, &mut n).unwrap();
/// let rc = Rc::new(1); // not Send
/// cx.call(|cx| { defer_in(cx, move |cx| { *cx.env() += *rc; Ok(()) }); Ok(()) }).unwrap();
/// drop(cx);
/// let mut sendable: Task<u32, &'static str, Sendable> = Task::new(&pool);
/// let mut cx = sendable.cx(&mut w, &mut n).unwrap();
/// cx.call(|cx| { defer_in(cx, |cx| { *cx.env() += 10; Ok(()) }); Ok(()) }).unwrap();
/// drop(cx);
/// assert_eq!(n, 11);
/// ```
///
/// A `Sendable` task refuses a closure that is not `Send`:
///
/// ```compile_fail
/// use deferrt_core::{Pool, Worker, Task, Sendable};
/// let pool = Pool::new();
/// let mut w = Worker::new(&pool);
/// let mut t: Task<(), &'static str, Sendable> = Task::new(&pool);
/// let mut env = ();
/// let mut cx = t.cx(&mut w, &mut env).unwrap();
/// let rc = std::rc::Rc::new(1);
/// let f = cx.enter();
/// cx.defer(move |_| { drop(rc); Ok(()) }); // error: `Rc` is not `Send`
/// cx.exit(f).unwrap();
/// ```
pub trait Admit<M> {}
impl<F> Admit<Local> for F {}
impl<F: Send> Admit<Sendable> for F {}

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
    /// `true` when the call cannot reach the engine at all (it gets the
    /// environment, not the `Cx`): it cannot defer, enter frames, panic or
    /// recover, so an open frame calls it with no bookkeeping around it.
    const LEAF: bool = false;

    /// Runs the call.
    fn call(self, cx: &mut Cx<'_, E, P, M>) -> Outcome;
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

/// A deferred value too large for a record, registered by `defer_call`.
struct BoxedCall<C>(Box<C>);

impl<E, P, M, C: Deferred<E, P, M>> Deferred<E, P, M> for BoxedCall<C> {
    fn call(self, cx: &mut Cx<'_, E, P, M>) -> Outcome {
        (*self.0).call(cx)
    }
}

/// The vtable stored in a chained record: how to call, and how to drop, the
/// closure in its payload.
struct CallVTable<E, P, M> {
    call: for<'a, 'b> unsafe fn(Rec, &'a mut Cx<'b, E, P, M>) -> Outcome,
    drop: unsafe fn(Rec),
    class: usize,
    /// The payload's type, so that `Cx::leave_next` can hand a record's
    /// value back to the embedder instead of calling it.
    type_id: fn() -> TypeId,
}

struct VTableOf<F, E, P, M>(PhantomData<(F, E, P, M)>);

impl<F, E, P: PanicValue, M> VTableOf<F, E, P, M>
where
    F: Deferred<E, P, M> + 'static,
{
    const VTABLE: CallVTable<E, P, M> = CallVTable {
        call: call_shim::<F, E, P, M>,
        drop: drop_shim::<F>,
        class: match class_of::<F>() {
            Some(c) => c,
            None => 0,
        },
        type_id: TypeId::of::<F>,
    };
}

/// Moves the closure out of `rec`, gives the record back to the worker, and
/// calls the closure. The caller has entered the call's frame.
///
/// This is the only monomorphised part of running a chained call, so the
/// record's size class is a constant here and the free is a handful of
/// instructions; leaving the call's frame is shared code in the exit loop.
/// The record goes back before the call, as Go frees a `_defer` before
/// calling its function: it is already unlinked, its payload has been moved
/// out, and a re-entrant defer may reuse it at once.
///
/// # Safety
/// `rec` was just unlinked from a chain and holds an initialised `F`
/// (record invariant 3); the caller gives up the record.
unsafe fn call_shim<F, E, P: PanicValue, M>(rec: Rec, cx: &mut Cx<'_, E, P, M>) -> Outcome
where
    F: Deferred<E, P, M> + 'static,
{
    // SAFETY: the payload holds an initialised, suitably aligned F
    // (record invariants 1 and 3); reading moves it out, after which the
    // payload is dead bytes.
    let f = unsafe { ptr::read(rec.payload().cast::<F>()) };
    let class = VTableOf::<F, E, P, M>::VTABLE.class;
    if !cx.worker.try_free(rec, class) {
        return free_cold_then_call(rec, class, f, cx);
    }
    f.call(cx)
}

/// The rare case of `call_shim`: the cache is full and spills half to the
/// central pool first. A separate function keeps the common path free of
/// calls other than the closure itself.
#[cold]
#[inline(never)]
fn free_cold_then_call<F, E, P: PanicValue, M>(
    rec: Rec,
    class: usize,
    f: F,
    cx: &mut Cx<'_, E, P, M>,
) -> Outcome
where
    F: Deferred<E, P, M>,
{
    cx.worker.free(rec, class);
    f.call(cx)
}

/// Drops the closure in `rec` without calling it.
///
/// # Safety
/// As `call_shim`; the caller frees the record afterwards.
unsafe fn drop_shim<F>(rec: Rec) {
    // SAFETY: see call_shim.
    unsafe { ptr::drop_in_place(rec.payload().cast::<F>()) }
}

/// Links a record holding `f` at the head of `task`'s chain. A free function
/// of two `&mut` parameters rather than a method of `Cx`: once inlined, the
/// compiler knows the task, the worker and the record do not overlap, so it
/// need not reload the task's head and depth after writing the record.
#[inline(always)]
fn push_into<F, E, P: PanicValue, M>(task: &mut Task<E, P, M>, worker: &mut Worker, f: F)
where
    F: Deferred<E, P, M> + 'static,
{
    let vt: *const CallVTable<E, P, M> = &VTableOf::<F, E, P, M>::VTABLE;
    let class = VTableOf::<F, E, P, M>::VTABLE.class;
    let rec = worker.alloc(class);
    // SAFETY: `rec` came from the worker, so no one else holds it (record
    // invariant 2); the class fits F (class_of), the payload is aligned for
    // F. The closure and its vtable are written together before the record
    // is linked (module invariant).
    unsafe {
        ptr::write(rec.payload().cast::<F>(), f);
        ptr::write(
            rec.0.as_ptr(),
            Header {
                next: task.head,
                vtable: vt.cast(),
                depth: task.depth,
            },
        );
    }
    task.head = rec.0.as_ptr();
}

/// Links a record holding `f` into `task`'s chain as the newest record of
/// frame `depth`, an open frame outside the innermost one: after every record
/// of deeper frames, so the chain stays sorted by depth (Go's
/// `deferprocat`, which a range-over-func loop body uses to defer for the
/// enclosing function). The caller checked `1 <= depth <= task.depth`.
fn push_into_at<F, E, P: PanicValue, M>(
    task: &mut Task<E, P, M>,
    worker: &mut Worker,
    f: F,
    depth: u32,
) where
    F: Deferred<E, P, M> + 'static,
{
    let vt: *const CallVTable<E, P, M> = &VTableOf::<F, E, P, M>::VTABLE;
    let class = VTableOf::<F, E, P, M>::VTABLE.class;
    let rec = worker.alloc(class);
    // SAFETY: as in `push_into` for the record and its payload. The walk
    // reads headers of live records and stops at the first one of depth
    // <= `depth` at the latest at the sentinel (depth 0 < 1 <= depth), whose
    // fields are only read; the link written is `task.head` or the `next`
    // of a live record of this chain, never the sentinel's.
    unsafe {
        ptr::write(rec.payload().cast::<F>(), f);
        let mut link: *mut *mut Header = &mut task.head;
        while (**link).depth > depth {
            link = &mut (**link).next;
        }
        ptr::write(
            rec.0.as_ptr(),
            Header {
                next: *link,
                vtable: vt.cast(),
                depth,
            },
        );
        *link = rec.0.as_ptr();
    }
}

/// One entry of the panic stack: Go's `_panic`.
#[derive(Debug)]
struct Entry<P> {
    /// `None` for a Goexit.
    value: Option<P>,
    /// An effective `recover` took this panic; the recovery completes when
    /// the recovering deferred call returns.
    recovered: bool,
    /// A deferred call this entry was running started a newer panic (or
    /// Goexit) that left the call: the newer one carries on the unwinding and
    /// this one only remains to be printed, or — for a Goexit — to resume.
    superseded: bool,
}

/// Type marker of a task: it mentions `E` only through `&mut E` (no `E` is
/// stored), and the raw pointer keeps it `!Send` unless `M = Sendable`.
type Marker<E, M> = (fn(&mut E), M, *const ());

/// One task's (goroutine's) deferred calls, frames and panics.
///
/// `E` is the embedder's environment type, handed to every deferred call
/// through [`Cx::env`]; `P` the panic value type; `M` is [`Local`] or
/// [`Sendable`].
///
/// ```
/// use deferrt_core::{Pool, Worker, Task};
/// let pool = Pool::new();
/// let mut worker = Worker::new(&pool);
/// let mut log = Vec::new();
/// let mut task: Task<Vec<i32>, &'static str> = Task::new(&pool);
/// let mut cx = task.cx(&mut worker, &mut log).unwrap();
/// let r = cx.call(|cx| {
///     for i in 0..3 {
///         cx.defer(move |cx| { cx.env().push(i); Ok(()) });
///     }
///     Ok(())
/// });
/// assert_eq!(r, Ok(Some(())));
/// drop(cx);
/// assert_eq!(log, [2, 1, 0]); // LIFO
/// ```
pub struct Task<E, P, M = Local> {
    /// The newest record, or the sentinel: never null.
    pub(crate) head: *mut Header,
    pub(crate) depth: u32,
    /// The depth of the frame of the deferred call the newest unwinding is
    /// running, if it is a panic; `recover` is effective only at that depth.
    pub(crate) defer_frame: u32,
    /// The panic stack (Go's `gp._panic` list), oldest first. Inline room
    /// for two entries: a task that panics, or panics once more inside a
    /// deferred call, never asks the global allocator.
    panics: SmallVec<[Entry<P>; 2]>,
    discarded: u64,
    pool: Arc<Pool>,
    _marker: PhantomData<Marker<E, M>>,
}

// SAFETY: a Sendable task only holds `Send` closures (`defer` requires
// `F: Admit<Sendable>`, i.e. `F: Send`) and `Send` panic values; its record
// pointers are exclusive (record invariant 2).
unsafe impl<E, P: Send> Send for Task<E, P, Sendable> {}

impl<E, P, M> fmt::Debug for Task<E, P, M> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Task")
            .field("depth", &self.depth)
            .field("pending_records", &self.pending_records())
            .field("panics", &self.panics.len())
            .field("discarded_calls", &self.discarded)
            .finish()
    }
}

/// [`Task::cx`] was given a worker of another pool.
///
/// ```
/// use deferrt_core::{Pool, Worker, Task, PoolMismatch};
/// let (a, b) = (Pool::new(), Pool::new());
/// let mut t: Task<(), &'static str> = Task::new(&a);
/// let mut env = ();
/// let mut wb = Worker::new(&b);
/// assert_eq!(t.cx(&mut wb, &mut env).unwrap_err(), PoolMismatch);
/// let mut wa = Worker::new(&a);
/// assert!(t.cx(&mut wa, &mut env).is_ok());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PoolMismatch;

impl fmt::Display for PoolMismatch {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("the worker belongs to a different pool than the task")
    }
}

/// How a task's unwinding ended, see [`Task::unwinding`].
///
/// ```
/// use deferrt_core::{Pool, Worker, Task, Unwinding};
/// # let pool = Pool::new(); let mut w = Worker::new(&pool);
/// # let mut t: Task<(), &'static str> = Task::new(&pool); let mut env = ();
/// let mut cx = t.cx(&mut w, &mut env).unwrap();
/// let r = cx.call(|cx| -> Result<(), _> { Err(cx.panic("boom")) });
/// assert!(r.is_err()); // the outermost frame: the goroutine is done
/// drop(cx);
/// let exit_code = match t.unwinding() {
///     Some(Unwinding::Panic(v)) => {
///         assert_eq!(*v, "boom");
///         2 // print t.crash_report()
///     }
///     Some(Unwinding::Goexit) => 2, // "fatal error: no goroutines (main called runtime.Goexit)"
///     None => 0,
/// };
/// assert_eq!(exit_code, 2);
/// ```
#[derive(Debug, PartialEq, Eq)]
pub enum Unwinding<'a, P> {
    /// An unrecovered panic with this (newest) value.
    Panic(&'a P),
    /// `Goexit` ran every deferred call.
    Goexit,
}

impl<E, P, M> Task<E, P, M> {
    /// A task with no frames, over `pool`.
    ///
    /// ```
    /// use deferrt_core::{Pool, Task};
    /// let pool = Pool::new();
    /// let t: Task<(), &'static str> = Task::new(&pool);
    /// assert_eq!((t.depth(), t.pending_records(), t.is_unwinding()), (0, 0, false));
    /// ```
    pub fn new(pool: &Arc<Pool>) -> Self {
        Task {
            head: sentinel(),
            depth: 0,
            defer_frame: 0,
            panics: SmallVec::new(),
            discarded: 0,
            pool: Arc::clone(pool),
            _marker: PhantomData,
        }
    }

    /// A context to run the task on `worker` with environment `env`.
    ///
    /// The context is a short-lived view; to move a [`Sendable`] task to
    /// another thread, drop the context, send the task, and make a new
    /// context there with that thread's worker. Fails with
    /// [`PoolMismatch`] when the worker trades with another pool (its
    /// records could outlive their arena).
    ///
    /// ```
    /// # use deferrt_core::{Pool, Worker, Task};
    /// # let pool = Pool::new(); let mut w = Worker::new(&pool);
    /// let mut t: Task<Vec<u8>, &'static str> = Task::new(&pool);
    /// let mut log = Vec::new();
    /// let mut cx = t.cx(&mut w, &mut log).unwrap();
    /// let f = cx.enter();
    /// cx.defer(|cx| { cx.env().push(1); Ok(()) });
    /// drop(cx); // the task keeps its frame and its pending call
    /// assert_eq!(t.pending_records(), 1);
    /// let mut cx = t.cx(&mut w, &mut log).unwrap();
    /// cx.exit(f).unwrap();
    /// drop(cx);
    /// assert_eq!(log, [1]);
    /// ```
    #[inline]
    pub fn cx<'a>(
        &'a mut self,
        worker: &'a mut Worker,
        env: &'a mut E,
    ) -> Result<Cx<'a, E, P, M>, PoolMismatch> {
        if !Arc::ptr_eq(&self.pool, worker.pool()) {
            return Err(PoolMismatch);
        }
        Ok(Cx {
            task: self,
            worker,
            env,
        })
    }

    /// Frames currently entered.
    ///
    /// ```
    /// # use deferrt_core::{Pool, Worker, Task};
    /// # let pool = Pool::new(); let mut w = Worker::new(&pool);
    /// # let mut t: Task<(), &'static str> = Task::new(&pool); let mut env = ();
    /// let mut cx = t.cx(&mut w, &mut env).unwrap();
    /// let r = cx.call(|cx| {
    ///     assert_eq!(cx.task().depth(), 1);
    ///     cx.call(|cx| -> Result<(), _> { Err(cx.panic("boom")) })
    /// });
    /// assert!(r.is_err());
    /// drop(cx);
    /// assert_eq!(t.depth(), 0); // the panic left both frames
    /// ```
    pub fn depth(&self) -> u32 {
        self.depth
    }

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

    /// Chain calls dropped without being run because their frame was
    /// abandoned (see [`Frame`]) or the task was dropped with them pending.
    ///
    /// Slots of an [`OpenFrame`](crate::OpenFrame) live in the embedder's
    /// own frame, not in the task: an open frame dropped without being left
    /// drops its armed closures uncalled, and they are not counted here.
    ///
    /// ```
    /// # use deferrt_core::{Pool, Worker, Task};
    /// # let pool = Pool::new(); let mut w = Worker::new(&pool);
    /// # let mut t: Task<(), &'static str> = Task::new(&pool); let mut env = ();
    /// # let mut cx = t.cx(&mut w, &mut env).unwrap();
    /// let outer = cx.enter();
    /// let inner = cx.enter();
    /// cx.defer(|_| panic!("a discarded call is never run"));
    /// cx.defer(|_| panic!("a discarded call is never run"));
    /// core::mem::forget(inner);
    /// cx.exit(outer).unwrap();
    /// assert_eq!(cx.task().discarded_calls(), 2);
    /// ```
    pub fn discarded_calls(&self) -> u64 {
        self.discarded
    }

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

    /// The values on the panic stack, oldest first (Goexit entries have
    /// none), to be replaced before [`crash_report`](Task::crash_report)
    /// prints them: Go's `preprintpanics` calls each value's `Error()` or
    /// `String()` method and prints the text, and an embedder whose methods
    /// are interpreted code runs them itself, then stores the result here.
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
        self.panics.clear();
        self.defer_frame = 0;
    }

    /// The index of the newest panic-stack entry (`usize::MAX` if none):
    /// the one that runs the next deferred call.
    pub(crate) fn panic_top(&self) -> usize {
        self.panics.len().wrapping_sub(1)
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
    /// it was deeper.
    #[cold]
    #[inline(never)]
    pub(crate) fn discard_down_to(&mut self, mut worker: Option<&mut Worker>, depth: u32) {
        while self.head != sentinel() && self.head_depth() > depth {
            self.discard_head(worker.as_deref_mut());
        }
        if self.depth > depth {
            self.depth = depth;
        }
    }

    fn discard_head(&mut self, worker: Option<&mut Worker>) {
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
        unsafe { (vt.drop)(rec) };
        match worker {
            Some(w) => w.free(rec, vt.class),
            None => give_central(&self.pool, vt.class, rec),
        }
    }
}

impl<E, P, M> Drop for Task<E, P, M> {
    fn drop(&mut self) {
        // Calls still pending belong to frames that were never left: drop
        // them uncalled, count them, and return their records to the pool.
        // Records at depth 0 (registered outside any frame) go too.
        while self.head != sentinel() {
            self.discard_head(None);
        }
    }
}

/// A running task: the task, the worker whose record cache it uses, and the
/// embedder's environment. Every engine operation goes through a `Cx`, and
/// every deferred call receives one.
///
/// ```
/// use deferrt_core::{Pool, Worker, Task};
/// let pool = Pool::new();
/// let mut w = Worker::new(&pool);
/// let mut t: Task<Vec<&'static str>, &'static str> = Task::new(&pool);
/// let mut log = Vec::new();
/// let mut cx = t.cx(&mut w, &mut log).unwrap();
/// // Deferred calls get a `Cx` too: they can defer, call, panic and recover.
/// let r = cx.call(|cx| {
///     cx.defer(|cx| {
///         cx.defer(|cx| { cx.env().push("its own defer"); Ok(()) });
///         cx.call(|cx| { cx.env().push("a call it makes"); Ok(()) })?;
///         cx.env().push("deferred call");
///         Ok(())
///     });
///     cx.env().push("body");
///     Ok(())
/// });
/// assert_eq!(r, Ok(Some(())));
/// drop(cx);
/// assert_eq!(log, ["body", "a call it makes", "deferred call", "its own defer"]);
/// ```
pub struct Cx<'a, E, P, M = Local> {
    pub(crate) task: &'a mut Task<E, P, M>,
    pub(crate) worker: &'a mut Worker,
    pub(crate) env: &'a mut E,
}

impl<E, P, M> fmt::Debug for Cx<'_, E, P, M> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Cx")
            .field("task", &self.task)
            .field("worker", &self.worker)
            .finish()
    }
}

impl<'a, E, P: PanicValue, M> Cx<'a, E, P, M> {
    /// The embedder's environment.
    ///
    /// ```
    /// # use deferrt_core::{Pool, Worker, Task};
    /// # let pool = Pool::new(); let mut w = Worker::new(&pool);
    /// let mut t: Task<u32, &'static str> = Task::new(&pool);
    /// let mut count = 0;
    /// let mut cx = t.cx(&mut w, &mut count).unwrap();
    /// cx.call(|cx| {
    ///     cx.defer(|cx| { *cx.env() += 1; Ok(()) });
    ///     *cx.env() += 10;
    ///     Ok(())
    /// })
    /// .unwrap();
    /// drop(cx);
    /// assert_eq!(count, 11);
    /// ```
    #[inline]
    pub fn env(&mut self) -> &mut E {
        self.env
    }

    /// The task (for inspection).
    ///
    /// ```
    /// # use deferrt_core::{Pool, Worker, Task};
    /// # let pool = Pool::new(); let mut w = Worker::new(&pool);
    /// let mut t: Task<Vec<u32>, &'static str> = Task::new(&pool);
    /// let mut depths = Vec::new();
    /// let mut cx = t.cx(&mut w, &mut depths).unwrap();
    /// cx.call(|cx| {
    ///     cx.defer(|cx| { let d = cx.task().depth(); cx.env().push(d); Ok(()) });
    ///     let d = cx.task().depth();
    ///     cx.env().push(d);
    ///     Ok(())
    /// })
    /// .unwrap();
    /// drop(cx);
    /// assert_eq!(depths, [1, 2]); // a deferred call runs in a frame of its own
    /// ```
    #[inline]
    pub fn task(&self) -> &Task<E, P, M> {
        self.task
    }

    /// The worker whose cache this context uses.
    ///
    /// ```
    /// # use deferrt_core::{Arc, Pool, Worker, Task};
    /// # let pool = Pool::new(); let mut w = Worker::new(&pool);
    /// # let mut t: Task<(), &'static str> = Task::new(&pool); let mut env = ();
    /// let mut cx = t.cx(&mut w, &mut env).unwrap();
    /// assert!(Arc::ptr_eq(cx.worker().pool(), &pool));
    /// assert_eq!(cx.worker().cached(), 0);
    /// cx.call(|cx| { cx.defer(|_| Ok(())); Ok(()) }).unwrap();
    /// assert!(cx.worker().cached() > 0); // the record went back to this worker
    /// ```
    #[inline]
    pub fn worker(&mut self) -> &mut Worker {
        self.worker
    }

    /// Enters a frame (a function invocation). Go does nothing at function
    /// entry either: the frame exists as a depth.
    ///
    /// ```
    /// # use deferrt_core::{Pool, Worker, Task};
    /// # let pool = Pool::new(); let mut w = Worker::new(&pool);
    /// # let mut t: Task<(), &'static str> = Task::new(&pool); let mut env = ();
    /// # let mut cx = t.cx(&mut w, &mut env).unwrap();
    /// let f = cx.enter();
    /// assert_eq!((f.depth(), cx.task().depth()), (1, 1));
    /// assert_eq!(cx.worker().cached(), 0); // nothing registered, nothing allocated
    /// assert_eq!(cx.exit(f), Ok(()));
    /// assert_eq!(cx.task().depth(), 0);
    /// ```
    #[inline]
    pub fn enter(&mut self) -> Frame {
        self.task.depth += 1;
        Frame {
            depth: self.task.depth,
        }
    }

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

    /// Registers a deferred call that is a value of a [`Deferred`] type
    /// rather than a closure: the same record as [`defer`](Cx::defer), but
    /// the stepped exit ([`leave_next`](Cx::leave_next)) hands a `C` back
    /// to the embedder as data instead of calling it — how an interpreter
    /// whose deferred functions are its own frames runs them. A `C` over
    /// the largest record class is boxed and is then called like a closure.
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

    #[cold]
    #[inline(never)]
    fn defer_boxed<F>(&mut self, f: F)
    where
        F: FnOnce(&mut Cx<'_, E, P, M>) -> Outcome + Admit<M> + 'static,
    {
        let b = Box::new(f);
        self.push_record(move |cx: &mut Cx<'_, E, P, M>| (*b)(cx));
    }

    /// Links a record holding `f` as the newest of the open frame at `depth`.
    pub(crate) fn push_record_at<F: Deferred<E, P, M> + 'static>(&mut self, f: F, depth: u32) {
        if class_of::<F>().is_some() {
            push_into_at(self.task, self.worker, f, depth);
        } else {
            push_into_at(self.task, self.worker, BoxedCall(Box::new(f)), depth);
        }
    }

    /// Links a record holding `f` at the head of the chain.
    #[inline(always)]
    fn push_record<F: Deferred<E, P, M> + 'static>(&mut self, f: F) {
        push_into(self.task, self.worker, f);
    }

    /// Unlinks the head record; the caller has checked it belongs to the
    /// frame being left.
    #[inline(always)]
    fn pop_record(&mut self) -> (Rec, *const CallVTable<E, P, M>) {
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

    /// Runs one deferred call in a frame of its own: the frame is entered
    /// around the call, and left (its own defers run) afterwards. `recover`
    /// inside `f` is effective exactly when `defer_frame` equals this new
    /// frame's depth, which the panic loop arranges before calling.
    #[inline(always)]
    pub(crate) fn run_deferred<C: Deferred<E, P, M>>(&mut self, f: C) -> Outcome {
        let d1 = self.task.depth + 1;
        self.task.depth = d1;
        let r = f.call(self);
        let r = self.after_call(d1, r);
        self.task.depth = d1 - 1;
        r
    }

    /// Leaves the frame `d1` of a deferred call that just returned `r`. The
    /// fast case is two tests: the call did not unwind, and the head record
    /// is older than its frame (it registered no defers of its own and left
    /// no abandoned frames with records). Frames it abandoned without
    /// records need nothing but the depth reset. Leaves `depth == d1`.
    #[inline(always)]
    pub(crate) fn after_call(&mut self, d1: u32, r: Outcome) -> Outcome {
        if r.is_err() || self.task.head_depth() >= d1 {
            self.after_call_cold(d1, r)
        } else {
            self.task.depth = d1;
            r
        }
    }

    /// Runs the closure of a chain record just unlinked from frame `d1 - 1`,
    /// in frame `d1` (already entered by the caller); the shim frees the
    /// record.
    #[inline(always)]
    fn run_record(&mut self, rec: Rec, vt: *const CallVTable<E, P, M>, d1: u32) -> Outcome {
        // SAFETY: `rec` was just unlinked and holds the type its vtable (a
        // promoted constant, valid for the program) was made for.
        let r = unsafe { ((*vt).call)(rec, self) };
        self.after_call(d1, r)
    }

    #[cold]
    #[inline(never)]
    fn after_call_cold(&mut self, d: u32, r: Outcome) -> Outcome {
        if self.task.depth > d || self.task.head_depth() > d {
            self.task.discard_down_to(Some(&mut *self.worker), d);
        }
        self.task.depth = d;
        let r = self.finish(d, r.is_err(), None);
        self.task.depth = d;
        r
    }

    /// Makes `d` the innermost frame again after inner frames were
    /// abandoned (their tokens dropped, or a Rust panic unwound through
    /// them): their pending calls are discarded, not run.
    #[cold]
    #[inline(never)]
    pub(crate) fn realign(&mut self, d: u32) {
        if self.task.depth > d {
            self.task.discard_down_to(Some(&mut *self.worker), d);
        }
    }

    /// Leaves `frame` normally (Go's `deferreturn`): runs its pending calls
    /// last-in first-out. `Ok(())` means the frame returns normally — also
    /// when one of its deferred calls panicked and a later one recovered.
    /// `Err(Unwind)` means the frame is unwinding: propagate it.
    ///
    /// ```
    /// # use deferrt_core::{Pool, Worker, Task};
    /// # let pool = Pool::new(); let mut w = Worker::new(&pool);
    /// let mut t: Task<Vec<&'static str>, &'static str> = Task::new(&pool);
    /// let mut log = Vec::new();
    /// let mut cx = t.cx(&mut w, &mut log).unwrap();
    /// // func f() { defer func() { log(recover()) }(); defer func() { panic("late") }() }
    /// let f = cx.enter();
    /// cx.defer(|cx| { let v = cx.recover(); cx.env().push(v.unwrap_or("none")); Ok(()) });
    /// cx.defer(|cx| Err(cx.panic("late")));
    /// assert_eq!(cx.exit(f), Ok(())); // the second call panicked, the first recovered
    /// drop(cx);
    /// assert_eq!(log, ["late"]);
    /// ```
    #[inline]
    pub fn exit(&mut self, frame: Frame) -> Outcome {
        let d = frame.depth;
        if self.task.depth != d {
            if self.task.depth < d {
                return Ok(()); // not open: see `Frame`
            }
            self.realign(d);
        }
        // The fast path: pop and call until the head belongs to an outer
        // frame. Every call runs in frame d + 1, so the depth is set once for
        // the whole loop. Each record is unlinked before its call.
        if self.task.head_depth() == d {
            self.task.depth = d + 1;
            loop {
                let (rec, vt) = self.pop_record();
                // SAFETY: `rec` was just unlinked and holds the type its
                // vtable (a promoted constant) was made for; the shim frees it.
                let r = unsafe { ((*vt).call)(rec, self) };
                // The call returned Ok at the depth it started at (it left
                // no frames open); then one load of the head's depth
                // decides: more of this frame (== d), done (< d), or the
                // call left records of its own (cold). Anything else —
                // an unwinding, abandoned frames — is the cold path too.
                if r.is_ok() && self.task.depth == d + 1 {
                    let hd = self.task.head_depth();
                    if hd == d {
                        continue;
                    }
                    if hd < d {
                        break;
                    }
                }
                if self.after_call_cold(d + 1, r).is_err() {
                    // A deferred call panicked during a normal return: the
                    // rest of this frame runs as a panic would run it, and an
                    // earlier call may still recover (GO-SEMANTICS C5).
                    self.task.depth = d;
                    return self.finish_and_pop(d, true, None);
                }
                if self.task.head_depth() != d {
                    break;
                }
            }
        }
        self.task.depth = d - 1;
        Ok(())
    }

    /// Leaves `frame` because its body is unwinding (a panic or Goexit
    /// raised in it, or propagated from a call it made). Runs its pending
    /// calls with the unwinding; `Ok(())` means one of them recovered and the
    /// frame returns normally (with its named results as they stand),
    /// `Err(Unwind)` means the unwinding goes on to the caller.
    ///
    /// ```
    /// use deferrt_core::{Cx, Outcome, Pool, Worker, Task};
    /// type C<'a> = Cx<'a, Vec<&'static str>, &'static str>;
    /// // An embedder with its own frames: enter, run the body, leave by its outcome.
    /// fn inner(cx: &mut C<'_>) -> Outcome {
    ///     let f = cx.enter();
    ///     cx.defer(|cx| { cx.env().push("inner's defer"); Ok(()) });
    ///     let u = cx.panic("boom"); // the body panics...
    ///     cx.unwind(f, u) // ...no deferred call recovers: Err goes on
    /// }
    /// # let pool = Pool::new(); let mut w = Worker::new(&pool);
    /// let mut t: Task<Vec<&'static str>, &'static str> = Task::new(&pool);
    /// let mut log = Vec::new();
    /// let mut cx = t.cx(&mut w, &mut log).unwrap();
    /// let outer = cx.enter();
    /// cx.defer(|cx| { let v = cx.recover(); cx.env().push(v.unwrap_or("none")); Ok(()) });
    /// let Err(u) = inner(&mut cx) else { panic!("inner returned normally") };
    /// assert_eq!(cx.unwind(outer, u), Ok(())); // recovered: outer returns normally
    /// drop(cx);
    /// assert_eq!(log, ["inner's defer", "boom"]);
    /// ```
    pub fn unwind(&mut self, frame: Frame, u: Unwind) -> Outcome {
        let _ = u;
        let d = frame.depth;
        if self.task.depth != d {
            if self.task.depth < d {
                return Err(Unwind(()));
            }
            self.realign(d);
        }
        self.finish_and_pop(d, true, None)
    }

    /// [`exit`](Cx::exit) or [`unwind`](Cx::unwind), by the body's outcome.
    ///
    /// ```
    /// # use deferrt_core::{Pool, Worker, Task, Outcome};
    /// # let pool = Pool::new(); let mut w = Worker::new(&pool);
    /// # let mut t: Task<(), &'static str> = Task::new(&pool); let mut env = ();
    /// # let mut cx = t.cx(&mut w, &mut env).unwrap();
    /// let f = cx.enter();
    /// cx.defer(|cx| { assert_eq!(cx.recover(), Some("boom")); Ok(()) });
    /// let body: Outcome = Err(cx.panic("boom"));
    /// assert_eq!(cx.leave(f, body), Ok(())); // unwound, and recovered
    /// let f = cx.enter();
    /// let body: Outcome = Err(cx.panic("again"));
    /// assert!(cx.leave(f, body).is_err()); // no deferred call recovers this one
    /// ```
    #[inline]
    pub fn leave(&mut self, frame: Frame, body: Outcome) -> Outcome {
        match body {
            Ok(()) => self.exit(frame),
            Err(u) => self.unwind(frame, u),
        }
    }

    /// Runs `body` in a new frame and leaves it: the closure-scoped form of
    /// [`enter`](Cx::enter) + [`leave`](Cx::leave), which cannot leave
    /// frames out of order.
    ///
    /// Returns `Ok(Some(r))` when the body returned `r` (and the frame's
    /// defers did not end in an unrecovered panic), `Ok(None)` when the body
    /// panicked and a deferred call recovered (the function returns its
    /// named results as they stand, zero values for unnamed ones), and
    /// `Err(Unwind)` when the frame is unwinding.
    ///
    /// ```
    /// # use deferrt_core::{Pool, Worker, Task};
    /// # let pool = Pool::new(); let mut w = Worker::new(&pool);
    /// let mut t: Task<(), &'static str> = Task::new(&pool);
    /// let mut env = ();
    /// let mut cx = t.cx(&mut w, &mut env).unwrap();
    /// let r: Result<Option<i32>, _> = cx.call(|cx| {
    ///     cx.defer(|cx| { assert_eq!(cx.recover(), Some("boom")); Ok(()) });
    ///     Err(cx.panic("boom"))
    /// });
    /// assert_eq!(r, Ok(None)); // recovered: returns normally, no value
    /// ```
    #[inline]
    pub fn call<R>(
        &mut self,
        body: impl FnOnce(&mut Self) -> Result<R, Unwind>,
    ) -> Result<Option<R>, Unwind> {
        let frame = self.enter();
        match body(self) {
            Ok(r) => self.exit(frame).map(|()| Some(r)),
            Err(u) => self.unwind(frame, u).map(|()| None),
        }
    }

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
        if t.defer_frame == 0 || t.depth != t.defer_frame + 1 {
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
            self.after_deferred(&mut unwinding, top, r);
        }
        self.task.defer_frame = outer_defer_frame;
        if unwinding {
            Err(Unwind(()))
        } else {
            Ok(())
        }
    }

    /// What the exit loop does when a deferred call of the frame returns `r`;
    /// `top` is the index of the entry that was newest when the call
    /// started, `unwinding` the frame's state, updated here.
    #[inline]
    pub(crate) fn after_deferred(&mut self, unwinding: &mut bool, top: usize, r: Outcome) {
        match r {
            Err(_) => {
                // The call left with an unwinding of its own. If it is
                // a newer entry (a panic or Goexit started inside the
                // call), it takes over: the one that was running this
                // frame is superseded — kept only to be printed, or, for a
                // Goexit, to be resumed if the newer panic is recovered.
                if *unwinding && self.task.panics.len() > top.wrapping_add(1) {
                    self.task.panics[top].superseded = true;
                }
                *unwinding = true;
            }
            Ok(()) if *unwinding && self.task.panics[top].recovered => {
                // The call recovered the panic that ran it and returned:
                // the recovery happens now (Go's `recovery`).
                *unwinding = self.complete_recovery();
            }
            Ok(()) => {}
        }
    }

    /// Unlinks the head record (the caller checked it belongs to frame
    /// `d1 - 1` and set the depth to `d1`): `Ok` with its payload if it is a
    /// `C` (the record goes back to the worker), otherwise the record's call
    /// runs here, in frame `d1`, and `Err` carries its outcome.
    pub(crate) fn pop_as_or_run<C: 'static>(&mut self, d1: u32) -> Result<C, Outcome> {
        let (rec, vt) = self.pop_record();
        // SAFETY: `vt` is the promoted vtable of the record just unlinked
        // (module invariant 2), valid for the program.
        let (is_c, class) = unsafe { (((*vt).type_id)() == TypeId::of::<C>(), (*vt).class) };
        if !is_c {
            return Err(self.run_record(rec, vt, d1));
        }
        // SAFETY: the record was just unlinked and its vtable says its
        // payload is an initialised C (record invariant 3); reading moves
        // it out, after which the payload is dead bytes and the record is
        // free to go back (it is in no chain).
        let c = unsafe { ptr::read(rec.payload().cast::<C>()) };
        self.worker.free(rec, class);
        Ok(c)
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
