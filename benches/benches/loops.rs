//! The loop: n deferred calls in one frame, three ways, n = 1 .. 65536.
//!
//! The setup makes the fixture and runs the kernel three times with the
//! same n, so every record the chain needs has been carved and the worker
//! cache is in its steady state; none of that is measured.
use std::hint::black_box;

use deferrt_benches::{loop_chain, loop_hand, loop_naive, Fixture};
use gungraun::prelude::*;

fn setup_hand(n: usize) -> Box<Fixture> {
    Box::new(Fixture::warmed(loop_hand, n, 3))
}
fn setup_chain(n: usize) -> Box<Fixture> {
    Box::new(Fixture::warmed(loop_chain, n, 3))
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

#[library_benchmark]
#[benches::n(args = [1, 16, 1024, 65536], setup = setup_naive)]
fn naive(mut fx: Box<Fixture>) -> (u64, Box<Fixture>) {
    (black_box(fx.run(loop_naive)), fx)
}

library_benchmark_group!(name = loops, benchmarks = [hand, chain, naive]);
main!(library_benchmark_groups = loops);
