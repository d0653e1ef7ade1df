//! # deferrt
//!
//! Go's `defer`, `panic`, `recover` and `runtime.Goexit` for Rust code, over
//! [`deferrt_core`]. A goroutine is a call to [`go`] on the current thread;
//! each Go function is a call to [`func`]; [`defer`] registers a closure on
//! the innermost `func`; [`panic`], [`recover`] and [`goexit`] behave as in
//! Go 1.27.
//!
//! The core never unwinds; this layer maps a Go panic onto Rust unwinding:
//! [`panic`] records the panic in the task and unwinds with
//! `std::panic::resume_unwind` (no panic hook, no message), and every
//! [`func`] and every deferred call catches the unwind at its boundary and
//! hands it to the core as an `Unwind` value. An ordinary Rust `panic!`
//! inside a `func` becomes a Go panic whose value is the panic payload.
//!
//! ```
//! use std::{cell::Cell, rc::Rc};
//!
//! let got = Rc::new(Cell::new(None));
//! let g = got.clone();
//! let r = deferrt::go(move || {
//!     // func f() { defer func() { got = recover() }(); panic("boom") }
//!     let ret = deferrt::func(|| {
//!         deferrt::defer(move || g.set(deferrt::recover().and_then(|v| v.downcast_ref::<&str>().copied())));
//!         deferrt::panic("boom");
//!     });
//!     assert!(ret.is_none()); // recovered: f returned normally, without a value
//! });
//! assert!(r.is_ok());
//! assert_eq!(got.get(), Some("boom"));
//! ```
//!
//! Defers registered here always go through the core's chain (pooled
//! records). The core's open-coded path is for embedders whose compiler
//! knows each function's defer sites; this layer has no such compiler.
//!
//! # Unsafe
//!
//! One block, in `with_cx`. Invariant: the thread-local `CURRENT` is
//! non-null only while the `Cx` it points to is borrowed by a live stack
//! frame of this thread — `go` sets it for the goroutine's run, and each
//! deferred call sets it to the reborrow the core handed that call; a drop
//! guard restores the previous value on every way out, unwinding included.
//! Every use makes one `&mut Cx` that lives only for one closure call, so
//! no two references derived from it are alive at once.

#![warn(missing_docs)]

use std::any::Any;
use std::cell::Cell;
use std::fmt;
use std::panic::{catch_unwind, resume_unwind, AssertUnwindSafe};
use std::ptr;
use std::rc::Rc;

use deferrt_core::{Cx, Outcome, PanicValue, Pool, Task, Unwind, Unwinding, Worker};

/// A panic value: any Rust value, shared, with Go's identity rule (a value
/// re-panicked as it was recovered is the *same* value).
#[derive(Clone)]
pub struct Value(Rc<dyn Any>);

impl Value {
    /// The value as a `T`, if it is one.
    pub fn downcast_ref<T: Any>(&self) -> Option<&T> {
        self.0.downcast_ref()
    }

    fn text(&self) -> Option<&str> {
        if let Some(s) = self.downcast_ref::<&str>() {
            Some(s)
        } else {
            self.downcast_ref::<String>().map(String::as_str)
        }
    }
}

impl fmt::Display for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(s) = self.text() {
            return f.write_str(s);
        }
        macro_rules! try_num {
            ($($t:ty),*) => {$(
                if let Some(v) = self.downcast_ref::<$t>() {
                    return write!(f, "{v}");
                }
            )*};
        }
        try_num!(i32, i64, u32, u64, usize, isize, bool, f64);
        f.write_str("(non-printable value)")
    }
}

impl fmt::Debug for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Value({self})")
    }
}

