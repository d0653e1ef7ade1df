//! # deferrt
//!
//! Go's `defer`, `panic`, `recover` and `runtime.Goexit` for Rust code, over
//! [`deferrt_core`]. A goroutine is a call to [`go`] on the current thread;
//! each Go function is a call to [`func()`]; [`defer()`] registers a closure on
//! the innermost `func`; [`panic()`], [`recover`] and [`goexit`] behave as in
//! Go 1.27.
//!
//! The core never unwinds; this layer maps a Go panic onto Rust unwinding:
//! [`panic()`] records the panic in the task and unwinds with
//! `std::panic::resume_unwind` (no panic hook, no message), and every
//! [`func()`] and every deferred call catches the unwind at its boundary and
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
//! # Go functions: `#[deferrt::func]` and `defer!`
//!
//! [`#[deferrt::func]`](macro@func) makes a Rust function (free function
//! or method, generic or not) a Go function, and `defer!` statements in its
//! body are Go's `defer`:
//!
//! | Go | Rust |
//! | --- | --- |
//! | `defer f(a, b)` | `defer!(f(a, b));` — `f` and `a`, `b` evaluated now, the call at exit |
//! | `defer x.Close()` | `defer!(x.close());` — the receiver `x` evaluated (moved) now |
//! | `defer func() { ... }()` | `defer! { ... }` — a block run at exit, a `move` closure |
//! | `func f() (r T)` named result | `#[deferrt::func(result = r)] fn f() -> T`, `r` is a [`Ret<T>`] |
//! | `recover()` | `deferrt::recover()` |
//! | `panic(v)` | `deferrt::panic(v)` |
//!
//! ```
//! use deferrt::{defer, recover};
//! use std::cell::RefCell;
//!
//! thread_local!(static LOG: RefCell<Vec<String>> = RefCell::new(Vec::new()));
//! fn log(s: impl Into<String>) { LOG.with(|l| l.borrow_mut().push(s.into())) }
//!
//! #[deferrt::func]
//! fn f(n: i32) -> i32 {
//!     defer!(log(format!("deferred n = {n}"))); // arguments evaluated here
//!     if n > 0 {
//!         defer! { log("from the if, still at function exit"); }
//!     }
//!     log("body");
//!     n * 2
//! }
//!
//! assert_eq!(deferrt::go(|| f(1)), Ok(Some(2)));
//! LOG.with(|l| assert_eq!(*l.borrow(), [
//!     "body", "from the if, still at function exit", "deferred n = 1",
//! ]));
//! ```
//!
//! **The rules**, each as in Go unless said:
//!
//! * A `defer!` registers when the statement runs, so one inside an `if`, a
//!   `match` arm or a block registers only if reached, and runs at function
//!   exit; one in a loop registers once per iteration. All run last-in
//!   first-out when the function returns, panics or `goexit`s. `defer!` is
//!   a statement (its value is `()`); it is an error outside a
//!   `#[deferrt::func]` body (nested `fn` items need their own attribute).
//! * `defer!(f(a, b))`: `f` (any expression of a callable value: a path,
//!   `make_closure(x)`, `trace("f")`) and the arguments are evaluated at the
//!   statement, left to right; the results are moved into the deferred call,
//!   which must be `'static`. An argument written `&x` or `&mut x` evaluates
//!   `x` (moved, or copied when `Copy`) and passes a reference to that value
//!   at exit. `defer!(x.m(a))` evaluates the receiver `x` and `a` the same
//!   way. The call's result is discarded. Any other expression
//!   (`defer!(println!("{x}"))`) runs as written at exit, as a block.
//! * `defer! { ... }` is a `move` closure: what it uses is moved (or copied)
//!   in at the statement, like Go's closures it runs at exit, unlike them it
//!   cannot see later assignments to locals — share a `Cell`/`Rc<RefCell<_>>`,
//!   or the named result, for that. A `defer!` inside the block belongs to
//!   the deferred call (it runs when the block finishes).
//! * `recover()` recovers only when called directly by the deferred call the
//!   panic runs: written in the `defer! { ... }` block itself, or in the body
//!   of `f` for `defer!(f(...))` (when `f` is a `#[deferrt::func]`, its frame
//!   *is* the deferred call's frame). A helper the block calls gets `None`,
//!   as do nested deferred calls and deferred calls run by a normal return.
//!   (With a plain Rust `fn` as `f`, every helper it calls counts as `f`.)
//!   `defer!(recover())` is refused at compile time: write
//!   `defer! { recover(); }`.
//! * **Named results**: `#[deferrt::func(result = r)]` declares `r: Ret<T>`
//!   for the return type `T`, visible in the body and in every `defer!`
//!   block (each gets its own handle). The body's value (its tail, or
//!   `return e`, or `?`) is stored in `r` before the deferred calls run; they
//!   read and replace it ([`Ret::set`], [`Ret::get`], [`Ret::update`],
//!   [`Ret::replace`], [`Ret::with`], [`Ret::take`], [`Ret::is_set`]); the
//!   function returns what `r` holds at the end. The
//!   body may also set `r` before it panics (Go's `r = 5; panic(...)`).
//! * **After a recovered panic** the function returns normally: the value
//!   of `r` if it is set; otherwise `T::default()` when `T` implements
//!   `Default` (Go's zero value: `()`, numbers, `Option`, `String`, ...);
//!   otherwise (`Result`, say) the function panics with a message saying
//!   that nothing set its result. Without `result = ...` the same holds with
//!   no `r`: `Default`, else that panic.
//! * **Tiers.** As gc open-codes: at most 8 `defer!` in the body, none in a
//!   loop (`loop`, `while`, `for`) or a closure/async block, and
//!   `(return points) x (defers) <= 15` (`return`, `?` and the end of the
//!   body count) → an *open frame*: the deferred calls live in slots in the
//!   function's own stack frame, no record is allocated and no engine call
//!   is made to register. Otherwise the *chain* (pooled records). The results
//!   are the same; [`pending_records`] shows the difference.
//!   `#[deferrt::func(tier = chain)]` forces the chain,
//!   `#[deferrt::func(tier = open)]` requires the open frame (a compile
//!   error naming the reason when gc would not open-code the function), and
//!   `tier = auto` is the default. Arguments combine:
//!   `#[deferrt::func(result = r, tier = chain)]`.
//! * **The inline tier.** With `tier = auto`, an open-tier function whose
//!   deferred calls provably cannot reach the engine enters no frame at
//!   all: its `defer!` blocks are plain locals, called after the body —
//!   the code a hand-written cleanup compiles to (+0 instructions in the
//!   benchmarks). The proof is conservative: the function takes no `self`
//!   and no `result = ...`; each parameter is a plain name whose type is a
//!   scalar (`bool`, `char`, an integer or float, `()`, or a reference or
//!   raw pointer to one; checked at compile time, a generic type does not
//!   count); and the body and its `defer! { ... }` blocks (block form, none
//!   nested) contain nothing but literals, the parameters' names, operators,
//!   assignments, `as`, `&`, blocks, `unsafe` blocks, `if`/`else`, tuples,
//!   arrays, indexing, field access and `return` — no call of any kind (a
//!   function, a method, a macro, an operator of user code, a `Drop` of
//!   user code), no `let`, no closure, no other path. Nothing such a
//!   function runs can `defer`, `recover`, start a Go panic or notice that
//!   it has no frame. Only a Rust panic (an overflow, a division by zero,
//!   an index out of bounds) can leave it; then the frame it would have had
//!   is made on the spot and its armed blocks run from it as from a landing
//!   pad, with the open tier's results. Such a function touches no
//!   goroutine state on its normal path, so it also runs outside [`go`] and
//!   where other Go functions are refused (after a swallowed Go panic), as
//!   the plain Rust code it is. Any function that does not qualify keeps
//!   its open frame; `tier = open` keeps it too.
//!
//! ```
//! use deferrt::defer;
//!
//! // Inline tier: the deferred block is `*total += n` after the body, nothing else.
//! #[deferrt::func]
//! fn account(total: *mut u64, n: u64) -> u64 {
//!     defer! { unsafe { *total += n; } } // SAFETY: the caller passes a live pointer
//!     n * 2
//! }
//!
//! let mut total = 0;
//! assert_eq!(account(&mut total, 5), 10); // no goroutine needed: no frame is entered
//! assert_eq!(total, 5);
//! ```
//! * **Which functions catch.** Only a function one of whose deferred calls
//!   may call `recover` directly can stop a panic: one with a call form
//!   `defer!(f(...))`, a `defer! { ... }` block with `recover()` in its own
//!   text, or a call of the function form [`defer()`] in its body. The
//!   others do not catch the unwind: their deferred calls run from a landing
//!   pad while the one Rust unwind passes, so a panic crossing many
//!   functions costs about one Rust unwind. (A deferred call the macro cannot
//!   see — registered on the function's frame by a helper it calls — gets
//!   `None` from `recover()`: it could not stop the unwind, and when a later
//!   call panics during a normal return it is treated as the function's own
//!   calls are.)
//! * Mixing `defer!` with the function form [`defer()`] in one function:
//!   on the chain tier they interleave in Go's order; on the open tier the
//!   function form's calls run after the `defer!` ones. Use one form.
//! * Not supported: `async fn`, `const fn`, `result = ...` with an
//!   `impl Trait` return type. Closures in the body are not Go function
//!   literals: a `defer!` in a closure registers on the enclosing function
//!   (wrap the closure's body in [`func()`] or use a `#[deferrt::func]`
//!   `fn` to give it a frame of its own).
//!
//! `recover` turning a panic into an error at an API boundary:
//!
//! ```
//! use deferrt::{defer, recover};
//!
//! #[deferrt::func(result = res)]
//! fn parse_all(items: &[&str]) -> Result<Vec<i32>, String> {
//!     defer! {
//!         if let Some(p) = recover() {
//!             res.set(Err(format!("parse_all: {p}")));
//!         }
//!     }
//!     Ok(items.iter().map(|s| s.parse::<i32>().unwrap_or_else(|_| deferrt::panic("bad number"))).collect())
//! }
//!
//! let r = deferrt::go(|| (parse_all(&["1", "2"]), parse_all(&["1", "x"])));
//! assert_eq!(r, Ok(Some((Ok(vec![1, 2]), Err("parse_all: bad number".to_string())))));
//! ```
//!
//! Methods work the same, and `tier = open` is checked at compile time:
//!
//! ```
//! use deferrt::defer;
//! use std::{cell::Cell, rc::Rc};
//!
//! struct Counter(Rc<Cell<u32>>);
//! impl Counter {
//!     #[deferrt::func(tier = open)]
//!     fn bump_twice(&self) -> u32 {
//!         let c = self.0.clone();
//!         defer! { c.set(c.get() + 1); }
//!         let c = self.0.clone();
//!         defer! { c.set(c.get() + 1); }
//!         self.0.get() // read before the deferred calls run
//!     }
//! }
//! let n = Rc::new(Cell::new(0));
//! let c = Counter(n.clone());
//! assert_eq!(deferrt::go(move || c.bump_twice()), Ok(Some(0)));
//! assert_eq!(n.get(), 2);
//! ```
//!
//! The macro's errors point at the code that causes them:
//!
//! ```compile_fail
//! #[deferrt::func(tier = open)]
//! fn f() {
//!     for i in 0..3 {
//!         deferrt::defer!(println!("{i}")); // error: tier = open is not possible: a defer! inside a loop
//!     }
//! }
//! ```
//!
//! ```compile_fail
//! #[deferrt::func]
//! fn f() {
//!     deferrt::defer!(deferrt::recover()); // error: defer!(recover()) is not supported
//! }
//! ```
//!
//! ```compile_fail
//! #[deferrt::func]
//! async fn f() {} // error: #[deferrt::func] cannot be async
//! ```
//!
//! ```compile_fail
//! #[deferrt::func(results = r)] // error: unknown argument
//! fn f() -> i32 { 1 }
//! ```
//!
//! ```compile_fail
//! #[deferrt::func]
//! fn f() {
//!     deferrt::defer!(); // error: defer! needs a call or a block
//! }
//! ```
//!
//! ```compile_fail
//! #[deferrt::func(result = r)] // error: `result = ...` needs a return type that can be named
//! fn f() -> impl std::fmt::Debug { 1 }
//! ```
//!
//! # Go panics and Rust unwinding
//!
//! Only [`recover`], called directly by a deferred call that the panic is
//! running, stops a Go panic. Between [`panic()`] (or [`goexit`], or an
//! ordinary Rust panic) and the nearest boundary — the `func` body or
//! deferred call it was raised in — the Go panic is a Rust unwind *in
//! flight*, and no deferred call is running it yet. So, until it reaches
//! that boundary:
//!
//! * `recover()` returns `None`, also in a `Drop` that runs during the
//!   unwind (Go's rule: `recover` sees a panic only in a deferred call that
//!   panic runs).
//! * A `Drop` that runs during the unwind may call Go functions (`func`,
//!   `#[deferrt::func]`): the unwind is set aside while they run (their own
//!   panics and recovers work as usual) and goes on afterwards. Starting a
//!   Go panic there (`panic`, `repanic`, `goexit` directly in the `Drop`) is
//!   refused with a Rust panic naming the misuse, which ends the process as
//!   any panic out of a `Drop` during unwinding does in Rust.
//! * If `catch_unwind` stops the unwind, the panic is **not** stopped: it
//!   stays the goroutine's current panic, and the boundary it was travelling
//!   to goes on with it, whatever the code returns there. The code after
//!   `catch_unwind` keeps running until then; `defer` works; `func`,
//!   `panic`, `repanic` and `goexit` are refused with a Rust panic naming the
//!   misuse (printed by the panic hook, then dropped at the boundary: the
//!   first Go panic goes on).
//! * Resuming the unwind's payload somewhere else (`resume_unwind` in
//!   another goroutine, or after its boundary took it) starts an ordinary Go
//!   panic whose value is a message saying so: the payload carries nothing
//!   the engine trusts.
//!
//! ```
//! use std::panic::catch_unwind;
//! let r = deferrt::go(|| {
//!     deferrt::defer(|| {
//!         // The swallowed panic reached this frame's boundary anyway.
//!         let v = deferrt::recover().unwrap();
//!         assert_eq!(v.downcast_ref::<&str>(), Some(&"swallowed"));
//!     });
//!     let caught = catch_unwind(|| deferrt::panic("swallowed"));
//!     assert!(caught.is_err());
//!     assert!(deferrt::recover().is_none()); // not running a deferred call
//!     1 // the function does not return this: it is still panicking
//! });
//! assert_eq!(r, Ok(None)); // recovered by its deferred call
//! ```
//!
//! # Drops the engine makes
//!
//! User code never runs while the engine holds the goroutine's context.
//! Values the engine drops — a recovered panic value, a closure discarded
//! uncalled — are set aside and dropped right after the engine call
//! returns: after a `func` returned normally, in its caller (a panic out of
//! such a `Drop` starts there); after a `func` unwinds, while that unwind
//! is in flight (the rules above apply; a panic out of the `Drop` is
//! dropped after the hook printed it); after a goroutine ended, in the code
//! that called [`go`]. The same holds for `func`'s own return value when a
//! deferred call panics after the body returned it.
//!
//! # Unsafe
//!
//! Two kinds of block. (1) Moving the deferred closure out of a `Call` or
//! an open-frame slot (`ManuallyDrop::take`, in their `into_inner` and their
//! `Drop`), which hold it initialised until one of the two takes it, once.
//! (2) The context, in `with_cx` (and `with_cx_saved`). Invariant: the
//! thread-local `CURRENT` holds
//! the address of a `Cx` (bit 0 set when idle, clear when busy; one
//! non-null dangling value, never dereferenced, marks "busy, no goroutine"
//! while `go` drops its task) only while that `Cx` is borrowed by a live
//! stack frame of this thread — `go` sets it for the goroutine's run, and each
//! deferred call sets it to the reborrow the core handed that call; a drop
//! guard restores the previous value on every way out, unwinding included.
//! Every use makes one `&mut Cx` that lives only for one closure call, and
//! marks `CURRENT` busy meanwhile; no user code runs while it is busy
//! (deferred calls switch `CURRENT` to their own reborrow, and values the
//! engine drops are parked, see above), so no two references derived from
//! it are alive at once. A re-entry while busy would be a bug of this
//! crate: it aborts rather than unwind out of the core half way. Two uses
//! take no busy mark: `register` (every `defer`), whose reference lives
//! across the core's `Cx::try_defer` only, which runs no code outside the
//! engine (no allocation, no `Drop`, no user code), so nothing can reach
//! `CURRENT` while it is alive; when the stack needs memory it goes through
//! `with_cx_saved` instead. And `enter_with` (a chain or `func` frame's
//! entry), whose reference lives across a depth check and `Cx::enter` only,
//! which below `MAX_DEPTH` is two stores (no panic); at the limit it goes
//! through `with_cx`. A deferred call's wrapper (`call_deferred`) restores
//! `CURRENT` without a drop guard on its hot path, which nothing can leave
//! by unwinding (`catch_unwind` does not unwind); its cold path, which
//! settles a panic, restores it with a guard.

