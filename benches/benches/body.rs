//! The body: one deferred call at a function's exit, five ways on the
//! engine, plus the std shim.
//!
//! Each engine bench measures one call of its kernel on a warmed fixture
//! (pool, worker, task made and the kernel run twice in the setup, outside
//! the measured region; the fixture is returned so it is dropped outside
//! too).
//!
//! The std shim owns its task, which lives only inside a `deferrt::go`, so
//! a `go` scope cannot be kept open from the setup across the measured
//! call: each shim bench measures one `deferrt::go` running the kernel
//! (`in_go`), the setup runs it three times first (the thread-local worker
//! is made and warm), `shim_hand` runs the hand-written work the same way
//! so that `shim - shim_hand` cancels the goroutine, and `go_empty` is the
//! goroutine's own cost.
use std::hint::black_box;

use deferrt_benches::shim::{self as ds, in_go, ShimKernel};
use deferrt_benches::{
    body_chain, body_hand, body_inline, body_leaf, body_open, body_scopeguard, Fixture, Kernel,
};
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
fn setup_leaf() -> Box<Fixture> {
    warm(body_leaf)
}
fn setup_inline() -> Box<Fixture> {
    warm(body_inline)
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
#[bench::n1(setup = setup_leaf)]
fn leaf(mut fx: Box<Fixture>) -> (u64, Box<Fixture>) {
    (black_box(fx.run(body_leaf)), fx)
}

#[library_benchmark]
#[bench::n1(setup = setup_inline)]
fn inline(mut fx: Box<Fixture>) -> (u64, Box<Fixture>) {
    (black_box(fx.run(body_inline)), fx)
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

fn warm_shim(kernel: ShimKernel) -> usize {
    for _ in 0..3 {
        black_box(in_go(kernel, V));
    }
    V
}
fn setup_shim_hand() -> usize {
    warm_shim(ds::shim_body_hand)
}
fn setup_shim() -> usize {
    warm_shim(ds::shim_body)
}
fn setup_shim_macro() -> usize {
    warm_shim(ds::macro_body)
}
fn setup_shim_hand_ptr() -> usize {
    warm_shim(ds::shim_body_hand_ptr)
}
fn setup_shim_macro_inline() -> usize {
    warm_shim(ds::macro_body_inline)
}
fn setup_go_empty() -> usize {
    for _ in 0..3 {
        black_box(ds::go_empty(V));
    }
    V
}

#[library_benchmark]
#[bench::n1(setup = setup_shim_hand)]
fn shim_hand(n: usize) -> u64 {
    black_box(in_go(ds::shim_body_hand, n))
}

#[library_benchmark]
#[bench::n1(setup = setup_shim)]
fn shim(n: usize) -> u64 {
    black_box(in_go(ds::shim_body, n))
}

// One `#[deferrt::func]` with one `defer! { }` (open tier, landing pad).
#[library_benchmark]
#[bench::n1(setup = setup_shim_macro)]
fn shim_macro(n: usize) -> u64 {
    black_box(in_go(ds::macro_body, n))
}

// The inline tier's twin rows: `*p += v` by hand, and one
// `#[deferrt::func]` whose `defer! { unsafe { *p += v; } }` qualifies for the
// inline tier (no frame, the block called after the body).
#[library_benchmark]
#[bench::n1(setup = setup_shim_hand_ptr)]
fn shim_hand_ptr(n: usize) -> u64 {
    black_box(in_go(ds::shim_body_hand_ptr, n))
}

#[library_benchmark]
#[bench::n1(setup = setup_shim_macro_inline)]
fn shim_macro_inline(n: usize) -> u64 {
    black_box(in_go(ds::macro_body_inline, n))
}

#[library_benchmark]
#[bench::n1(setup = setup_go_empty)]
fn go_empty(n: usize) -> u64 {
    black_box(ds::go_empty(n))
}

library_benchmark_group!(
    name = body,
    benchmarks = [
        hand,
        open,
        leaf,
        inline,
        chain,
        scopeguard,
        shim_hand,
        shim,
        shim_macro,
        shim_hand_ptr,
        shim_macro_inline,
        go_empty
    ]
);
main!(library_benchmark_groups = body);