impl PanicValue for Value {
    fn same_value(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

type GoCx<'a> = Cx<'a, (), Value>;

/// The unwind payload of a Go panic or Goexit travelling through Rust frames.
struct GoUnwind(Unwind);

thread_local! {
    /// The running goroutine's context, while one runs on this thread. Set by
    /// `go` and by every deferred call (to the reborrow the core hands it).
    static CURRENT: Cell<*mut ()> = const { Cell::new(ptr::null_mut()) };
    /// This thread's record cache and pool, kept across goroutines.
    static WORKER: Cell<Option<Box<Worker>>> = const { Cell::new(None) };
}

/// Runs `f` with the current goroutine's context.
///
/// # Panics
/// Outside [`go`]: defer, panic, recover and goexit need a goroutine.
#[inline]
fn with_cx<R>(f: impl FnOnce(&mut GoCx<'_>) -> R) -> R {
    let p = CURRENT.with(Cell::get);
    assert!(
        !p.is_null(),
        "deferrt: defer/panic/recover/goexit called outside deferrt::go"
    );
    // SAFETY: CURRENT is non-null only while `go` or a deferred call (see
    // `defer`) is on this thread's stack holding the `Cx` it points to, and
    // no reference derived from it is live across this call: every use is
    // scoped to `f`.
    f(unsafe { &mut *p.cast::<GoCx<'static>>() })
}

/// Makes `cx` the current context while `f` runs.
fn scoped<R>(cx: &mut GoCx<'_>, f: impl FnOnce() -> R) -> R {
    struct Restore(*mut ());
    impl Drop for Restore {
        fn drop(&mut self) {
            CURRENT.with(|c| c.set(self.0));
        }
    }
    let prev = CURRENT.with(|c| c.replace((cx as *mut GoCx<'_>).cast()));
    let _restore = Restore(prev);
    f()
}

/// Turns whatever unwound out of `f` into an `Unwind` for the core.
fn catch<R>(f: impl FnOnce() -> R) -> Result<R, Unwind> {
    match catch_unwind(AssertUnwindSafe(f)) {
        Ok(r) => Ok(r),
        Err(payload) => match payload.downcast::<GoUnwind>() {
            Ok(go) => Err(go.0),
            // An ordinary Rust panic: a Go panic with its payload as value.
            Err(other) => Err(with_cx(|cx| {
                cx.panic(Value(Rc::from(other as Box<dyn Any>)))
            })),
        },
    }
}

/// How a goroutine ended when it did not return normally.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Exit {
    /// An unrecovered panic; the text is Go's crash report up to
    /// `goroutine 1 [running]:`.
    Panic(String),
    /// `goexit` ran every deferred call.
    Goexit,
}

/// Runs `f` as a goroutine on this thread: `f` is its first function, and
/// [`defer`], [`panic`], [`recover`], [`goexit`] and [`func`] work inside
/// it. Returns `f`'s value, or how the goroutine died.
///
/// ```
/// let r = deferrt::go(|| { deferrt::defer(|| println!("deferred")); 7 });
/// assert_eq!(r, Ok(Some(7)));
/// let r = deferrt::go(|| -> () { deferrt::panic("boom") });
/// assert_eq!(r, Err(deferrt::Exit::Panic("panic: boom\n\ngoroutine 1 [running]:\n".into())));
/// ```
///
/// `Ok(None)` means `f` panicked and one of its own deferred calls
/// recovered: it returned normally without a value.
pub fn go<R>(f: impl FnOnce() -> R) -> Result<Option<R>, Exit> {
    let mut worker = WORKER
        .with(Cell::take)
        .unwrap_or_else(|| Box::new(Worker::new(&Pool::new())));
    let mut task: Task<(), Value> = Task::new(worker.pool());
    let mut env = ();
    let r = {
        let mut cx = task.cx(&mut worker, &mut env).expect("same pool");
        scoped(&mut cx, || func_inner(f))
    };
    WORKER.with(|w| w.set(Some(worker)));
    match r {
        Ok(v) => Ok(v),
        Err(GoUnwind(_)) => Err(match task.unwinding() {
            Some(Unwinding::Panic(_)) => Exit::Panic(task.crash_report().to_string()),
            _ => Exit::Goexit,
        }),
    }
}

/// A Go function invocation: enters a frame, runs `body`, and leaves the
/// frame, running its deferred calls. Returns `Some(value)` on a normal
/// return; `None` when `body` panicked and a deferred call of this frame
/// recovered (the function returns normally, without a value: keep named
/// results in variables the deferred closures can reach).
///
/// Inside [`go`] the `Err` case never reaches the caller: it continues as
/// an unwind to the enclosing `func`. (The `Result` in the signature is
/// internal; at the outermost level [`go`] turns it into an [`Exit`].)
pub fn func<R>(body: impl FnOnce() -> R) -> Option<R> {
    match func_inner(body) {
        Ok(v) => v,
        Err(u) => resume_unwind(Box::new(u)),
    }
}

fn func_inner<R>(body: impl FnOnce() -> R) -> Result<Option<R>, GoUnwind> {
    let frame = with_cx(|cx| cx.enter());
    let r = catch(body);
    with_cx(|cx| match r {
        Ok(v) => cx.exit(frame).map(|()| Some(v)),
        Err(u) => cx.unwind(frame, u).map(|()| None),
    })
    .map_err(GoUnwind)
}

/// Registers `f` to run when the innermost [`func`] returns or unwinds.
/// Deferred calls may themselves defer, panic and recover.
///
/// # Panics
/// When called outside [`go`].
#[inline]
pub fn defer(f: impl FnOnce() + 'static) {
    with_cx(|cx| cx.defer(move |cx: &mut GoCx<'_>| -> Outcome { scoped(cx, || catch(f)) }))
}

/// Starts a Go panic with `v`: the frames' deferred calls run as the panic
/// passes through them. Unwinds with `resume_unwind`, so no panic hook runs.
///
/// # Panics
/// When called outside [`go`] (an ordinary Rust panic then).
pub fn panic<T: Any>(v: T) -> ! {
    let u = with_cx(|cx| cx.panic(Value(Rc::new(v))));
    resume_unwind(Box::new(GoUnwind(u)))
}

/// Re-panics with a recovered value: the crash report marks the older
/// panic `[recovered, repanicked]`, as Go's `panic(recover())` does.
pub fn repanic(v: Value) -> ! {
    let u = with_cx(|cx| cx.panic(v));
    resume_unwind(Box::new(GoUnwind(u)))
}

/// Go's `recover()`: the current panic's value, when called directly by a
/// deferred call that the panic is running; `None` otherwise.
pub fn recover() -> Option<Value> {
    with_cx(|cx| cx.recover())
}

/// Go's `runtime.Goexit()`: runs every pending deferred call of the
/// goroutine and ends it; [`go`] returns `Err(Exit::Goexit)`.
pub fn goexit() -> ! {
    let u = with_cx(|cx| cx.goexit());
    resume_unwind(Box::new(GoUnwind(u)))
}
