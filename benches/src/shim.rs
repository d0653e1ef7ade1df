//! Kernels for the std shim (`deferrt`: `go`, `func`, `defer`, `panic`,
//! `recover`), and the bare Rust unwinding they ride on.
//!
//! The shim owns its task (one per [`deferrt::go`]) and finds it through a
//! thread-local, so these kernels take no `Cx`: they are
//! `#[inline(never)] pub fn(n: usize) -> u64` ([`ShimKernel`]) and must run
//! inside a `deferrt::go` ([`in_go`] runs one in a fresh goroutine). The
//! deferred work is [`shim_work`]: the same black-boxed add as
//! [`crate::work`], on a thread-local counter (the shim's deferred closures
//! are `'static` and get no environment).
//!
//! Every shim kernel has a hand-written twin run the same way (inside one
//! `go`), so "shim minus hand" is the shim's mechanism alone, with the cost
//! of the goroutine itself ([`go_empty`]) cancelled.

use core::hint::black_box;
use std::cell::Cell;
use std::panic::{catch_unwind, resume_unwind, AssertUnwindSafe};

/// A shim kernel: `n` is the value a body defer captures, the number of
/// defers in a loop, or the depth of a panic. Returns the counter.
pub type ShimKernel = fn(usize) -> u64;

thread_local! {
    static COUNTER: Cell<u64> = const { Cell::new(0) };
}

/// The deferred work of the shim kernels: `counter += v` on this thread's
/// counter, through `black_box` (opaque, as [`crate::work`]).
#[inline(always)]
pub fn shim_work(v: u64) {
    COUNTER.with(|c| {
        let c = black_box(c);
        c.set(c.get().wrapping_add(v));
    });
}

/// This thread's shim counter.
#[inline(always)]
pub fn shim_counter() -> u64 {
    COUNTER.with(Cell::get)
}

/// Resets this thread's shim counter (tests).
pub fn reset_shim_counter() {
    COUNTER.with(|c| c.set(0));
}

/// Runs `kernel(n)` as a goroutine of its own (`deferrt::go`) and returns
/// its result. The goroutine's cost is [`go_empty`]'s.
///
/// # Panics
/// When the goroutine dies (the kernels recover their own panics).
#[inline(always)]
pub fn in_go(kernel: ShimKernel, n: usize) -> u64 {
    deferrt::go(|| kernel(black_box(n)))
        .expect("the goroutine died")
        .expect("the goroutine returned normally")
}

/// An empty goroutine: `deferrt::go(|| ())`, the fixed cost [`in_go`] adds
/// to every shim row (the thread's slot taken and put back — its worker and
/// the clean task it keeps between goroutines — and the goroutine's first
/// `func` frame).
#[inline(never)]
pub fn go_empty(n: usize) -> u64 {
    let r = deferrt::go(|| black_box(n));
    r.map_or(0, |v| v.unwrap_or(0) as u64)
}

// ---------------------------------------------------------------------------
// The body.
// ---------------------------------------------------------------------------

/// Baseline: the work written by hand (inside a goroutine, as the others).
#[inline(never)]
pub fn shim_body_hand(n: usize) -> u64 {
    shim_work(n as u64);
    shim_counter()
}

/// One Go function with one defer: `func(|| defer(move || work(v)))`.
#[inline(never)]
pub fn shim_body(n: usize) -> u64 {
    let v = n as u64;
    let r = deferrt::func(move || deferrt::defer(move || shim_work(v)));
    shim_counter() + r.is_some() as u64
}

// ---------------------------------------------------------------------------
// The loop.
// ---------------------------------------------------------------------------

/// Baseline: n calls of the work by hand.
#[inline(never)]
pub fn shim_loop_hand(n: usize) -> u64 {
    for i in 0..n {
        shim_work(i as u64);
    }
    shim_counter()
}

/// One Go function deferring n closures in a loop (each capturing its
/// index), run LIFO when it returns.
#[inline(never)]
pub fn shim_loop(n: usize) -> u64 {
    let r = deferrt::func(move || {
        for i in 0..n {
            let v = i as u64;
            deferrt::defer(move || shim_work(v));
        }
    });
    shim_counter() + r.is_some() as u64
}

#[deferrt::func]
fn macro_loop_fn(n: usize) {
    for i in 0..n {
        let v = i as u64;
        deferrt::defer! { shim_work(v); }
    }
}

/// The loop of [`shim_loop`] written with the macro: `defer!` in a loop puts
/// the function on the chain tier, and since no deferred block can recover,
/// the function needs no `catch_unwind` (a landing pad).
#[inline(never)]
pub fn macro_loop(n: usize) -> u64 {
    macro_loop_fn(n);
    shim_counter() + 1
}

// ---------------------------------------------------------------------------
// Panics.
// ---------------------------------------------------------------------------

/// Frame `d` of the shim's panic chain: a `func` with one defer; `d == 1`
/// panics, `d == top` recovers in its deferred call.
#[inline(never)]
fn shim_level(d: usize, top: usize) -> Option<()> {
    deferrt::func(move || {
        if d == top {
            deferrt::defer(|| {
                let r = deferrt::recover().is_some();
                shim_work(r as u64);
            });
        } else {
            deferrt::defer(|| shim_work(1));
        }
        if d == 1 {
            deferrt::panic("boom");
        }
        shim_level(d - 1, top);
    })
}

