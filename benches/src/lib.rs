//! Benchmark kernels for deferrt-core, and the fixture that runs them.
//!
//! Every kernel is an `#[inline(never)]` public function with the same
//! shape, `fn(&mut BCx<'_>, n: usize) -> u64`, so that
//!
//! * the gungraun (iai-callgrind) benches in `benches/*.rs` and the
//!   wall-clock runner in `src/bin/sidebyside.rs` measure exactly the same
//!   code, and
//! * `asm-notes/regen.sh` can extract the assembly of exactly the code that
//!   is measured (one symbol per kernel).
//!
//! The deferred work is [`work`]: add a captured `u64` to the counter that
//! lives in the task's environment, through `core::hint::black_box` so the
//! compiler can neither fold nor batch it. Every variant of a question
//! (hand-written, open-coded, chain, scopeguard, naive boxes) does the same
//! `work` calls with the same captured values, so that "ours minus the
//! hand-written baseline" is the cost of the defer mechanism alone.
//!
//! Kernels return the counter (plus a status bit where the engine returns
//! an [`Outcome`]), and callers pass it through `black_box`.

#![warn(missing_docs)]

use core::hint::black_box;

use deferrt_core::{Arc, Cx, Leaf, Local, Outcome, Pool, Task, Unwind, Worker};

pub mod minigo;
pub mod shim;

/// The engine context every kernel runs with: the environment is the
/// counter `work` increments, panic values are static strings.
pub type BCx<'a> = Cx<'a, u64, &'static str, Local>;

/// A kernel: takes the context and `n` (defers in a loop, frames for a
/// panic, or the value captured by a body defer) and returns the counter.
pub type Kernel = for<'a, 'b> fn(&'a mut BCx<'b>, usize) -> u64;

/// The deferred work: `*counter += v`, opaque to the optimiser.
#[inline(always)]
pub fn work(counter: &mut u64, v: u64) {
    let c = black_box(counter);
    *c = c.wrapping_add(v);
}

/// Gives a closure the higher-ranked signature a deferred call needs, so
/// that an open frame's slot type `C` can be inferred from it.
#[inline(always)]
pub fn deferred<F: FnOnce(&mut BCx<'_>) -> Outcome>(f: F) -> F {
    f
}

/// Everything a kernel needs, owned: made (and warmed up) outside the
/// measured region, borrowed into a [`BCx`] inside it.
pub struct Fixture {
    /// Keeps the pool alive (the worker and the task hold it too).
    pub pool: Arc<Pool>,
    /// The worker whose record cache the task uses.
    pub worker: Worker,
    /// The task.
    pub task: Task<u64, &'static str, Local>,
    /// The environment: the counter.
    pub env: u64,
    /// The kernel's argument.
    pub n: usize,
}

impl Fixture {
    /// A fresh pool, worker and task; `n` is the kernel argument.
    pub fn new(n: usize) -> Fixture {
        let pool = Pool::new();
        let worker = Worker::new(&pool);
        let task = Task::new(&pool);
        Fixture {
            pool,
            worker,
            task,
            env: 0,
            n,
        }
    }

    /// A fixture on which `kernel(n)` already ran `warm` times, so the
    /// worker cache and the central pool hold every record the kernel needs
    /// (steady state), and the code and data are warm.
    pub fn warmed(kernel: Kernel, n: usize, warm: usize) -> Fixture {
        let mut fx = Fixture::new(n);
        for _ in 0..warm {
            black_box(fx.run(kernel));
        }
        fx
    }

    /// Runs `kernel` once on this fixture.
    #[inline(always)]
    pub fn run(&mut self, kernel: Kernel) -> u64 {
        let mut cx = self
            .task
            .cx(&mut self.worker, &mut self.env)
            .expect("same pool");
        kernel(&mut cx, black_box(self.n))
    }
}

/// The status bit of an outcome, folded into a kernel's result.
#[inline(always)]
fn ok_bit(r: Outcome) -> u64 {
    r.is_ok() as u64
}

// ---------------------------------------------------------------------------
// The body: one deferred call at a function's exit.
// ---------------------------------------------------------------------------

/// Baseline: the call written by hand at the function's exit.
#[inline(never)]
pub fn body_hand(cx: &mut BCx<'_>, n: usize) -> u64 {
    let v = n as u64;
    work(cx.env(), v);
    *cx.env()
}

/// One open-coded defer: an open frame with one slot, armed, left
/// normally. No record, no engine call.
#[inline(never)]
pub fn body_open(cx: &mut BCx<'_>, n: usize) -> u64 {
    let v = n as u64;
    let mut f = cx.enter_open::<_, 1>();
    f.defer::<0>(deferred(move |cx| {
        work(cx.env(), v);
        Ok(())
    }));
    let r = cx.exit_open(f);
    *cx.env() + ok_bit(r)
}