#![warn(missing_docs)]

use std::any::Any;
use std::cell::{Cell, RefCell};
use std::fmt;
use std::mem::ManuallyDrop;
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
        match self.0.downcast_ref::<LateValue>() {
            Some(late) => late.0.get().and_then(|p| p.downcast_ref()),
            None => self.0.downcast_ref(),
        }
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
        if self
            .0
            .downcast_ref::<LateValue>()
            .is_some_and(|l| l.0.get().is_none())
        {
            return f.write_str("(a Rust panic, its payload not caught yet)");
        }
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

impl Value {
    fn message(text: &str) -> Value {
        Value(Rc::new(text.to_string()))
    }
}

impl Drop for Value {
    fn drop(&mut self) {
        // The last reference dropped inside the engine (a recovered panic
        // popped by the core): the user's `Drop` must not run there.
        if Rc::strong_count(&self.0) == 1 && engine_busy() {
            park(Box::new(Rc::clone(&self.0)));
        }
    }
}

/// The payload of the Rust unwind that carries a Go panic or Goexit from
/// [`panic()`] to the nearest boundary (`func` or deferred call). It holds
/// nothing: the core's `Unwind` token stays in the thread-local `PENDING`,
/// so a payload caught and resumed elsewhere carries no token with it.
struct GoUnwind;

/// The value of a Go panic made from a Rust panic by a frame that does not
/// catch (a landing pad sees no payload): filled with the payload by the
/// boundary that catches the Rust unwind.
#[derive(Default)]
struct LateValue(std::cell::OnceCell<Box<dyn Any + Send>>);

/// The running goroutine's context as the thread sees it: one word, so
/// that `with_cx` checks it with one load and one test.
///
/// * null: no goroutine;
/// * the `Cx`'s address (erased) with bit 0 set: idle, the context may be
///   borrowed (a `Cx` is word-aligned, so bit 0 of its address is free);
/// * the address with bit 0 clear: busy — a `&mut Cx` derived from it is
///   alive (`with_cx` is running): no user code may run, and values the
///   engine drops are parked. [`BUSY_NONE`] is the busy form of "no
///   goroutine" (`go` dropping its task after it ended).
#[derive(Clone, Copy, PartialEq, Eq)]
struct Current(*mut ());

const NO_GOROUTINE: Current = Current(ptr::null_mut());

/// The busy form of [`NO_GOROUTINE`]: a non-null, even address that is no
/// `Cx` (never dereferenced).
fn busy_none() -> Current {
    Current(ptr::dangling_mut::<u64>().cast())
}

impl Current {
    /// `cx`, idle.
    #[inline(always)]
    fn idle(cx: *mut ()) -> Current {
        Current(cx.map_addr(|a| a | 1))
    }

    /// Idle: a goroutine runs and its context is not borrowed.
    #[inline(always)]
    fn is_idle(self) -> bool {
        self.0.addr() & 1 != 0
    }

    /// Busy (see the type's docs).
    #[inline(always)]
    fn is_busy(self) -> bool {
        !self.is_idle() && !self.0.is_null()
    }

    /// No goroutine runs on this thread.
    #[inline(always)]
    fn is_none(self) -> bool {
        self.0.is_null() || self == busy_none()
    }

    /// The busy form of this state.
    #[inline(always)]
    fn busied(self) -> Current {
        if self.is_none() {
            busy_none()
        } else {
            Current(self.0.map_addr(|a| a & !1))
        }
    }
}