/// `panic` in the innermost of `n` nested `func`s (one defer each),
/// recovered by the outermost one's deferred call: a Rust unwind
/// (`resume_unwind`) caught and re-thrown at every `func` boundary.
#[inline(never)]
pub fn shim_panic_recover(n: usize) -> u64 {
    let r = shim_level(n, n);
    // Recovered: the outermost func returned normally, without a value.
    shim_counter() + r.is_none() as u64
}

/// One frame of the hand-written equivalent: an error returned up `d`
/// frames, each doing its work on the way out.
#[inline(never)]
fn shim_error_level(d: usize, top: usize) -> Result<(), &'static str> {
    let r = if d == 1 {
        Err(black_box("boom"))
    } else {
        shim_error_level(d - 1, top)
    };
    if d == top {
        shim_work(r.is_err() as u64);
        return Ok(());
    }
    shim_work(1);
    r
}

/// Baseline for the shim's panic rows: the error returned by hand.
#[inline(never)]
pub fn shim_panic_hand(n: usize) -> u64 {
    let r = shim_error_level(n, n);
    shim_counter() + r.is_ok() as u64
}

/// The unwind payload of the bare Rust rows.
struct Boom;

/// Runs the work of one frame when the frame is left, also by unwinding
/// (a landing pad in every frame that holds one).
struct Guard;

impl Drop for Guard {
    #[inline(always)]
    fn drop(&mut self) {
        shim_work(1);
    }
}

/// Frame `d` of the bare Rust unwind: a guard, then `resume_unwind` in the
/// innermost frame.
#[inline(never)]
fn unwind_level(d: usize) {
    let _g = Guard;
    if d == 1 {
        resume_unwind(Box::new(Boom));
    }
    unwind_level(black_box(d - 1));
}

/// The floor under a shim panic: one `std::panic::resume_unwind` through
/// `n` frames, each with a landing pad (a `Drop` guard doing the work),
/// caught once by `catch_unwind` at the top. Same work as
/// [`shim_panic_recover`]; no hook, no message (as the shim).
#[inline(never)]
pub fn rust_unwind(n: usize) -> u64 {
    let r = catch_unwind(|| unwind_level(n));
    let caught = r.is_err_and(|p| p.is::<Boom>());
    shim_counter() + caught as u64
}

/// Frame `d` of the rethrowing Rust unwind: each frame catches the unwind
/// and throws it on, as every shim `func` does (`catch_unwind`, then
/// `resume_unwind` of a new box).
#[inline(never)]
fn rethrow_level(d: usize, top: usize) {
    let r = catch_unwind(AssertUnwindSafe(|| {
        if d == 1 {
            resume_unwind(Box::new(Boom));
        }
        rethrow_level(black_box(d - 1), top);
    }));
    shim_work(1);
    if let Err(p) = r {
        if d != top {
            resume_unwind(Box::new(p.downcast::<Boom>().map_or(Boom, |b| *b)));
        }
    }
}

/// The shim's unwinding pattern without the engine: `n` frames, each
/// catching the unwind with `catch_unwind` and re-throwing it with
/// `resume_unwind` (a new box), the outermost keeping it. Same work as
/// [`shim_panic_recover`].
#[inline(never)]
pub fn rust_unwind_rethrow(n: usize) -> u64 {
    rethrow_level(n, n);
    shim_counter() + 1
}

// ---------------------------------------------------------------------------
// Through the macro (`#[deferrt::func]` + `defer!`).
// ---------------------------------------------------------------------------

#[deferrt::func]
fn macro_body_fn(v: u64) {
    deferrt::defer! { shim_work(v); }
}

#[deferrt::func]
fn macro_body_call_fn(v: u64) {
    deferrt::defer!(shim_work(v));
}

/// One Go function with one `defer! { ... }` block (open tier; the block
/// cannot recover, so a landing pad, no catch).
#[inline(never)]
pub fn macro_body(n: usize) -> u64 {
    macro_body_fn(n as u64);
    shim_counter() + 1
}

/// The same with the call form `defer!(f(v))`: `f` might recover (the macro
/// cannot see into it), so this function catches.
#[inline(never)]
pub fn macro_body_call(n: usize) -> u64 {
    macro_body_call_fn(n as u64);
    shim_counter() + 1
}

/// The counter's address, for the raw-pointer kernels (the inline tier's
/// deferred blocks write through a pointer: they may call nothing).
#[inline(always)]
fn counter_ptr() -> *mut u64 {
    COUNTER.with(Cell::as_ptr)
}

/// Baseline of the inline-tier rows: `*p += v` by hand, `p` the counter's
/// address (through `black_box`, so the write stays a write).
#[inline(never)]
pub fn shim_body_hand_ptr(n: usize) -> u64 {
    let p = black_box(counter_ptr());
    // SAFETY: p points to this thread's counter, alive for the thread.
    unsafe { *p += n as u64 };
    shim_counter()
}