/// One open-coded [`Leaf`] defer: an open frame with one slot whose call
/// gets only the environment (never the `Cx`), so the exit calls it with
/// no frame of its own and no check after it (`Deferred::LEAF`). What is
/// left over hand is the open frame's own depth increment and restore.
#[inline(never)]
pub fn body_leaf(cx: &mut BCx<'_>, n: usize) -> u64 {
    let v = n as u64;
    let mut f = cx.enter_open::<_, 1>();
    f.defer::<0>(Leaf(move |c: &mut u64| work(c, v)));
    let r = cx.exit_open(f);
    *cx.env() + ok_bit(r)
}

/// One open-coded [`Leaf`] defer in an inline frame ([`Cx::enter_inline`]):
/// the defers of a function the embedder treats as inlined into its caller
/// (all its defers `Leaf` calls, no direct `recover`, no chain defers).
/// Nothing but the slot is touched: the normal exit is the hand-written call.
#[inline(never)]
pub fn body_inline(cx: &mut BCx<'_>, n: usize) -> u64 {
    let v = n as u64;
    let mut f = cx.enter_inline::<_, 1>();
    f.defer::<0>(Leaf(move |c: &mut u64| work(c, v)));
    cx.exit_inline(f);
    *cx.env()
}

/// One defer through the chain: a pooled record, linked, popped and called
/// through its vtable at exit.
#[inline(never)]
pub fn body_chain(cx: &mut BCx<'_>, n: usize) -> u64 {
    let v = n as u64;
    let f = cx.enter();
    cx.defer(move |cx| {
        work(cx.env(), v);
        Ok(())
    });
    let r = cx.exit(f);
    *cx.env() + ok_bit(r)
}

/// One `scopeguard` guard: the Rust idiom for "run this at scope exit".
#[inline(never)]
pub fn body_scopeguard(cx: &mut BCx<'_>, n: usize) -> u64 {
    let v = n as u64;
    {
        let _g = scopeguard::guard(&mut *cx.env(), move |c| work(c, v));
    }
    *cx.env()
}

// ---------------------------------------------------------------------------
// The loop: n deferred calls in one frame.
// ---------------------------------------------------------------------------

/// Baseline: the n calls written by hand.
#[inline(never)]
pub fn loop_hand(cx: &mut BCx<'_>, n: usize) -> u64 {
    let c = cx.env();
    for i in 0..n {
        work(c, i as u64);
    }
    *c
}

/// n defers in a loop through the chain, run LIFO at the frame's exit.
#[inline(never)]
pub fn loop_chain(cx: &mut BCx<'_>, n: usize) -> u64 {
    let f = cx.enter();
    for i in 0..n {
        let v = i as u64;
        cx.defer(move |cx| {
            work(cx.env(), v);
            Ok(())
        });
    }
    let r = cx.exit(f);
    *cx.env() + ok_bit(r)
}

/// [`loop_chain`] with two `defer` sites in the loop body, used in turn:
/// records of two closure types alternate, so every record is a run of one
/// and the exit dispatches each through its vtable — the case the run loop
/// (`Cx::exit`'s `run` shim) does not batch. The same `work` calls as
/// `loop_chain`.
#[inline(never)]
pub fn loop_chain_mixed(cx: &mut BCx<'_>, n: usize) -> u64 {
    let f = cx.enter();
    for i in 0..n {
        let v = i as u64;
        if i % 2 == 0 {
            cx.defer(move |cx| {
                work(cx.env(), v);
                Ok(())
            });
        } else {
            cx.defer(move |cx| {
                work(cx.env(), v);
                Ok(())
            });
        }
    }
    let r = cx.exit(f);
    *cx.env() + ok_bit(r)
}

/// A boxed deferred call of the naive baseline.
pub type BoxedCall = Box<dyn FnOnce(&mut u64)>;

/// The naive Rust version: a `Vec<Box<dyn FnOnce>>` grown from empty, run
/// from the back. One allocation per defer plus the vector's growth.
#[inline(never)]
pub fn loop_naive(cx: &mut BCx<'_>, n: usize) -> u64 {
    let c = cx.env();
    let mut v: Vec<BoxedCall> = Vec::new();
    for i in 0..n {
        let x = i as u64;
        v.push(Box::new(move |c: &mut u64| work(c, x)));
    }
    while let Some(f) = v.pop() {
        f(c);
    }
    *c
}

// ---------------------------------------------------------------------------
// Panics: panic + recover on the embedded (no-unwind) path.
// ---------------------------------------------------------------------------

