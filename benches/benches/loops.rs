//! The loop: n deferred calls in one frame, three ways, n = 1 .. 65536.
//!
//! The setup makes the fixture and runs the kernel three times with the
//! same n, so every record the chain needs has been carved and the worker
//! cache is in its steady state; none of that is measured.
//!
//! The std shim rows (`shim_hand`, `shim`) measure one `deferrt::go`
//! running the kernel, warmed three times in the setup; `shim - shim_hand`
//! cancels the goroutine (see `body.rs`).
use std::hint::black_box;

use deferrt_benches::shim::{in_go, macro_loop, shim_loop, shim_loop_hand, ShimKernel};
use deferrt_benches::{loop_chain, loop_chain_mixed, loop_hand, loop_naive, Fixture};
use gungraun::prelude::*;

fn setup_hand(n: usize) -> Box<Fixture> {
    Box::new(Fixture::warmed(loop_hand, n, 3))
}
fn setup_chain(n: usize) -> Box<Fixture> {
    Box::new(Fixture::warmed(loop_chain, n, 3))
}
fn setup_chain_mixed(n: usize) -> Box<Fixture> {
    Box::new(Fixture::warmed(loop_chain_mixed, n, 3))
}
fn setup_naive(n: usize) -> Box<Fixture> {
    Box::new(Fixture::warmed(loop_naive, n, 3))
}

#[library_benchmark]
#[benches::n(args = [1, 16, 1024, 65536], setup = setup_hand)]
fn hand(mut fx: Box<Fixture>) -> (u64, Box<Fixture>) {
    (black_box(fx.run(loop_hand)), fx)
}

#[library_benchmark]
#[benches::n(args = [1, 16, 1024, 65536], setup = setup_chain)]
fn chain(mut fx: Box<Fixture>) -> (u64, Box<Fixture>) {
    (black_box(fx.run(loop_chain)), fx)
}

// Two closure types in turn (`loop_chain_mixed`): every record is a run of
// one, dispatched by the exit's generic loop.
#[library_benchmark]
#[benches::n(args = [16, 1024], setup = setup_chain_mixed)]
fn chain_mixed(mut fx: Box<Fixture>) -> (u64, Box<Fixture>) {
    (black_box(fx.run(loop_chain_mixed)), fx)
}

#[library_benchmark]
#[benches::n(args = [1, 16, 1024, 65536], setup = setup_naive)]
fn naive(mut fx: Box<Fixture>) -> (u64, Box<Fixture>) {
    (black_box(fx.run(loop_naive)), fx)
}

fn warm_shim(kernel: ShimKernel, n: usize) -> usize {
    for _ in 0..3 {
        black_box(in_go(kernel, n));
    }
    n
}
fn setup_shim_hand(n: usize) -> usize {
    warm_shim(shim_loop_hand, n)
}
fn setup_shim(n: usize) -> usize {
    warm_shim(shim_loop, n)
}
fn setup_shim_macro(n: usize) -> usize {
    warm_shim(macro_loop, n)
}

#[library_benchmark]
#[benches::n(args = [1, 16, 1024, 65536], setup = setup_shim_hand)]
fn shim_hand(n: usize) -> u64 {
    black_box(in_go(shim_loop_hand, n))
}

#[library_benchmark]
#[benches::n(args = [1, 16, 1024, 65536], setup = setup_shim)]
fn shim(n: usize) -> u64 {
    black_box(in_go(shim_loop, n))
}

// The same loop through the macro: `defer! {}` in a loop (chain tier, no
// catch: a landing pad).
#[library_benchmark]
#[benches::n(args = [1, 16, 1024, 65536], setup = setup_shim_macro)]
fn shim_macro(n: usize) -> u64 {
    black_box(in_go(macro_loop, n))
}

library_benchmark_group!(
    name = loops,
    benchmarks = [hand, chain, chain_mixed, naive, shim_hand, shim, shim_macro]
);
main!(library_benchmark_groups = loops);
