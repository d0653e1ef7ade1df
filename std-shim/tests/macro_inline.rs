//! The inline tier of `#[deferrt::func]`: a function whose body and
//! `defer! { ... }` blocks are built of operators on its `Scalar` parameters
//! only (see the crate docs for the rule) enters no frame of the goroutine:
//! its deferred blocks run after the body as hand-written code would. Here
//! the choice is observed (an inline-tier function also runs outside `go`,
//! where every other Go function is refused), and the results are compared
//! with the same functions forced onto the open tier (`tier = open`), on the
//! normal path and when a deferred block or the body panics.

use deferrt::{defer, go, recover};
use std::panic::catch_unwind;

/// Appends digit `d` to the number at `p` (so the order of the deferred
/// blocks shows in the digits).
#[deferrt::func]
fn digits(p: *mut u64, a: u64, b: u64) -> u64 {
    defer! { unsafe { *p = *p * 10 + a; } }
    if a < b {
        defer! { unsafe { *p = *p * 10 + b; } }
    }
    a + b
}

#[deferrt::func(tier = open)]
fn digits_open(p: *mut u64, a: u64, b: u64) -> u64 {
    defer! { unsafe { *p = *p * 10 + a; } }
    if a < b {
        defer! { unsafe { *p = *p * 10 + b; } }
    }
    a + b
}

/// The second deferred block divides by `div`: zero panics (a Rust panic,
/// which becomes a Go panic); the first block still runs.
#[deferrt::func]
fn divide(p: *mut u64, div: u64) {
    defer! { unsafe { *p = *p * 10 + 7; } }
    defer! { unsafe { *p = *p * 10 + 100 / div; } }
}

#[deferrt::func(tier = open)]
fn divide_open(p: *mut u64, div: u64) {
    defer! { unsafe { *p = *p * 10 + 7; } }
    defer! { unsafe { *p = *p * 10 + 100 / div; } }
}

/// The body panics (index out of bounds) after arming a deferred block.
#[deferrt::func]
fn index(p: *mut u64, i: usize) -> u64 {
    defer! { unsafe { *p += 1; } }
    [10, 20][i]
}

#[deferrt::func(tier = open)]
fn index_open(p: *mut u64, i: usize) -> u64 {
    defer! { unsafe { *p += 1; } }
    [10, 20][i]
}

/// Same syntax, but a parameter that is not `Scalar` (its `Drop` is code
/// the function runs): the open tier.
#[deferrt::func]
fn not_scalar(_s: String, p: *mut u64) {
    defer! { unsafe { *p += 1; } }
}

/// A generic parameter is not known to be `Scalar`: the open tier.
#[deferrt::func]
fn generic<T: Copy>(_x: T, p: *mut u64) {
    defer! { unsafe { *p += 1; } }
}

/// Runs `f` in a goroutine whose outer function recovers; returns the
/// recovered value's text (if any) and `f`'s result.
fn recovered<R: 'static>(f: impl FnOnce() -> R + 'static) -> (Option<String>, Option<R>) {
    use std::{cell::RefCell, rc::Rc};
    let got = Rc::new(RefCell::new(None));
    let g = got.clone();
    let r = go(move || {
        let g = g.clone();
        deferrt::func(move || {
            defer(move || *g.borrow_mut() = recover().map(|v| v.to_string()));
            f()
        })
    });
    let a = deferrt::pool_accounting();
    assert_eq!(a.carved, a.free, "records not accounted for: {a:?}");
    let out = got.borrow_mut().take();
    (out, r.expect("recovered").flatten())
}

#[test]
fn an_inline_tier_function_runs_outside_a_goroutine() {
    let mut n = 0u64;
    assert_eq!(digits(&mut n, 1, 2), 3);
    assert_eq!(n, 21); // last-in first-out
                       // The open tier needs a goroutine: refused outside one.
    assert!(catch_unwind(|| digits_open(&mut 0, 1, 2)).is_err());
    assert!(catch_unwind(|| not_scalar(String::new(), &mut 0)).is_err());
    assert!(catch_unwind(|| generic(1u8, &mut 0)).is_err());
}

#[test]
fn the_inline_tier_gives_the_open_tiers_results() {
    for (a, b) in [(1, 2), (2, 1), (3, 3)] {
        let (mut x, mut y) = (5u64, 5u64);
        let (px, py): (*mut u64, *mut u64) = (&mut x, &mut y);
        let r = go(move || (digits(px, a, b), digits_open(py, a, b)));
        let r = r.unwrap().unwrap();
        assert_eq!(r.0, r.1);
        assert_eq!(x, y, "a = {a}, b = {b}");
    }
    let mut z = 0u64;
    let pz: *mut u64 = &mut z;
    assert_eq!(go(move || not_scalar("s".into(), pz)), Ok(Some(())));
    assert_eq!(go(move || generic(1u8, pz)), Ok(Some(())));
    assert_eq!(z, 2);
}

#[test]
fn a_deferred_block_that_panics_in_an_inline_tier_function() {
    for div in [4u64, 0] {
        let (mut x, mut y) = (0u64, 0u64);
        let (px, py): (*mut u64, *mut u64) = (&mut x, &mut y);
        let a = recovered(move || divide(px, div));
        let b = recovered(move || divide_open(py, div));
        assert_eq!(a, b, "div = {div}");
        assert_eq!(x, y, "div = {div}");
        if div == 0 {
            assert!(
                a.0.is_some(),
                "the division by zero reached recover as a Go panic"
            );
            assert_eq!(x, 7); // the other deferred block ran
        } else {
            assert_eq!((a.0, x), (None, 257));
        }
    }
}

#[test]
fn a_body_that_panics_in_an_inline_tier_function() {
    for i in [1usize, 2] {
        let (mut x, mut y) = (0u64, 0u64);
        let (px, py): (*mut u64, *mut u64) = (&mut x, &mut y);
        let a = recovered(move || index(px, i));
        let b = recovered(move || index_open(py, i));
        assert_eq!(a, b, "i = {i}");
        assert_eq!((x, y), (1, 1), "the deferred block ran once, i = {i}");
        assert_eq!(a.0.is_some(), i == 2);
    }
}

#[test]
fn outside_a_goroutine_the_panic_path_still_runs_the_deferred_blocks() {
    let mut n = 0u64;
    let p: *mut u64 = &mut n;
    assert!(catch_unwind(std::panic::AssertUnwindSafe(move || divide(p, 0))).is_err());
    assert_eq!(n, 7);
}
