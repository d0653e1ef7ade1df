//! Panics: panic + recover on the embedded (no-unwind) path, one frame deep
//! and through 16 frames with a deferred call each, against the same error
//! returned by hand through the same frames.
use std::hint::black_box;

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

library_benchmark_group!(name = panics, benchmarks = [hand, recover]);
main!(library_benchmark_groups = panics);