/// The thread's hot state, in one thread-local so that a function touching
/// several of these cells computes the thread-local address once.
struct Hot {
    /// The running goroutine's context, while one runs on this thread. Set by
    /// `go` and by every deferred call (to the reborrow the core hands it).
    current: Cell<Current>,
    /// The token of the Go unwind in flight through Rust frames: set when a
    /// Go panic or Goexit starts unwinding, taken by the boundary it reaches.
    pending: Cell<Option<Unwind>>,
    /// `pending.is_some()`, one load for the hot paths' checks.
    pending_set: Cell<bool>,
    /// `PARKED.len()`, readable without touching `PARKED` (which has a
    /// destructor, so each access to it checks its registration).
    parked_len: Cell<usize>,
    /// How the running deferred call of the macro was written: `Mode::call`
    /// (see `Mode`; a field of its own so that a deferred call saves, sets
    /// and restores it with one load and two stores).
    mode_call: Cell<u32>,
    /// `Mode::no_recover`, likewise.
    no_recover: Cell<u32>,
    /// `LATE` may hold a value (false: it is `None`), one load for `go`,
    /// which saves and restores it around every goroutine. Kept by
    /// [`late_take`] and [`late_put`], the only accesses to `LATE`.
    late_set: Cell<bool>,
}

thread_local! {
    static HOT: Hot = const {
        Hot {
            current: Cell::new(NO_GOROUTINE),
            pending: Cell::new(None),
            pending_set: Cell::new(false),
            parked_len: Cell::new(0),
            mode_call: Cell::new(0),
            no_recover: Cell::new(0),
            late_set: Cell::new(false),
        }
    };
    /// The `LateValue` waiting for the payload of the Rust unwind in flight.
    static LATE: RefCell<Option<Rc<LateValue>>> = const { RefCell::new(None) };
    /// Values the engine dropped while busy (recovered panic values, closures
    /// discarded uncalled); dropped for real once the engine call returned.
    static PARKED: RefCell<Vec<Box<dyn Any>>> = const { RefCell::new(Vec::new()) };
    /// This thread's record cache and pool, and a clean task, kept across
    /// goroutines (see [`Slot`]).
    static WORKER: Cell<Option<Box<Slot>>> = const { Cell::new(None) };
}

/// What `go` keeps per thread between goroutines: the worker (record cache
/// over the thread's pool) and a task to run the next goroutine on. The task
/// is put back only when clean — no frame, no pending record, no panic — so a
/// goroutine starts on it exactly as on a new one (the core's `Task` supports
/// reuse, see `Task::clear_panics`); no token of the core ever leaves `go`,
/// so the reused task's identity is seen by nothing else. A nested `go`
/// finds the slot empty and makes its own.
struct Slot {
    worker: Worker,
    task: Task<(), Value>,
}

impl Slot {
    #[cold]
    #[inline(never)]
    fn new() -> Box<Slot> {
        let pool = Pool::new();
        Box::new(Slot {
            worker: Worker::new(&pool),
            task: Task::new(&pool),
        })
    }
}

/// A field of [`Hot`] used like a thread-local of its own (`X.with(...)`).
macro_rules! hot_field {
    ($key:ident, $ty:ident, $field:ident, $t:ty) => {
        #[derive(Clone, Copy)]
        struct $ty;
        const $key: $ty = $ty;
        impl $ty {
            #[inline(always)]
            fn with<R>(self, f: impl FnOnce(&Cell<$t>) -> R) -> R {
                HOT.with(|h| f(&h.$field))
            }
        }
    };
}
hot_field!(CURRENT, CurrentKey, current, Current);
hot_field!(PENDING, PendingKey, pending, Option<Unwind>);
hot_field!(PENDING_SET, PendingSetKey, pending_set, bool);
hot_field!(PARKED_LEN, ParkedLenKey, parked_len, usize);
hot_field!(MODE_CALL, ModeCallKey, mode_call, u32);
hot_field!(NO_RECOVER, NoRecoverKey, no_recover, u32);

/// The [`Mode`], kept in two cells of [`Hot`].
#[derive(Clone, Copy)]
struct ModeKey;
const MODE: ModeKey = ModeKey;

impl ModeKey {
    #[inline(always)]
    fn get(self) -> Mode {
        HOT.with(|h| Mode {
            call: h.mode_call.get(),
            no_recover: h.no_recover.get(),
        })
    }

    #[inline(always)]
    fn set(self, m: Mode) {
        HOT.with(|h| {
            h.mode_call.set(m.call);
            h.no_recover.set(m.no_recover);
        })
    }

    #[inline(always)]
    fn replace(self, m: Mode) -> Mode {
        let old = self.get();
        self.set(m);
        old
    }
}
hot_field!(LATE_SET, LateSetKey, late_set, bool);

/// Takes the `LateValue` waiting in `LATE`, if any.
#[inline(always)]
fn late_take() -> Option<Rc<LateValue>> {
    if !LATE_SET.with(Cell::get) {
        return None;
    }
    late_take_cold()
}

#[cold]
#[inline(never)]
fn late_take_cold() -> Option<Rc<LateValue>> {
    LATE_SET.with(|f| f.set(false));
    LATE.with(|l| l.borrow_mut().take())
}

/// Puts `v` in `LATE`; what it held before is dropped.
#[inline(always)]
fn late_put(v: Option<Rc<LateValue>>) {
    if v.is_none() && !LATE_SET.with(Cell::get) {
        return;
    }
    late_put_cold(v);
}

#[cold]
#[inline(never)]
fn late_put_cold(v: Option<Rc<LateValue>>) {
    LATE_SET.with(|f| f.set(v.is_some()));
    let old = LATE.with(|l| l.replace(v));
    drop(old);
}

/// What `defer!` told the runtime about the deferred call running now.
/// Two words, each a cell of [`Hot`] (`MODE_CALL`, `NO_RECOVER`): a macro
/// deferred call saves, sets and restores only `call`, the exit of a frame
/// that cannot recover only `no_recover`.
#[derive(Clone, Copy, PartialEq, Eq)]
struct Mode {
    /// 0, or the frame of the deferred call running now, with [`ADOPT`] for
    /// the call form:
    ///
    /// * `defer!(f(a, b))` is running in frame `adopt` (`call` with `ADOPT`):
    ///   if `f` is a `#[deferrt::func]` function, it runs in that frame
    ///   instead of one of its own, as Go's deferred function is the frame
    ///   the panic runs.
    /// * A `defer! { ... }` block is running in frame `direct_only` (`call`
    ///   without `ADOPT`): there only the `recover()` calls written in the
    ///   block itself are direct; one made by a plain Rust helper at the
    ///   same depth returns `None`, as in Go.
    call: u32,
    /// Frame whose `recover()` is always `None`: the deferred calls a
    /// landing pad runs while a Rust unwind passes (they cannot stop it).
    no_recover: u32,
}

/// The call-form bit of [`Mode::call`] (depths stay below `2^31`).
const ADOPT: u32 = 1 << 31;

impl Mode {
    const NONE: Mode = Mode {
        call: 0,
        no_recover: 0,
    };

    /// The frame a call form runs in (0: none).
    #[inline(always)]
    fn adopt(self) -> u32 {
        if self.call & ADOPT != 0 {
            self.call & !ADOPT
        } else {
            0
        }
    }

    /// The frame a `defer! { ... }` block runs in (0: none).
    #[inline(always)]
    fn direct_only(self) -> u32 {
        if self.call & ADOPT == 0 {
            self.call
        } else {
            0
        }
    }
}

/// Runs `f` as a deferred call of kind `mode` in frame `depth`.
#[inline(always)]
fn with_mode<R>(mode: Mode, f: impl FnOnce() -> R) -> R {
    struct Restore(Mode);
    impl Drop for Restore {
        #[inline(always)]
        fn drop(&mut self) {
            MODE.set(self.0);
        }
    }
    let _restore = Restore(MODE.replace(mode));
    f()
}

/// Whether a frame entered now adopts the deferred call's frame.
#[inline(always)]
fn take_adopt() -> bool {
    if MODE.get().call & ADOPT == 0 {
        return false;
    }
    take_adopt_cold()
}

#[cold]
#[inline(never)]
fn take_adopt_cold() -> bool {
    let m = MODE.get();
    let here = with_cx(|cx| cx.task().depth());
    if here == m.adopt() {
        MODE.set(Mode { call: 0, ..m });
        true
    } else {
        false
    }
}

#[inline(always)]
fn engine_busy() -> bool {
    CURRENT.with(Cell::get).is_busy()
}

#[cold]
fn park(v: Box<dyn Any>) {
    let n = PARKED.with(|p| {
        let mut p = p.borrow_mut();
        p.push(v);
        p.len()
    });
    PARKED_LEN.with(|l| l.set(n));
}

#[inline(always)]
fn parked_len() -> usize {
    PARKED_LEN.with(Cell::get)
}

#[inline(always)]
fn pending() -> bool {
    PENDING_SET.with(Cell::get)
}

/// Puts (or clears) the token of the Go unwind in flight.
#[inline]
fn set_pending(u: Option<Unwind>) {
    PENDING_SET.with(|f| f.set(u.is_some()));
    PENDING.with(|p| p.set(u));
}

/// Takes the token of the Go unwind in flight, if any.
#[inline]
fn take_pending_opt() -> Option<Unwind> {
    PENDING_SET.with(|f| f.set(false));
    PENDING.with(Cell::take)
}

