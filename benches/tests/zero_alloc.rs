//! Zero global-allocator calls per defer in steady state, counted by a
//! `#[global_allocator]`, not assumed.
//!
//! The counter is per thread, so tests running in parallel (and the test
//! harness itself) do not disturb each other's counts.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use std::hint::black_box;

use deferrt_benches::{body_chain, body_open, loop_chain, loop_naive, Fixture, Kernel};

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
