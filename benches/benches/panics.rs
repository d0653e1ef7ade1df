//! Panics: panic + recover on the embedded (no-unwind) path, one frame deep
//! and through 16 frames with a deferred call each, against the same error
//! returned by hand through the same frames.
//!
//! The std shim rows measure one `deferrt::go` running the kernel (warmed
//! three times in the setup): `shim` (nested `func`s, `deferrt::panic`,
//! `deferrt::recover`), `shim_hand` (the error returned by hand), and the
//! bare Rust unwinding the shim rides on: `rust_unwind` (one
//! `resume_unwind` through the frames' landing pads, one `catch_unwind` at
//! the top) and `rust_rethrow` (`catch_unwind` + `resume_unwind` in every
//! frame, as every shim `func` does).
use std::hint::black_box;

use deferrt_benches::shim::{self as ds, in_go, ShimKernel};
use deferrt_benches::{panic_hand, panic_recover, Fixture};
use gungraun::prelude::*;

fn setup_hand(depth: usize) -> Box<Fixture> {
    Box::new(Fixture::warmed(panic_hand, depth, 3))
}
fn setup_recover(depth: usize) -> Box<Fixture> {
    Box::new(Fixture::warmed(panic_recover, depth, 3))
}

#[library_benchmark]
#[benches::depth(args = [1, 16], setup = setup_hand)]
fn hand(mut fx: Box<Fixture>) -> (u64, Box<Fixture>) {
    (black_box(fx.run(panic_hand)), fx)
}

#[library_benchmark]
#[benches::depth(args = [1, 16], setup = setup_recover)]
fn recover(mut fx: Box<Fixture>) -> (u64, Box<Fixture>) {
    (black_box(fx.run(panic_recover)), fx)
}

fn warm_shim(kernel: ShimKernel, depth: usize) -> usize {
    for _ in 0..3 {
        black_box(in_go(kernel, depth));
    }
    depth
}
fn setup_shim_hand(depth: usize) -> usize {
    warm_shim(ds::shim_panic_hand, depth)
}
fn setup_shim(depth: usize) -> usize {
    warm_shim(ds::shim_panic_recover, depth)
}
fn setup_shim_macro(depth: usize) -> usize {
    warm_shim(ds::macro_panic_recover, depth)
}
fn setup_rust_unwind(depth: usize) -> usize {
    warm_shim(ds::rust_unwind, depth)
}
fn setup_rust_rethrow(depth: usize) -> usize {
    warm_shim(ds::rust_unwind_rethrow, depth)
}

#[library_benchmark]
#[benches::depth(args = [1, 16], setup = setup_shim_hand)]
fn shim_hand(depth: usize) -> u64 {
    black_box(in_go(ds::shim_panic_hand, depth))
}

#[library_benchmark]
#[benches::depth(args = [1, 16], setup = setup_shim)]
fn shim(depth: usize) -> u64 {
    black_box(in_go(ds::shim_panic_recover, depth))
}

// Through `#[deferrt::func]` functions of which only the outermost can
// recover: one unwind, landing pads, one catch.
#[library_benchmark]
#[benches::depth(args = [1, 16], setup = setup_shim_macro)]
fn shim_macro(depth: usize) -> u64 {
    black_box(in_go(ds::macro_panic_recover, depth))
}

#[library_benchmark]
#[benches::depth(args = [1, 16], setup = setup_rust_unwind)]
fn rust_unwind(depth: usize) -> u64 {
    black_box(in_go(ds::rust_unwind, depth))
}

#[library_benchmark]
#[benches::depth(args = [1, 16], setup = setup_rust_rethrow)]
fn rust_rethrow(depth: usize) -> u64 {
    black_box(in_go(ds::rust_unwind_rethrow, depth))
}

library_benchmark_group!(
    name = panics,
    benchmarks = [
        hand,
        recover,
        shim_hand,
        shim,
        shim_macro,
        rust_unwind,
        rust_rethrow
    ]
);
main!(library_benchmark_groups = panics);