/// One frame of the panic chain, `d` frames above the one that panics
/// (`d == 1` panics). Each frame defers one call; the outermost one
/// (`d == top`) recovers. Returns whether the frame returned normally.
#[inline(never)]
fn panic_level(cx: &mut BCx<'_>, d: usize, top: usize) -> Result<Option<()>, Unwind> {
    cx.call(|cx| {
        if d == top {
            cx.defer(|cx| {
                let r = cx.recover().is_some();
                work(cx.env(), r as u64);
                Ok(())
            });
        } else {
            cx.defer(|cx| {
                work(cx.env(), 1);
                Ok(())
            });
        }
        if d == 1 {
            return Err(cx.panic("boom"));
        }
        panic_level(cx, d - 1, top).map(|_| ())
    })
}

/// `panic` in the innermost of `n` nested frames (each with one deferred
/// call), recovered by the outermost frame's deferred call.
#[inline(never)]
pub fn panic_recover(cx: &mut BCx<'_>, n: usize) -> u64 {
    let r = panic_level(cx, n, n);
    // Recovered: the outermost frame returned normally, without a value.
    let bit = matches!(r, Ok(None)) as u64;
    *cx.env() + bit
}

/// One frame of the hand-written equivalent: an error returned up `d`
/// frames, each calling `work` on its way out, the outermost handling it.
#[inline(never)]
fn error_level(c: &mut u64, d: usize, top: usize) -> Result<(), &'static str> {
    let r = if d == 1 {
        Err(black_box("boom"))
    } else {
        error_level(c, d - 1, top)
    };
    if d == top {
        work(c, r.is_err() as u64);
        return Ok(());
    }
    work(c, 1);
    r
}

/// Baseline for the panic benches: an error value returned by hand through
/// `n` frames, each doing its `work` on the way out, handled by the
/// outermost.
#[inline(never)]
pub fn panic_hand(cx: &mut BCx<'_>, n: usize) -> u64 {
    let c = cx.env();
    let r = error_level(c, n, n);
    *c + r.is_ok() as u64
}

/// Every kernel by name, for the runner and the tests.
pub const KERNELS: &[(&str, Kernel)] = &[
    ("body_hand", body_hand),
    ("body_open", body_open),
    ("body_leaf", body_leaf),
    ("body_inline", body_inline),
    ("body_chain", body_chain),
    ("body_scopeguard", body_scopeguard),
    ("loop_hand", loop_hand),
    ("loop_chain", loop_chain),
    ("loop_naive", loop_naive),
    ("panic_recover", panic_recover),
    ("panic_hand", panic_hand),
];

#[cfg(test)]
mod tests {
    use super::*;

    /// Every kernel does the same `work` and returns what it promises: the
    /// counter, plus 1 where it folds in an engine `Outcome` that must be
    /// `Ok` (so a kernel whose frame failed, or that skipped its deferred
    /// calls, or whose result the optimiser could drop unseen, fails here).
    #[test]
    fn kernels_do_the_same_work() {
        // (kernel, name, whether its result carries the Outcome bit)
        let loops: [(Kernel, &str, u64); 4] = [
            (loop_hand, "loop_hand", 0),
            (loop_chain, "loop_chain", 1),
            (loop_chain_mixed, "loop_chain_mixed", 1),
            (loop_naive, "loop_naive", 0),
        ];
        for n in [0usize, 1, 16, 1024, 65536] {
            let expect: u64 = (0..n as u64).sum();
            for (k, name, ok) in loops {
                let mut fx = Fixture::new(n);
                let r = fx.run(k);
                assert_eq!(fx.env, expect, "{name}, n = {n}: the work done");
                assert_eq!(r, expect + ok, "{name}, n = {n}: the result");
                // The same fixture again (steady state: records recycled).
                let r = fx.run(k);
                assert_eq!(fx.env, 2 * expect, "{name}, n = {n}: the work done twice");
                assert_eq!(r, 2 * expect + ok, "{name}, n = {n}: the second result");
                assert_eq!(fx.task.depth(), 0, "{name}: frames left");
                assert!(!fx.task.is_unwinding(), "{name}");
            }
        }
        let bodies: [(Kernel, &str, u64); 6] = [
            (body_hand, "body_hand", 0),
            (body_open, "body_open", 1),
            (body_leaf, "body_leaf", 1),
            (body_inline, "body_inline", 0),
            (body_chain, "body_chain", 1),
            (body_scopeguard, "body_scopeguard", 0),
        ];
        for (k, name, ok) in bodies {
            let mut fx = Fixture::new(7);
            let r = fx.run(k);
            assert_eq!(fx.env, 7, "{name}: the work done");
            assert_eq!(r, 7 + ok, "{name}: the result");
            assert_eq!(fx.task.depth(), 0, "{name}: frames left");
        }
        for d in [1usize, 2, 16] {
            for k in [panic_recover as Kernel, panic_hand] {
                let mut fx = Fixture::new(d);
                let r = fx.run(k);
                assert_eq!(fx.env, d as u64, "depth {d}");
                assert_eq!(r, d as u64 + 1, "depth {d}: recovered");
                assert!(!fx.task.is_unwinding());
                assert_eq!(fx.task.depth(), 0);
            }
        }
    }
}