/// Runs `f` with the current goroutine's context.
///
/// # Panics
/// Outside [`go`]: defer, panic, recover and goexit need a goroutine.
#[inline(always)]
fn with_cx<R>(f: impl FnOnce(&mut GoCx<'_>) -> R) -> R {
    let cur = CURRENT.with(Cell::get);
    if !cur.is_idle() {
        not_available(cur);
    }
    /// Back to idle: CURRENT is this function's busy form again by then
    /// (a deferred call's `scoped` has restored it, also when unwinding).
    struct Idle;
    impl Drop for Idle {
        #[inline(always)]
        fn drop(&mut self) {
            CURRENT.with(|c| c.set(Current::idle(c.get().0)));
        }
    }
    let busy = cur.busied();
    CURRENT.with(|c| c.set(busy));
    let _idle = Idle;
    // SAFETY: CURRENT is idle (the tagged address of a `Cx`, `busy` that
    // address untagged, with its provenance) only while `go` or a deferred
    // call (see `defer`) is on this thread's stack holding the `Cx` it points
    // to. It is marked busy for as long as the reference made here lives, and no user
    // code runs in that time (deferred calls switch CURRENT to the reborrow
    // the core hands them, and values the engine drops are parked), so no
    // second reference is derived from it while this one is alive.
    f(unsafe { &mut *busy.0.cast::<GoCx<'static>>() })
}

/// Enters a frame of the current goroutine (`Cx::enter`, or what `enter`
/// makes of the new frame, e.g. `Cx::enter_open`), with no busy marks: the
/// reference made here lives across `enter` only, which, once the depth is
/// checked below `MAX_DEPTH` here, runs no code outside the engine (no
/// allocation, no `Drop`, no panic: two stores), so nothing can reach
/// `CURRENT` while it is alive — as for `register`. At the depth limit the
/// marked path panics with the core's message.
#[inline(always)]
fn enter_with<T>(f: impl FnOnce(&mut GoCx<'_>) -> T) -> T {
    let cur = CURRENT.with(Cell::get);
    if !cur.is_idle() {
        not_available(cur);
    }
    // SAFETY: CURRENT is idle: the tagged address of the goroutine's `Cx`,
    // which `go` or a deferred call holds on this thread's stack and does
    // not use while user code runs (see `with_cx`). The reference made here
    // lives across the depth check and `f` (`Cx::enter` and what it makes
    // of the frame) only, which run no code outside the engine once the
    // depth is below the limit, so no other reference is derived from
    // CURRENT while it is alive.
    let cx = unsafe { &mut *cur.busied().0.cast::<GoCx<'static>>() };
    if cx.task().depth() >= deferrt_core::MAX_DEPTH {
        return with_cx(f);
    }
    f(cx)
}

/// [`with_cx`] that keeps the idle state in a register to restore it (one
/// store, no load, at the end), for the registration of a deferred call,
/// which runs in loops; `with_cx` reloads it instead, which keeps a register
/// free in the functions the panic path unwinds through (their prologues
/// are interpreted by the unwinder at every frame).
///
/// `v` is handed to `f`, and dropped by the panic when there is no context:
/// held by value until the check passed, it stays in registers on the hot
/// path (a value built before the check must be in memory for that panic's
/// landing pad: two dead stores per registration).
#[inline(always)]
fn with_cx_saved<T, R>(v: T, f: impl FnOnce(&mut GoCx<'_>, T) -> R) -> R {
    let cur = CURRENT.with(Cell::get);
    if !cur.is_idle() {
        not_available_holding(cur, v);
    }
    struct Idle(Current);
    impl Drop for Idle {
        #[inline(always)]
        fn drop(&mut self) {
            CURRENT.with(|c| c.set(self.0));
        }
    }
    let busy = cur.busied();
    CURRENT.with(|c| c.set(busy));
    let _idle = Idle(cur);
    // SAFETY: as in `with_cx`.
    f(unsafe { &mut *busy.0.cast::<GoCx<'static>>() }, v)
}

/// [`not_available`] for [`with_cx_saved`], which drops `v` on the way.
#[cold]
#[inline(never)]
#[track_caller]
fn not_available_holding<T>(cur: Current, v: T) -> ! {
    let _v = v;
    not_available(cur)
}

/// `with_cx` without a context: outside a goroutine (a clear panic), or
/// re-entered while busy (see [`reentered`]).
#[cold]
#[inline(never)]
#[track_caller]
fn not_available(cur: Current) -> ! {
    if cur.is_busy() {
        reentered();
    }
    panic!("deferrt: defer/panic/goexit/func called outside deferrt::go")
}

/// Unreachable by construction: user code called the shim while the engine
/// held the goroutine's context. Unwinding from here would leave the core
/// half way through an operation, so the process stops.
#[cold]
fn reentered() -> ! {
    eprintln!("deferrt: internal error: the shim was re-entered while the engine ran; aborting");
    std::process::abort()
}

/// Makes `cx` the current context while `f` runs.
#[inline(always)]
fn scoped<R>(cx: &mut GoCx<'_>, f: impl FnOnce() -> R) -> R {
    struct Restore(Current);
    impl Drop for Restore {
        #[inline(always)]
        fn drop(&mut self) {
            CURRENT.with(|c| c.set(self.0));
        }
    }
    let now = Current::idle((cx as *mut GoCx<'_>).cast());
    let prev = CURRENT.with(|c| c.replace(now));
    let _restore = Restore(prev);
    f()
}

/// Runs the deferred call `f` with `cx` (the reborrow the core handed it)
/// as the current context, under `catch_unwind`, and settles its outcome
/// (see [`settle`]). With `SET_MODE`, `Mode::call` is `mode` while it runs
/// (a macro deferred call of its own mode, see `call_mode`).
///
/// The hot path holds no drop guard: `catch_unwind` does not unwind, so
/// nothing between the switch of `CURRENT` (and the mode) and their restore
/// can leave this function except by returning; a call that panicked, or
/// left a Go unwind pending, is settled by [`call_deferred_cold`], a tail
/// call that restores them with guards. So a deferred call whose closure
/// makes no call of its own keeps no value across a call: no callee-saved
/// register to push and pop (11 Ir per deferred call with the guard of
/// `scoped`, whose restore had to survive the settling call).
#[inline(always)]
fn call_deferred<const SET_MODE: bool>(cx: &mut GoCx<'_>, mode: u32, f: impl FnOnce()) -> Outcome {
    let now = Current::idle((cx as *mut GoCx<'_>).cast());
    let prev = CURRENT.with(|c| c.replace(now));
    let prev_mode = if SET_MODE {
        MODE_CALL.with(|c| c.replace(mode))
    } else {
        0
    };
    let r = catch_unwind(AssertUnwindSafe(f));
    if r.is_err() || pending() {
        return call_deferred_cold::<SET_MODE>(r, prev, prev_mode);
    }
    CURRENT.with(|c| c.set(prev));
    if SET_MODE {
        MODE_CALL.with(|c| c.set(prev_mode));
    }
    Ok(())
}

/// [`call_deferred`] after the call panicked or left a Go unwind pending:
/// settles it with `CURRENT` (and the mode) still the call's, then restores
/// them, also if settling unwinds.
#[cold]
#[inline(never)]
fn call_deferred_cold<const SET_MODE: bool>(
    r: std::thread::Result<()>,
    prev: Current,
    prev_mode: u32,
) -> Outcome {
    struct Restore(Current, u32, bool);
    impl Drop for Restore {
        fn drop(&mut self) {
            CURRENT.with(|c| c.set(self.0));
            if self.2 {
                MODE_CALL.with(|c| c.set(self.1));
            }
        }
    }
    let _restore = Restore(prev, prev_mode, SET_MODE);
    settle(r)
}

/// Drops `x`; a panic out of its `Drop` is dropped too (its message has
/// been printed by the panic hook). Used where an unwind may not start.
fn shield_drop<T>(x: T) {
    let mut r = catch_unwind(AssertUnwindSafe(move || drop(x)));
    for _ in 0..2 {
        match r {
            Ok(()) => return,
            Err(p) => r = catch_unwind(AssertUnwindSafe(move || drop(p))),
        }
    }
    if let Err(p) = r {
        std::mem::forget(p); // a payload whose drop keeps panicking
    }
}

/// Drops, for real, what the engine parked since `mark`, in the order it
/// was parked. Every value is dropped; the first panic out of a `Drop` is
/// resumed afterwards (later ones are dropped, after the hook printed them).
#[inline(always)]
fn drain(mark: usize) {
    if parked_len() <= mark {
        return;
    }
    drain_cold(mark);
}

#[cold]
#[inline(never)]
fn drain_cold(mark: usize) {
    let items = PARKED.with(|p| p.borrow_mut().split_off(mark));
    PARKED_LEN.with(|l| l.set(mark));
    let mut first = None;
    for item in items {
        if let Err(p) = catch_unwind(AssertUnwindSafe(move || drop(item))) {
            if first.is_none() {
                first = Some(p);
            } else {
                shield_drop(p);
            }
        }
    }
    if let Some(p) = first {
        resume_unwind(p);
    }
}

/// [`drain`] where no unwind may start: panics out of the drops are dropped.
#[inline(always)]
fn drain_shielded(mark: usize) {
    if parked_len() > mark {
        drain_shielded_cold(mark);
    }
}

#[cold]
#[inline(never)]
fn drain_shielded_cold(mark: usize) {
    shield_drop(catch_unwind(move || drain(mark)));
}

const FORGED: &str = "deferrt: the unwind of a Go panic was resumed (resume_unwind) where it does \
     not belong: in another goroutine, or after the frame it was travelling to had taken it";

/// A boundary (a `func` body or a deferred call) has ended with `r`:
/// decides whether the frame unwinds, and with which `Unwind`.
///
/// * A Go unwind pending for this goroutine belongs to this boundary, the
///   nearest one: it arrives here as the unwind, or it was stopped on the way
///   by `catch_unwind` (then `r` is the body's result, dropped here). Either
///   way the frame unwinds with it: only `recover` stops a Go panic.
/// * A `GoUnwind` payload with nothing pending was forged: an ordinary Go
///   panic with a message saying so.
/// * Any other payload is an ordinary Rust panic: a Go panic with the
///   payload as value.
#[inline(always)]
fn settle<R>(r: std::thread::Result<R>) -> Result<R, Unwind> {
    if pending() {
        return settle_pending(r);
    }
    match r {
        Ok(v) => Ok(v),
        Err(p) => Err(settle_payload(p)),
    }
}

/// `settle` with an unwind pending: it belongs here.
#[cold]
#[inline(never)]
fn settle_pending<R>(r: std::thread::Result<R>) -> Result<R, Unwind> {
    {
        let late = late_take();
        match (r, late) {
            // The Rust panic a landing pad turned into a Go panic: its value.
            (Err(p), Some(late)) if !p.is::<GoUnwind>() => {
                if let Err(p) = late.0.set(p) {
                    shield_drop(p);
                }
            }
            // Dropped while still pending: `recover` in those drops sees nothing.
            (r, _) => shield_drop(r),
        }
        Err(take_pending())
    }
}

/// `settle` of a payload with nothing pending: forged, or a Rust panic.
#[cold]
#[inline(never)]
fn settle_payload(p: Box<dyn Any + Send>) -> Unwind {
    if p.is::<GoUnwind>() {
        with_cx(|cx| cx.panic(Value::message(FORGED)))
    } else {
        let v = Value(Rc::from(p as Box<dyn Any>));
        with_cx(|cx| cx.panic(v))
    }
}

fn take_pending() -> Unwind {
    take_pending_opt().expect("deferrt: internal error: no Go unwind pending")
}

/// Sends the Go unwind `u` up the Rust stack to the nearest boundary.
fn throw(u: Unwind) -> ! {
    set_pending(Some(u));
    resume_unwind(Box::new(GoUnwind))
}

/// Refuses `what` while a Go unwind is in flight (see the crate docs).
#[cold]
#[track_caller]
fn refuse(what: &str) -> ! {
    std::panic::panic_any(format!(
        "deferrt: {what} called while a Go panic of this goroutine is unwinding, or was caught \
         by catch_unwind and not resumed: only recover() in a deferred call stops a Go panic; \
         that panic goes on from the nearest func or deferred call"
    ))
}

/// The Go unwind in flight, set aside while a function runs inside a `Drop`
/// that the unwind is running (a guard dropped during it): the function runs
/// as any other, and the unwind is put back when it ends. If a newer Go
/// unwind leaves the function, that one goes on (out of the `Drop`: Rust
/// then stops the process, as for any panic out of a `Drop` during
/// unwinding, unless the `Drop` catches it).
struct Shelf(Option<Unwind>, Option<Rc<LateValue>>);

impl Drop for Shelf {
    #[inline(always)]
    fn drop(&mut self) {
        if self.0.is_some() {
            self.put_back();
        }
    }
}

impl Shelf {
    #[cold]
    #[inline(never)]
    fn put_back(&mut self) {
        if !pending() {
            set_pending(self.0.take());
            late_put(self.1.take());
        }
    }
}

/// Runs `f`, the rest of a function's entry and its whole run: shelved when
/// a Go unwind is pending (see [`shelve_cold`]), kept out of line, so that the
/// hot path holds no `Shelf` to check on the way out.
#[inline(always)]
fn entered<R>(what: &'static str, f: impl FnOnce() -> R) -> R {
    if pending() {
        return entered_cold(what, f);
    }
    f()
}

#[cold]
#[inline(never)]
fn entered_cold<R>(what: &'static str, f: impl FnOnce() -> R) -> R {
    let _shelf = shelve_cold(what);
    f()
}

/// Entering a function: refused after a Go panic was swallowed (see the
/// crate docs), shelved while one unwinds through a `Drop`.
#[cold]
#[inline(never)]
fn shelve_cold(what: &str) -> Shelf {
    if !std::thread::panicking() {
        refuse(what);
    }
    let late = late_take();
    Shelf(take_pending_opt(), late)
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
/// [`defer()`], [`panic()`], [`recover`], [`goexit`] and [`func()`] work inside
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
///
/// Values still held by the goroutine when it ends (the panic values of a
/// crash, closures registered after its first function returned) are
/// dropped after it ended, in the code that called `go`; a panic out of
/// such a `Drop` propagates from `go`.
pub fn go<R>(f: impl FnOnce() -> R) -> Result<Option<R>, Exit> {
    let mut slot = WORKER.with(Cell::take).unwrap_or_else(Slot::new);
    let mut env = ();
    let outer_pending = take_pending_opt();
    let outer_late = late_take();
    let outer_mode = MODE.replace(Mode::NONE);
    let r = {
        let Slot { worker, task } = &mut *slot;
        let mut cx = task.cx(worker, &mut env).expect("same pool");
        // A panic out of a value dropped after `f` returned (at depth 0)
        // ends the goroutine like any other.
        scoped(&mut cx, || {
            settle(catch_unwind(AssertUnwindSafe(|| func_frame(f)))).and_then(|r| r)
        })
    };
    let t = &slot.task;
    if let Ok(v) = r {
        if t.pending_records() == 0 && !t.is_unwinding() && t.depth() == 0 {
            // Clean: nothing of this goroutine is left in the task.
            WORKER.with(|w| w.set(Some(slot)));
            set_pending(outer_pending);
            MODE.set(outer_mode);
            late_put(outer_late);
            return Ok(v);
        }
        return go_end_cold(slot, Ok(v), outer_pending, outer_mode, outer_late);
    }
    go_end_cold(slot, r, outer_pending, outer_mode, outer_late)
}

/// The end of a goroutine that left something in its task (its panics,
/// calls registered after its first function returned): the task is
/// dropped, a new one takes its place in the slot.
#[cold]
#[inline(never)]
fn go_end_cold<R>(
    mut slot: Box<Slot>,
    r: Result<Option<R>, Unwind>,
    outer_pending: Option<Unwind>,
    outer_mode: Mode,
    outer_late: Option<Rc<LateValue>>,
) -> Result<Option<R>, Exit> {
    let task = std::mem::replace(&mut slot.task, Task::new(slot.worker.pool()));
    WORKER.with(|w| w.set(Some(slot)));
    let out = match r {
        Ok(v) => Ok(v),
        Err(_) => Err(match task.unwinding() {
            Some(Unwinding::Panic(_)) => Exit::Panic(task.crash_report().to_string()),
            _ => Exit::Goexit,
        }),
    };
    // The task drops what it still holds with the values parked, so the
    // core's Drop never runs user code; they are dropped here afterwards.
    let mark = parked_len();
    let prev = CURRENT.with(Cell::get);
    CURRENT.with(|c| c.set(prev.busied()));
    drop(task);
    CURRENT.with(|c| c.set(prev));
    set_pending(outer_pending);
    MODE.set(outer_mode);
    late_put(outer_late);
    drain(mark);
    out
}

/// A Go function invocation: enters a frame, runs `body`, and leaves the
/// frame, running its deferred calls. Returns `Some(value)` on a normal
/// return; `None` when `body` panicked and a deferred call of this frame
/// recovered (the function returns normally, without a value: keep named
/// results in variables the deferred closures can reach).
///
/// When the frame unwinds (a panic no deferred call recovered, or Goexit),
/// `func` does not return: the unwind goes on to the enclosing `func`.
///
/// # Panics
/// Outside [`go`]; and after a Go panic of this goroutine was caught by
/// `catch_unwind` and not resumed, until it reaches its boundary — see
/// [Go panics and Rust unwinding](crate#go-panics-and-rust-unwinding). (In a
/// `Drop` that runs while a Go panic unwinds, `func` works: the unwind is set
/// aside while it runs.)
pub fn func<R>(body: impl FnOnce() -> R) -> Option<R> {
    match func_inner(body) {
        Ok(v) => v,
        Err(u) => throw(u),
    }
}

fn func_inner<R>(body: impl FnOnce() -> R) -> Result<Option<R>, Unwind> {
    entered(
        "deferrt::func",
        #[inline(always)]
        move || {
            // A `#[deferrt::func]` function called as `defer!(f(a, b))` runs in
            // the deferred call's own frame (`None`): its defers are registered
            // there and run when the call returns (the engine does that), and its
            // `recover()` is direct. One `catch_unwind` site for both cases, so
            // that the body is inlined into it and it into this function (two
            // sites kept `catch_unwind`'s `do_call` out of line: 16 Ir of
            // prologue and epilogue per call).
            let frame = if take_adopt() {
                None
            } else {
                Some(enter_with(|cx| cx.enter()))
            };
            let r = settle(catch_unwind(AssertUnwindSafe(body)));
            match frame {
                Some(frame) => leave_frame(frame, r),
                None => r.map(Some),
            }
        },
    )
}

/// A frame of its own for `body`, once `func` has settled that it neither
/// enters during a Go unwind nor adopts a deferred call's frame (`go`'s first
/// function is never either: `go` has set both aside).
#[inline(always)]
fn func_frame<R>(body: impl FnOnce() -> R) -> Result<Option<R>, Unwind> {
    let frame = enter_with(|cx| cx.enter());
    let r = settle(catch_unwind(AssertUnwindSafe(body)));
    leave_frame(frame, r)
}

/// Leaves `frame` after its body ended with `r`.
#[inline(always)]
fn leave_frame<R>(frame: deferrt_core::Frame, r: Result<R, Unwind>) -> Result<Option<R>, Unwind> {
    let mark = parked_len();
    // The engine call never drops user values itself (they are parked), and
    // the body's value stays out here.
    let (out, v) = match r {
        Ok(v) => (
            with_cx(
                #[inline(always)]
                |cx| cx.exit(frame),
            ),
            Some(v),
        ),
        Err(u) => (with_cx(|cx| cx.unwind(frame, u)), None),
    };
    after_frame(out, v, mark)
}

/// After the engine left a frame with `out`: drops what it parked (and the
/// body's value, if the frame unwinds) where the crate docs say.
#[inline(always)]
fn after_frame<R>(out: Outcome, v: Option<R>, mark: usize) -> Result<Option<R>, Unwind> {
    match out {
        Ok(()) => {
            // The frame has returned: a panic out of a parked value's Drop
            // starts in the caller.
            drain(mark);
            Ok(v)
        }
        Err(u) => Err(unwinding_frame(u, v, mark)),
    }
}

/// The frame unwinds: what is dropped now is dropped while that Go unwind
/// is in flight, and cannot start another one.
#[cold]
#[inline(never)]
fn unwinding_frame<R>(u: Unwind, v: Option<R>, mark: usize) -> Unwind {
    set_pending(Some(u));
    shield_drop(v);
    drain_shielded(mark);
    take_pending()
}

/// A deferred closure as the core holds it: dropped uncalled inside the
/// engine, it parks the closure instead of running its captures' `Drop`.
///
/// Invariant: the closure in `0` is initialised for as long as the `Call`
/// exists; it leaves only through [`Call::into_inner`] (which consumes the
/// `Call` without running its `Drop`) or `Drop`. (An `Option` cost a tag
/// store per registration, a test per call and a stack copy of the closure
/// kept for the refill's landing pad: 9 Ir of a loop defer's 84.)
struct Call<F: FnOnce() + 'static>(ManuallyDrop<F>);

impl<F: FnOnce() + 'static> Call<F> {
    #[inline(always)]
    fn new(f: F) -> Self {
        Call(ManuallyDrop::new(f))
    }

    /// The closure, to call it.
    #[inline(always)]
    fn into_inner(self) -> F {
        let mut me = ManuallyDrop::new(self);
        // SAFETY: `me.0` is initialised (the type's invariant), and `me` is
        // never dropped nor used again, so the closure is moved out once.
        unsafe { ManuallyDrop::take(&mut me.0) }
    }
}

impl<F: FnOnce() + 'static> Drop for Call<F> {
    fn drop(&mut self) {
        // SAFETY: `self.0` is initialised (the type's invariant) and this is
        // the last use of it.
        let f = unsafe { ManuallyDrop::take(&mut self.0) };
        if engine_busy() {
            park(Box::new(f));
        }
    }
}

/// Registers `f` to run when the innermost [`func()`] returns or unwinds.
/// Deferred calls may themselves defer, panic and recover.
///
/// # Panics
/// When called outside [`go`].
#[inline]
pub fn defer(f: impl FnOnce() + 'static) {
    let call = Call::new(f);
    register(move |cx: &mut GoCx<'_>| -> Outcome {
        let f = call.into_inner();
        call_deferred::<false>(cx, 0, f)
    })
}

/// Registers the deferred call `w` (what the core keeps: a wrapper of the
/// user's closure) on the current goroutine's context.
///
/// The common case takes no busy mark: while the reference made here lives,
/// only the core's `try_defer` runs, which runs no code outside the engine
/// (no allocation, no `Drop`, no user code: it registers only when the
/// task's stack has room), so nothing can reach `CURRENT` meanwhile. When
/// the stack needs memory (a global allocator may run), the registration
/// goes through [`with_cx_saved`], busy marks and all.
#[inline(always)]
fn register<W>(w: W)
where
    W: FnOnce(&mut GoCx<'_>) -> Outcome + 'static,
{
    let cur = CURRENT.with(Cell::get);
    if !cur.is_idle() {
        not_available_holding(cur, w);
    }
    // SAFETY: CURRENT is idle: the tagged address of the goroutine's `Cx`,
    // which `go` or a deferred call holds on this thread's stack and does
    // not use while user code runs (see `with_cx`). The reference made here
    // lives across `try_defer` only, which runs no code outside the engine,
    // so no other reference is derived from CURRENT while it is alive.
    let cx = unsafe { &mut *cur.busied().0.cast::<GoCx<'static>>() };
    if let Err(w) = cx.try_defer(w) {
        register_cold(w);
    }
}

/// [`register`] when the task's stack needs memory first.
#[cold]
#[inline(never)]
fn register_cold<W>(w: W)
where
    W: FnOnce(&mut GoCx<'_>) -> Outcome + 'static,
{
    with_cx_saved(w, |cx, w| cx.defer(w))
}

/// Starts a Go panic with `v`: the frames' deferred calls run as the panic
/// passes through them. Unwinds with `resume_unwind`, so no panic hook runs.
///
/// # Panics
/// When called outside [`go`] (an ordinary Rust panic then); and while a Go
/// panic of this goroutine is unwinding or was caught by `catch_unwind` and
/// not resumed (see [Go panics and Rust unwinding](crate#go-panics-and-rust-unwinding)).
pub fn panic<T: Any>(v: T) -> ! {
    if pending() {
        refuse("deferrt::panic");
    }
    let u = with_cx(|cx| cx.panic(Value(Rc::new(v))));
    throw(u)
}

/// Re-panics with a recovered value: the crash report marks the older
/// panic `[recovered, repanicked]`, as Go's `panic(recover())` does.
///
/// # Panics
/// As [`panic()`].
pub fn repanic(v: Value) -> ! {
    if pending() {
        refuse("deferrt::repanic");
    }
    let u = with_cx(|cx| cx.panic(v));
    throw(u)
}

/// Go's `recover()`: the current panic's value, when called directly by a
/// deferred call that the panic is running; `None` otherwise — also outside
/// any goroutine, and while a Go panic is on its way to a deferred call (in
/// a `Drop` that runs during its unwind, or after `catch_unwind` caught it).
pub fn recover() -> Option<Value> {
    if CURRENT.with(Cell::get).is_none() || pending() {
        return None;
    }
    let m = MODE.get();
    with_cx(|cx| {
        let d = cx.task().depth();
        if (m.direct_only() != 0 && d == m.direct_only()) || d == m.no_recover {
            None // a helper of a `defer!` block, not the block itself
        } else {
            cx.recover()
        }
    })
}

/// Go's `runtime.Goexit()`: runs every pending deferred call of the
/// goroutine and ends it; [`go`] returns `Err(Exit::Goexit)`.
///
/// # Panics
/// As [`panic()`].
pub fn goexit() -> ! {
    if pending() {
        refuse("deferrt::goexit");
    }
    let u = with_cx(|cx| cx.goexit());
    throw(u)
}

/// The result slot of a function with a named result,
/// `#[deferrt::func(result = name)]` (Go's named results): the body's value
/// is stored in it when the body returns, deferred calls read and replace it,
/// and the function returns what it holds once its deferred calls ran.
///
/// A `Ret` is a shared handle (cloning it shares the slot): each `defer!`
/// block that mentions the name gets its own clone.
///
/// ```
/// use deferrt::{defer, recover};
///
/// #[deferrt::func(result = out)]
/// fn halve(n: i32) -> Result<i32, String> {
///     defer! {
///         if let Some(p) = recover() {
///             out.set(Err(format!("recovered: {p}")));
///         }
///     }
///     if n % 2 != 0 {
///         deferrt::panic("odd");
///     }
///     Ok(n / 2)
/// }
///
/// let r = deferrt::go(|| (halve(4), halve(3))).unwrap().unwrap();
/// assert_eq!(r, (Ok(2), Err("recovered: odd".to_string())));
/// ```
pub struct Ret<T>(Rc<RefCell<Option<T>>>);

impl<T> Clone for Ret<T> {
    fn clone(&self) -> Self {
        Ret(Rc::clone(&self.0))
    }
}

impl<T> Default for Ret<T> {
    fn default() -> Self {
        Ret::new()
    }
}

impl<T> fmt::Debug for Ret<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Ret").field("set", &self.is_set()).finish()
    }
}

impl<T> Ret<T> {
    /// An empty slot (the macro makes one per call of the function).
    ///
    /// ```
    /// let r: deferrt::Ret<i32> = deferrt::Ret::new();
    /// assert!(!r.is_set());
    /// ```
    pub fn new() -> Self {
        Ret(Rc::new(RefCell::new(None)))
    }

    /// Sets the result: Go's `name = v`.
    ///
    /// ```
    /// let r = deferrt::Ret::new();
    /// r.set(5);
    /// assert_eq!(r.get(), Some(5));
    /// ```
    pub fn set(&self, v: T) {
        // The old value is dropped after the borrow ends.
        let old = self.0.borrow_mut().replace(v);
        drop(old);
    }

    /// Whether the slot holds a value.
    ///
    /// ```
    /// let r = deferrt::Ret::new();
    /// r.set("x");
    /// assert!(r.is_set());
    /// ```
    pub fn is_set(&self) -> bool {
        self.0.borrow().is_some()
    }

    /// A copy of the value, if set.
    ///
    /// ```
    /// let r = deferrt::Ret::new();
    /// assert_eq!(r.get(), None::<u8>);
    /// r.set(1u8);
    /// assert_eq!(r.get(), Some(1));
    /// ```
    pub fn get(&self) -> Option<T>
    where
        T: Clone,
    {
        self.0.borrow().clone()
    }

    /// Takes the value out, leaving the slot empty.
    ///
    /// ```
    /// let r = deferrt::Ret::new();
    /// r.set(2);
    /// assert_eq!(r.take(), Some(2));
    /// assert!(!r.is_set());
    /// ```
    pub fn take(&self) -> Option<T> {
        self.0.borrow_mut().take()
    }

    /// Sets the result and returns the one it replaces.
    ///
    /// ```
    /// let r = deferrt::Ret::new();
    /// assert_eq!(r.replace(1), None);
    /// assert_eq!(r.replace(2), Some(1));
    /// ```
    pub fn replace(&self, v: T) -> Option<T> {
        self.0.borrow_mut().replace(v)
    }

    /// Runs `f` on the slot itself (`None` when unset), to change the value
    /// in place.
    ///
    /// ```
    /// let r = deferrt::Ret::new();
    /// r.set(vec![1]);
    /// r.with(|v| v.as_mut().unwrap().push(2));
    /// assert_eq!(r.get(), Some(vec![1, 2]));
    /// ```
    pub fn with<R>(&self, f: impl FnOnce(&mut Option<T>) -> R) -> R {
        let mut slot = self.0.take();
        let r = f(&mut slot);
        *self.0.borrow_mut() = slot;
        r
    }

    /// Replaces the value with `f` of it, when set: `err = wrap(err)`.
    ///
    /// ```
    /// let r = deferrt::Ret::new();
    /// r.update(|n: i32| n + 1); // not set: nothing happens
    /// r.set(1);
    /// r.update(|n| n * 10);
    /// assert_eq!(r.get(), Some(10));
    /// ```
    pub fn update(&self, f: impl FnOnce(T) -> T) {
        if let Some(v) = self.take() {
            self.set(f(v));
        }
    }
}

/// Chain records pending in the current goroutine (deferred calls
/// registered on the chain and not yet run); 0 outside a goroutine. A
/// diagnostic: functions of the open tier register no records.
///
/// ```
/// let n = deferrt::go(|| {
///     deferrt::defer(|| {});
///     deferrt::pending_records()
/// });
/// assert_eq!(n, Ok(Some(1)));
/// ```
pub fn pending_records() -> usize {
    if CURRENT.with(Cell::get).is_none() {
        return 0;
    }
    with_cx(|cx| cx.task().pending_records())
}

/// Makes a function a Go function: `defer!` in its body is Go's `defer`.
/// See [the crate docs](crate#go-functions-deferrtfunc-and-defer) for the
/// syntax and the rules.
///
/// ```
/// #[deferrt::func(result = r)]
/// fn double() -> i32 {
///     deferrt::defer! { r.update(|v| v * 2); }
///     3
/// }
/// assert_eq!(deferrt::go(double), Ok(Some(6)));
/// ```
/// The record accounting of this thread's pool, between goroutines: records
/// carved from the arena, and records free (in the central pool or cached by
/// this thread's worker). With no goroutine running on this thread and no
/// other thread sharing the pool, every record is back: `carved == free`
/// (the task this thread keeps for its next goroutine holds its stack chunk
/// between goroutines; it gives it to the worker first).
///
/// ```
/// for _ in 0..3 {
///     let _ = deferrt::go(|| {
///         for i in 0..40 {
///             deferrt::defer(move || { let _ = i; });
///         }
///         deferrt::panic("records come back on the panic path too");
///     });
/// }
/// let a = deferrt::pool_accounting();
/// assert!(a.carved > 0);
/// assert_eq!(a.carved, a.free);
/// ```
pub fn pool_accounting() -> Accounting {
    let mut worker = WORKER.with(Cell::take);
    let a = match &mut worker {
        Some(slot) => {
            // The idle task kept for the next goroutine keeps its stack
            // chunk between goroutines; it gives it to the worker here, so
            // that every chunk is counted in exactly one place.
            let Slot { worker, task } = &mut **slot;
            task.cx(worker, &mut ()).expect("same pool").release_stack();
            let w = &slot.worker;
            let s = w.pool().stats();
            debug_assert_eq!(w.pool().held(), 0);
            Accounting {
                carved: s.carved,
                free: s.central_free + w.cached(),
            }
        }
        None => Accounting { carved: 0, free: 0 },
    };
    WORKER.with(|c| c.set(worker));
    a
}

/// See [`pool_accounting`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Accounting {
    /// Records carved from the pool's arena.
    pub carved: usize,
    /// Records in the central pool or this thread's worker cache.
    pub free: usize,
}

pub use deferrt_macros::func;

/// `defer!` outside a `#[deferrt::func]` function: a compile error. Inside
/// one, the attribute rewrites every `defer!` before this macro is seen.
///
/// ```compile_fail
/// fn not_a_go_function() {
///     deferrt::defer!(println!("never"));
/// }
/// ```
#[macro_export]
macro_rules! defer {
    (@__deferrt_used) => {};
    ($($t:tt)*) => {
        ::core::compile_error!(
            "defer! is only allowed in the body of a #[deferrt::func] function \
             (use deferrt::defer(closure) elsewhere)"
        )
    };
}

/// What the code generated by `#[deferrt::func]` calls. Not a stable API.
#[doc(hidden)]
pub mod __private {
    use super::*;
    use std::marker::PhantomData;

    pub use deferrt_core::OpenFrame;

    /// The deferred calls of one open-tier function: an enum of its sites'
    /// closures, generated by the macro.
    pub trait RunSlot {
        /// Whether the function catches: some deferred call of it may call
        /// `recover` directly. If not, its slots are quiet: they set no mode
        /// of their own (see `leave_landing`).
        const CATCHES: bool;
        /// Runs the deferred call.
        fn run(self);
    }

    /// One armed slot of an open frame. Dropped uncalled inside the engine,
    /// it parks its closure (as `Call` does for the chain). The second field
    /// says it is a call form. Invariant (as `Call`'s): the closure in `0` is
    /// initialised for as long as the slot exists, and leaves only through
    /// `OpenSlot::into_inner` or `Drop`.
    pub struct OpenSlot<S: RunSlot + 'static>(ManuallyDrop<S>, bool);

    impl<S: RunSlot + 'static> OpenSlot<S> {
        /// `defer!(f(a, b))`.
        #[inline(always)]
        pub fn call(s: S) -> Self {
            OpenSlot(ManuallyDrop::new(s), true)
        }
        /// `defer! { ... }`.
        #[inline(always)]
        pub fn block(s: S) -> Self {
            OpenSlot(ManuallyDrop::new(s), false)
        }
        /// The closure, to run it.
        #[inline(always)]
        fn into_inner(self) -> S {
            let mut me = ManuallyDrop::new(self);
            // SAFETY: `me.0` is initialised (the type's invariant), and `me`
            // is never dropped nor used again: the closure is moved out once.
            unsafe { ManuallyDrop::take(&mut me.0) }
        }
    }

    /// The `Mode::call` of a macro deferred call of kind `adopt` about to
    /// run in the frame `cx` is at (for [`call_deferred`]).
    #[inline(always)]
    fn call_mode_word(adopt: bool, cx: &GoCx<'_>) -> u32 {
        let depth = cx.task().depth();
        if adopt {
            depth | ADOPT
        } else {
            depth
        }
    }

    /// Turns `recover` off at `depth` until the returned guard drops.
    #[inline(always)]
    fn quiet_mode(depth: u32) -> NoRecoverRestore {
        NoRecoverRestore(NO_RECOVER.with(|c| c.replace(depth)))
    }

    /// Puts the previous `Mode::no_recover` back.
    struct NoRecoverRestore(u32);

    impl Drop for NoRecoverRestore {
        #[inline(always)]
        fn drop(&mut self) {
            NO_RECOVER.with(|c| c.set(self.0));
        }
    }

    /// How a frame of a function that does not catch is left.
    pub trait Leave: Sized {
        fn depth(&self) -> u32;
        fn exit(self, cx: &mut GoCx<'_>) -> Outcome;
        fn unwind(self, cx: &mut GoCx<'_>, u: Unwind) -> Outcome;
    }

    impl Leave for deferrt_core::Frame {
        #[inline(always)]
        fn depth(&self) -> u32 {
            deferrt_core::Frame::depth(self)
        }
        #[inline(always)]
        fn exit(self, cx: &mut GoCx<'_>) -> Outcome {
            cx.exit(self)
        }
        #[inline(always)]
        fn unwind(self, cx: &mut GoCx<'_>, u: Unwind) -> Outcome {
            cx.unwind(self, u)
        }
    }

    impl<S: RunSlot + 'static, const N: usize> Leave for OpenFrame<OpenSlot<S>, N> {
        #[inline(always)]
        fn depth(&self) -> u32 {
            OpenFrame::depth(self)
        }
        #[inline(always)]
        fn exit(self, cx: &mut GoCx<'_>) -> Outcome {
            cx.exit_open(self)
        }
        #[inline(always)]
        fn unwind(self, cx: &mut GoCx<'_>, u: Unwind) -> Outcome {
            cx.unwind_open(self, u)
        }
    }

    /// The landing pad of a frame that does not catch: armed while the body
    /// runs; dropped armed, a Rust unwind is passing through the body, and it
    /// runs the frame's deferred calls for it, the panic state staying in the
    /// core — no catch, no second unwind.
    struct Landing<F: Leave>(Option<F>);

    impl<F: Leave> Drop for Landing<F> {
        #[inline(always)]
        fn drop(&mut self) {
            if self.0.is_some() {
                self.land();
            }
        }
    }

    impl<F: Leave> Landing<F> {
        /// A Rust unwind is passing through the frame.
        #[inline]
        fn land(&mut self) {
            let Some(frame) = self.0.take() else { return };
            let u = match take_pending_opt() {
                Some(u) => u, // a Go panic or Goexit in flight
                None => {
                    // An ordinary Rust panic: a Go panic whose value the
                    // boundary that catches the unwind fills in.
                    let late = Rc::new(LateValue::default());
                    late_put(Some(Rc::clone(&late)));
                    with_cx(|cx| cx.panic(Value(late)))
                }
            };
            let m = MODE.get();
            let mark = parked_len();
            let no_recover = Mode {
                no_recover: frame.depth() + 1,
                ..m
            };
            let out = with_mode(no_recover, || with_cx(|cx| frame.unwind(cx, u)));
            // Ok is unreachable: no deferred call run from here can recover.
            // Were it to happen, the unwind would reach its boundary with
            // nothing pending: an ordinary Go panic saying so.
            if let Err(u) = out {
                set_pending(Some(u));
            }
            drain_shielded(mark);
        }
    }

    /// Leaves a landing-pad frame after its body returned `v`. Kept out of
    /// line for the open tier: inlined into every function, it makes each
    /// frame's prologue and call-site table longer for the unwinder, and the
    /// panic path through 16 landing pads goes from 175k to 209k
    /// instructions, 1.25x to 1.50x the bare unwind (callgrind, `macro_wall`;
    /// the normal path would save 24 of its 171).
    #[inline(never)]
    fn leave_landing<F: Leave, R>(mut guard: Landing<F>, v: R) -> Option<R> {
        leave_landing_inline(&mut guard, v)
    }

    /// [`leave_landing`], inlined.
    #[inline(always)]
    fn leave_landing_inline<F: Leave, R>(guard: &mut Landing<F>, v: R) -> Option<R> {
        if pending() {
            // A Go panic of the body was caught by `catch_unwind`: this frame
            // is the boundary it was travelling to, and it goes on from here
            // (the value is dropped while it is still pending).
            shield_drop(v);
            guard.land();
            throw(take_pending());
        }
        let mark = parked_len();
        // No deferred call of this frame can stop a panic, so `recover` is
        // off at their depth for all of them (the quiet slots and blocks
        // set no mode of their own): this matters only when one of them
        // panics and the frame's later calls run as that panic's calls, where
        // a helper's `recover` must find nothing (Go's rule C2), as it does
        // on the landing path.
        let d = match &guard.0 {
            Some(frame) => frame.depth(),
            None => unreachable!("armed until the body returned"),
        };
        let _mode = quiet_mode(d + 1);
        let out = with_cx(
            #[inline(always)]
            |cx| match guard.0.take() {
                Some(frame) => frame.exit(cx),
                None => unreachable!("armed until the body returned"),
            },
        );
        drop(_mode);
        match after_frame(out, Some(v), mark) {
            Ok(v) => v,
            Err(u) => throw(u),
        }
    }

    /// `func` for a function none of whose deferred calls can recover (the
    /// macro sees it), on the chain: no `catch_unwind`, a landing pad.
    #[inline]
    pub fn func_chain_landing<R>(body: impl FnOnce(bool) -> R) -> Option<R> {
        entered("a #[deferrt::func] function", move || {
            // Adopting, the deferred call's own frame (`None`): its wrapper
            // catches, the engine leaves it (the body is told, for its
            // blocks: see `defer_block_quiet`). One call site of `body`, so
            // that it is inlined here.
            let adopted = take_adopt();
            let mut guard = Landing(if adopted {
                None
            } else {
                Some(enter_with(|cx| cx.enter()))
            });
            let v = body(adopted);
            if guard.0.is_none() {
                return Some(v);
            }
            // Inlined here, unlike the open tier's: a chain function defers
            // in a loop, where this path counts (n = 1: 215 -> 184 Ir per
            // call, with the exit closure forced inline); the price is on its
            // panic path (16 such frames: 187k -> 198k Ir, `macro_wall`
            // `panic/macro chain tier`; 228k before this pass).
            leave_landing_inline(&mut guard, v)
        })
    }

    /// [`func_chain_landing`] for the open tier.
    #[inline]
    pub fn func_open_landing<S: RunSlot + 'static, const N: usize, R>(
        body: impl FnOnce(&mut OpenFrame<OpenSlot<S>, N>) -> R,
    ) -> Option<R> {
        entered("a #[deferrt::func] function", move || {
            let adopt = take_adopt();
            let mut guard = Landing(Some(with_cx(|cx| {
                if adopt {
                    cx.adopt_open::<OpenSlot<S>, N>()
                } else {
                    cx.enter_open::<OpenSlot<S>, N>()
                }
            })));
            let v = body(guard.0.as_mut().expect("armed"));
            leave_landing(guard, v)
        })
    }

    /// A parameter type of which an inline-tier function may have only:
    /// values that have no `Drop`, no `Deref` and no operator of user code
    /// (so that an expression built from them with operators runs no user
    /// code): `bool`, `char`, the integers and floats, `()`, and references
    /// and raw pointers to those. Sealed: only this crate implements it.
    pub trait Scalar: sealed::Sealed {}

    mod sealed {
        pub trait Sealed {}
    }

    macro_rules! scalar {
        ($($t:ty),*) => {$(
            impl sealed::Sealed for $t {}
            impl Scalar for $t {}
        )*};
    }
    scalar!(
        bool,
        char,
        (),
        u8,
        u16,
        u32,
        u64,
        u128,
        usize,
        i8,
        i16,
        i32,
        i64,
        i128,
        isize,
        f32,
        f64
    );
    impl<T: Scalar + ?Sized> sealed::Sealed for &T {}
    impl<T: Scalar + ?Sized> Scalar for &T {}
    impl<T: Scalar + ?Sized> sealed::Sealed for &mut T {}
    impl<T: Scalar + ?Sized> Scalar for &mut T {}
    impl<T: Scalar + ?Sized> sealed::Sealed for *const T {}
    impl<T: Scalar + ?Sized> Scalar for *const T {}
    impl<T: Scalar + ?Sized> sealed::Sealed for *mut T {}
    impl<T: Scalar + ?Sized> Scalar for *mut T {}

    /// The macro's compile-time question "is this parameter's type a
    /// [`Scalar`]?": `(&Probe(&x)).leaf()` is `true` through [`IsScalar`]
    /// when it is, `false` through [`NotScalar`] otherwise (also for a
    /// generic type not bounded by `Scalar`). A constant after inlining.
    pub struct Probe<'a, T: ?Sized>(pub &'a T);

    pub trait IsScalar {
        #[inline(always)]
        fn leaf(&self) -> bool {
            true
        }
    }
    impl<T: Scalar + ?Sized> IsScalar for Probe<'_, T> {}

    pub trait NotScalar {
        #[inline(always)]
        fn leaf(&self) -> bool {
            false
        }
    }
    impl<T: ?Sized> NotScalar for &Probe<'_, T> {}

    /// The slots of an inline-tier function: plain locals of its stack
    /// frame. No frame of the goroutine is entered.
    pub struct InlineFrame<S: RunSlot + 'static, const N: usize>([Option<S>; N]);

    impl<S: RunSlot + 'static, const N: usize> InlineFrame<S, N> {
        /// Arms slot `I` (the registration of the `defer!` that owns it).
        #[inline(always)]
        pub fn defer<const I: usize>(&mut self, s: OpenSlot<S>) {
            self.0[I] = Some(s.into_inner());
        }
    }

    /// Holds the inline frame while its body and slots run: dropped with a
    /// slot still armed, a Rust panic is unwinding through the function.
    struct InlineGuard<S: RunSlot + 'static, const N: usize>(InlineFrame<S, N>);

    impl<S: RunSlot + 'static, const N: usize> Drop for InlineGuard<S, N> {
        #[inline(always)]
        fn drop(&mut self) {
            if self.0 .0.iter().any(Option::is_some) {
                self.land();
            }
        }
    }

    impl<S: RunSlot + 'static, const N: usize> InlineGuard<S, N> {
        /// The panic path of an inline-tier function: a Rust panic (an
        /// overflow, a division by zero, an index out of bounds: nothing else
        /// can start in such a function) is unwinding through it. The frame
        /// the open tier would have had is entered now, the armed slots are
        /// moved into it, and it is left as a landing pad leaves its frame:
        /// the panic becomes a Go panic, the slots run with `recover`
        /// disabled, a slot that panics again is recorded as the newer panic.
        #[cold]
        #[inline(never)]
        fn land(&mut self) {
            if CURRENT.with(Cell::get).is_none() {
                // Outside a goroutine: no Go panic to make. The rest runs as
                // plain Rust cleanup; a panic out of one is dropped (after
                // the hook printed it), since this runs during an unwind.
                for slot in self.0 .0.iter_mut().rev() {
                    if let Some(s) = slot.take() {
                        shield_drop(catch_unwind(AssertUnwindSafe(|| s.run())));
                    }
                }
                return;
            }
            // Nothing in the function can start a Go panic, so a Go unwind
            // pending now is older than it (the function runs in a `Drop`
            // during that unwind): set aside, as entering a function does.
            let _shelf = Shelf(take_pending_opt(), late_take());
            let mut frame = with_cx(|cx| cx.enter_open::<OpenSlot<S>, N>());
            for (i, slot) in self.0 .0.iter_mut().enumerate() {
                if let Some(s) = slot.take() {
                    if frame.defer_at(i, OpenSlot::block(s)).is_err() {
                        unreachable!("slot index below N");
                    }
                }
            }
            Landing(Some(frame)).land();
        }
    }

    /// `func` for a function of the inline tier (see the crate docs): the
    /// body runs, then its armed slots, highest first, called directly —
    /// the code a hand-written cleanup compiles to. Only the panic path
    /// touches the goroutine (see `InlineGuard::land`).
    #[inline(always)]
    pub fn func_inline<S: RunSlot + 'static, const N: usize, R>(
        body: impl FnOnce(&mut InlineFrame<S, N>) -> R,
    ) -> Option<R> {
        let mut guard = InlineGuard(InlineFrame([const { None }; N]));
        let v = body(&mut guard.0);
        let mut i = N;
        while i > 0 {
            i -= 1;
            if let Some(s) = guard.0 .0[i].take() {
                s.run();
            }
        }
        Some(v)
    }

    /// `defer!(f(a, b))` on the chain.
    #[inline]
    pub fn defer_call(f: impl FnOnce() + 'static) {
        defer_kind::<true, true>(f)
    }

    /// `defer! { ... }` on the chain: the block runs with its own mode.
    #[inline]
    pub fn defer_block(f: impl FnOnce() + 'static) {
        defer_kind::<false, true>(f)
    }

    /// `defer! { ... }` written in the body (not in a closure) of a
    /// function on the chain that does not catch. The block is quiet — it
    /// runs with the mode its frame's exit sets for all of the frame's calls
    /// (`recover` off at their depth, see `leave_landing` and the landing
    /// pad), none of its own — unless the function `adopted` the frame of a
    /// deferred call, which the engine leaves: then it sets its own mode as
    /// [`defer_block`]'s do. The test is made at registration, once per
    /// function when the registration is in a loop.
    #[inline]
    pub fn defer_block_quiet(adopted: bool, f: impl FnOnce() + 'static) {
        if adopted {
            defer_kind::<false, true>(f)
        } else {
            defer_kind::<false, false>(f)
        }
    }

    #[inline]
    fn defer_kind<const ADOPT_CALL: bool, const OWN_MODE: bool>(f: impl FnOnce() + 'static) {
        let call = Call::new(f);
        register(move |cx: &mut GoCx<'_>| -> Outcome {
            let f = call.into_inner();
            // A quiet block (`!OWN_MODE`) runs with the mode its frame's
            // exit set (see `defer_block_quiet`).
            let mode = if OWN_MODE {
                call_mode_word(ADOPT_CALL, cx)
            } else {
                0
            };
            call_deferred::<OWN_MODE>(cx, mode, f)
        })
    }

    /// `recover()` written directly in a `defer!` block becomes
    /// `direct(recover)()`: the path the user wrote stays (and type-checks),
    /// the call is the direct one.
    pub fn direct(_as_written: fn() -> Option<Value>) -> fn() -> Option<Value> {
        direct_recover
    }

    fn direct_recover() -> Option<Value> {
        if CURRENT.with(Cell::get).is_none() || pending() {
            return None;
        }
        let no_recover = MODE.get().no_recover;
        with_cx(|cx| {
            if cx.task().depth() == no_recover {
                None
            } else {
                cx.recover()
            }
        })
    }

    impl<S: RunSlot + 'static> Drop for OpenSlot<S> {
        fn drop(&mut self) {
            // SAFETY: `self.0` is initialised (the type's invariant) and this
            // is the last use of it.
            let s = unsafe { ManuallyDrop::take(&mut self.0) };
            if engine_busy() {
                park(Box::new(s));
            }
        }
    }

    impl<S: RunSlot + 'static> deferrt_core::Deferred<(), Value, deferrt_core::Local> for OpenSlot<S> {
        #[inline]
        fn call(self, cx: &mut GoCx<'_>) -> Outcome {
            let adopt = self.1;
            let s = self.into_inner();
            // A function that does not catch has only blocks, and its exit
            // set the mode for all of them (see `leave_landing`).
            if S::CATCHES {
                let mode = call_mode_word(adopt, cx);
                call_deferred::<true>(cx, mode, || s.run())
            } else {
                call_deferred::<false>(cx, 0, || s.run())
            }
        }
    }

    /// `func` for a function of the open tier: its `defer!` sites are the
    /// `N` slots of an open frame in this stack frame.
    #[inline]
    pub fn func_open<S: RunSlot + 'static, const N: usize, R>(
        body: impl FnOnce(&mut OpenFrame<OpenSlot<S>, N>) -> R,
    ) -> Option<R> {
        match func_open_inner(body) {
            Ok(v) => v,
            Err(u) => throw(u),
        }
    }

    fn func_open_inner<S: RunSlot + 'static, const N: usize, R>(
        body: impl FnOnce(&mut OpenFrame<OpenSlot<S>, N>) -> R,
    ) -> Result<Option<R>, Unwind> {
        entered("a #[deferrt::func] function", move || {
            let adopt = take_adopt();
            let mut frame = with_cx(|cx| {
                if adopt {
                    cx.adopt_open::<OpenSlot<S>, N>()
                } else {
                    cx.enter_open::<OpenSlot<S>, N>()
                }
            });
            let r = settle(catch_unwind(AssertUnwindSafe(|| body(&mut frame))));
            let mark = parked_len();
            let (out, v) = match r {
                Ok(v) => (with_cx(|cx| cx.exit_open(frame)), Some(v)),
                Err(u) => (with_cx(|cx| cx.unwind_open(frame, u)), None),
            };
            after_frame(out, v, mark)
        })
    }

    /// The value a function returns after a recovered panic when nothing set
    /// its result: `T::default()` when `T: Default` (Go's zero value)...
    pub struct Fallback<T>(PhantomData<T>);

    impl<T> Fallback<T> {
        pub fn new() -> Self {
            Fallback(PhantomData)
        }
    }

    impl<T> Default for Fallback<T> {
        fn default() -> Self {
            Fallback::new()
        }
    }

    pub trait ViaDefault<T> {
        fn value(&self, name: &str) -> T;
    }

    impl<T: Default> ViaDefault<T> for Fallback<T> {
        fn value(&self, _: &str) -> T {
            T::default()
        }
    }

    /// ...and otherwise a Go panic saying so.
    pub trait NoDefault<T> {
        fn value(&self, name: &str) -> T;
    }

    impl<T> NoDefault<T> for &Fallback<T> {
        fn value(&self, name: &str) -> T {
            no_result(name)
        }
    }

    #[cold]
    pub fn no_result(name: &str) -> ! {
        super::panic(format!(
            "deferrt: {name} recovered from a panic but no deferred call set its result, and its \
             type has no Default: name the result (#[deferrt::func(result = r)]) and set it"
        ))
    }
}
