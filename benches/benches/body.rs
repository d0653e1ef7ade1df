//! The body: one deferred call at a function's exit, four ways.
//!
//! Each bench measures one call of its kernel on a warmed fixture (pool,
//! worker, task made and the kernel run twice in the setup, outside the
//! measured region; the fixture is returned so it is dropped outside too).
use std::hint::black_box;

use deferrt_benches::{body_chain, body_hand, body_open, body_scopeguard, Fixture, Kernel};
use gungraun::prelude::*;

/// The value every body defer captures.
const V: usize = 7;

fn warm(kernel: Kernel) -> Box<Fixture> {
    Box::new(Fixture::warmed(kernel, V, 2))
}
fn setup_hand() -> Box<Fixture> {
    warm(body_hand)
}
fn setup_open() -> Box<Fixture> {
    warm(body_open)
}
fn setup_chain() -> Box<Fixture> {
    warm(body_chain)
}
fn setup_scopeguard() -> Box<Fixture> {
    warm(body_scopeguard)
}

#[library_benchmark]
#[bench::n1(setup = setup_hand)]
fn hand(mut fx: Box<Fixture>) -> (u64, Box<Fixture>) {
    (black_box(fx.run(body_hand)), fx)
}

#[library_benchmark]
#[bench::n1(setup = setup_open)]
fn open(mut fx: Box<Fixture>) -> (u64, Box<Fixture>) {
    (black_box(fx.run(body_open)), fx)
}

#[library_benchmark]
#[bench::n1(setup = setup_chain)]
fn chain(mut fx: Box<Fixture>) -> (u64, Box<Fixture>) {
    (black_box(fx.run(body_chain)), fx)
}

#[library_benchmark]
#[bench::n1(setup = setup_scopeguard)]
fn scopeguard(mut fx: Box<Fixture>) -> (u64, Box<Fixture>) {
    (black_box(fx.run(body_scopeguard)), fx)
}

library_benchmark_group!(name = body, benchmarks = [hand, open, chain, scopeguard]);
main!(library_benchmark_groups = body);
