//! Zero global-allocator calls per defer in steady state, counted by a
//! `#[global_allocator]`, not assumed.
//!
//! The counter is per thread, so tests running in parallel (and the test
//! harness itself) do not disturb each other's counts.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use std::hint::black_box;

use deferrt_benches::minigo;
use deferrt_benches::shim::{self as ds, in_go, ShimKernel};
use deferrt_benches::{
    body_chain, body_inline, body_leaf, body_open, loop_chain, loop_naive, Fixture, Kernel,
};

struct Counting;

thread_local! {
    static CALLS: Cell<u64> = const { Cell::new(0) };
}

fn bump() {
    let _ = CALLS.try_with(|c| c.set(c.get() + 1));
}

// SAFETY: every method forwards to `System` unchanged; counting touches only
// a const-initialised thread-local `Cell` (no allocation, no destructor).
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, l: Layout) -> *mut u8 {
        bump();
        // SAFETY: forwarded with the caller's guarantees.
        unsafe { System.alloc(l) }
    }
    unsafe fn alloc_zeroed(&self, l: Layout) -> *mut u8 {
        bump();
        // SAFETY: as above.
        unsafe { System.alloc_zeroed(l) }
    }
    unsafe fn realloc(&self, p: *mut u8, l: Layout, n: usize) -> *mut u8 {
        bump();
        // SAFETY: as above.
        unsafe { System.realloc(p, l, n) }
    }
    unsafe fn dealloc(&self, p: *mut u8, l: Layout) {
        bump();
        // SAFETY: as above.
        unsafe { System.dealloc(p, l) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

fn calls() -> u64 {
    CALLS.with(Cell::get)
}

/// Global-allocator calls (alloc, realloc, dealloc) made by `iters` runs of
/// `kernel(n)` on a fixture warmed with 10 runs.
fn steady_state_calls(kernel: Kernel, n: usize, iters: usize) -> u64 {
    let mut fx = Fixture::warmed(kernel, n, 10);
    let before = calls();
    for _ in 0..iters {
        black_box(fx.run(kernel));
    }
    let after = calls();
    drop(fx);
    after - before
}

#[test]
fn chain_frame_with_16_defers_allocates_nothing() {
    assert_eq!(steady_state_calls(loop_chain, 16, 1000), 0);
}

#[test]
fn chain_frame_past_the_worker_cache_allocates_nothing() {
    // 1024 records: the worker trades half-caches with the central pool
    // every 16 defers, still without touching the global allocator.
    assert_eq!(steady_state_calls(loop_chain, 1024, 100), 0);
}

#[test]
fn open_frame_allocates_nothing() {
    assert_eq!(steady_state_calls(body_open, 7, 1000), 0);
}

#[test]
fn open_frame_with_a_leaf_slot_allocates_nothing() {
    assert_eq!(steady_state_calls(body_leaf, 7, 1000), 0);
}

#[test]
fn inline_frame_allocates_nothing() {
    assert_eq!(steady_state_calls(body_inline, 7, 1000), 0);
}

#[test]
fn chain_body_defer_allocates_nothing() {
    assert_eq!(steady_state_calls(body_chain, 7, 1000), 0);
}

#[test]
fn the_counter_counts() {
    // The naive baseline allocates one box per defer plus the vector's
    // growth, and frees them: proof the counter sees this thread's calls.
    let c = steady_state_calls(loop_naive, 16, 10);
    assert!(c >= 10 * 2 * 16, "counted only {c} calls");
}

/// Global-allocator calls per run of `run`, after 10 warm-up runs (the
/// shim's thread-local worker is made).
fn calls_per_run(run: impl Fn() -> u64, iters: u64) -> f64 {
    for _ in 0..10 {
        black_box(run());
    }
    let before = calls();
    for _ in 0..iters {
        black_box(run());
    }
    (calls() - before) as f64 / iters as f64
}

/// Global-allocator calls per run of `in_go(kernel, n)` (one goroutine
/// each).
fn shim_calls_per_run(kernel: ShimKernel, n: usize, iters: u64) -> f64 {
    calls_per_run(|| in_go(kernel, n), iters)
}

#[test]
fn std_shim_defers_allocate_nothing() {
    // A goroutine itself, and every defer in it (the shim wraps each
    // closure in another closure; it still fits a pooled record).
    assert_eq!(calls_per_run(|| ds::go_empty(1), 100), 0.0);
    assert_eq!(shim_calls_per_run(ds::shim_body, 7, 100), 0.0);
    assert_eq!(shim_calls_per_run(ds::shim_loop, 16, 100), 0.0);
    assert_eq!(shim_calls_per_run(ds::shim_loop, 1024, 10), 0.0);
}

#[test]
fn std_shim_panics_allocate_per_frame() {
    // Counted, not zero: every `deferrt::panic` boxes its value (`Rc`) and
    // the unwind payload (`resume_unwind(Box::new(..))`), and every `func`
    // the panic passes re-throws a new box; the bare Rust rows box too.
    let d1 = shim_calls_per_run(ds::shim_panic_recover, 1, 100);
    let d16 = shim_calls_per_run(ds::shim_panic_recover, 16, 100);
    let rust1 = shim_calls_per_run(ds::rust_unwind, 1, 100);
    let rust16 = shim_calls_per_run(ds::rust_unwind, 16, 100);
    eprintln!(
        "allocator calls per panic+recover: shim depth 1 = {d1}, depth 16 = {d16}; \
         bare resume_unwind+catch_unwind depth 1 = {rust1}, depth 16 = {rust16}"
    );
    assert!(d1 > 0.0 && d16 > d1, "{d1} {d16}");
    assert!(rust1 > 0.0, "{rust1}");
}

/// Global-allocator calls of one `func(n)` in a minigo session, after 3
/// warm-up calls with the same `n` (the worker's records are there).
fn minigo_calls(s: &mut minigo_api::Session, func: &str, n: usize) -> u64 {
    for _ in 0..3 {
        let _ = s.call(func, &[n as i64]);
    }
    let before = calls();
    let r = s.call(func, &[n as i64]);
    let after = calls();
    black_box(r.ok());
    after - before
}

use ::minigo as minigo_api;

#[test]
fn minigo_defer_statement_allocates_nothing() {
    // `defer work2(i, 1)` n times, then os.Exit: the deferred calls are
    // registered (function value and two arguments evaluated and stored in
    // the record) and unwound, but do not run their bodies. The count must
    // not grow with n: zero allocator calls per defer.
    let mut s = minigo::session();
    let big = minigo_calls(&mut s, "deferThenExit", 1024);
    let small = minigo_calls(&mut s, "deferThenExit", 16);
    assert_eq!(
        big, small,
        "deferThenExit: {big} allocator calls at n = 1024, {small} at n = 16"
    );
}

#[test]
fn minigo_defer_loop_allocates_what_the_hand_loop_does() {
    // The deferred call itself runs an interpreted function (its frame's
    // variables are allocated, as for any interpreted call): a loop of n
    // defers makes exactly the allocator calls of the same n calls written
    // by hand, so the defer adds none.
    let mut s = minigo::session();
    for (d, h) in [("loopDefer", "loopHand"), ("loopDefer2", "loopHand2")] {
        for n in [16, 1024] {
            let defer = minigo_calls(&mut s, d, n);
            let hand = minigo_calls(&mut s, h, n);
            assert_eq!(
                defer, hand,
                "{d}({n}): {defer} allocator calls, {h}({n}): {hand}"
            );
        }
    }
}