#[deferrt::func]
fn macro_inline_fn(p: *mut u64, v: u64) {
    // SAFETY: p points to this thread's counter, alive for the thread.
    deferrt::defer! { unsafe { *p += v; } }
}

/// One Go function with one `defer! { }` that qualifies for the inline tier
/// (operators on `Scalar` parameters only): the same work as
/// [`shim_body_hand_ptr`].
#[inline(never)]
pub fn macro_body_inline(n: usize) -> u64 {
    macro_inline_fn(black_box(counter_ptr()), n as u64);
    shim_counter()
}

/// Frame `d` of the macro's panic chain: one `defer!` each; `d == 1`
/// panics. None of these can recover, so none catches.
#[deferrt::func]
#[inline(never)]
fn macro_level(d: usize) {
    deferrt::defer! { shim_work(1); }
    if d == 1 {
        deferrt::panic("boom");
    }
    macro_level(black_box(d - 1));
}

/// The outermost frame: its deferred block recovers (the only catch).
#[deferrt::func]
#[inline(never)]
fn macro_top(n: usize) -> bool {
    deferrt::defer! {
        let r = deferrt::recover().is_some();
        shim_work(r as u64);
    }
    if n == 1 {
        deferrt::panic("boom");
    }
    macro_level(n - 1);
    false
}

/// [`macro_level`] on the chain tier (as a function with a `defer!` in a
/// loop is).
#[deferrt::func(tier = chain)]
#[inline(never)]
fn macro_level_chain(d: usize) {
    deferrt::defer! { shim_work(1); }
    if d == 1 {
        deferrt::panic("boom");
    }
    macro_level_chain(black_box(d - 1));
}

/// [`macro_top`] over chain-tier functions.
#[deferrt::func]
#[inline(never)]
fn macro_top_chain(n: usize) -> bool {
    deferrt::defer! {
        let r = deferrt::recover().is_some();
        shim_work(r as u64);
    }
    if n == 1 {
        deferrt::panic("boom");
    }
    macro_level_chain(n - 1);
    false
}

/// [`macro_panic_recover`] through chain-tier functions.
#[inline(never)]
pub fn macro_panic_recover_chain(n: usize) -> u64 {
    let r = macro_top_chain(n);
    shim_counter() + (!r) as u64
}

/// `panic` in the innermost of `n` macro functions (one `defer!` each),
/// recovered by the outermost one: one Rust unwind through `n - 1` landing
/// pads, one `catch_unwind` (the outermost's).
#[inline(never)]
pub fn macro_panic_recover(n: usize) -> u64 {
    let r = macro_top(n);
    // Recovered: bool::default() is false.
    shim_counter() + (!r) as u64
}

/// Every shim kernel by name, for the runner and the tests. All run inside
/// a `deferrt::go`.
pub const SHIM_KERNELS: &[(&str, ShimKernel)] = &[
    ("go_empty", go_empty),
    ("shim_body_hand", shim_body_hand),
    ("shim_body", shim_body),
    ("shim_loop_hand", shim_loop_hand),
    ("shim_loop", shim_loop),
    ("macro_loop", macro_loop),
    ("shim_panic_hand", shim_panic_hand),
    ("shim_panic_recover", shim_panic_recover),
    ("rust_unwind", rust_unwind),
    ("rust_unwind_rethrow", rust_unwind_rethrow),
    ("macro_body", macro_body),
    ("macro_body_call", macro_body_call),
    ("shim_body_hand_ptr", shim_body_hand_ptr),
    ("macro_body_inline", macro_body_inline),
    ("macro_panic_recover", macro_panic_recover),
    ("macro_panic_recover_chain", macro_panic_recover_chain),
];

#[cfg(test)]
mod tests {
    use super::*;

    fn counted(k: ShimKernel, n: usize) -> (u64, u64) {
        reset_shim_counter();
        let r = in_go(k, n);
        (shim_counter(), r)
    }

    #[test]
    fn shim_kernels_do_the_same_work() {
        for n in [1usize, 16, 1024] {
            let expect: u64 = (0..n as u64).sum();
            assert_eq!(counted(shim_loop_hand, n), (expect, expect));
            assert_eq!(counted(shim_loop, n), (expect, expect + 1));
        }
        assert_eq!(counted(shim_body_hand, 7), (7, 7));
        assert_eq!(counted(shim_body, 7), (7, 8));
        assert_eq!(counted(macro_body, 7), (7, 8));
        assert_eq!(counted(macro_body_call, 7), (7, 8));
        assert_eq!(counted(shim_body_hand_ptr, 7), (7, 7));
        assert_eq!(counted(macro_body_inline, 7), (7, 7));
        for d in [1usize, 2, 16] {
            let d64 = d as u64;
            for k in [
                shim_panic_hand as ShimKernel,
                shim_panic_recover,
                rust_unwind,
                rust_unwind_rethrow,
                macro_panic_recover,
                macro_panic_recover_chain,
            ] {
                assert_eq!(counted(k, d), (d64, d64 + 1), "depth {d}");
            }
        }
        assert_eq!(go_empty(3), 3);
    }
}
