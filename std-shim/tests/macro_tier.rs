//! The tier `#[deferrt::func]` picks, per function, as gc decides open-coding:
//! at most 8 `defer!`, none in a loop (or closure), returns x defers <= 15 →
//! an open frame (no chain record); otherwise the chain. The deferred calls
//! see the same thing either way (see macro_go.rs for the equality of results
//! against Go); here the choice itself is observed: open-frame slots are not
//! chain records, so `deferrt::pending_records()` tells them apart.

use deferrt::{defer, go, pending_records};

/// Every record back in this test thread's pool.
fn accounted() {
    let a = deferrt::pool_accounting();
    assert_eq!(a.carved, a.free, "records not accounted for: {a:?}");
}

fn noop() {}

#[deferrt::func]
fn one_defer() -> usize {
    defer!(noop());
    pending_records()
}

#[deferrt::func]
fn eight_defers_in_branches(c: bool) -> usize {
    defer!(noop());
    defer!(noop());
    if c {
        defer!(noop());
        defer!(noop());
    } else {
        defer! { noop(); }
    }
    {
        defer!(noop());
        defer!(noop());
        defer!(noop());
    }
    pending_records()
}

#[deferrt::func]
fn nine_defers() -> usize {
    defer!(noop());
    defer!(noop());
    defer!(noop());
    defer!(noop());
    defer!(noop());
    defer!(noop());
    defer!(noop());
    defer!(noop());
    defer!(noop());
    pending_records()
}

#[deferrt::func]
fn defer_in_a_loop() -> usize {
    for _ in 0..2 {
        defer!(noop());
    }
    pending_records()
}

#[deferrt::func]
fn defer_in_a_while_loop() -> usize {
    let mut i = 0;
    while i < 1 {
        defer!(noop());
        i += 1;
    }
    pending_records()
}

#[deferrt::func]
fn defer_in_a_closure() -> usize {
    let f = || defer!(noop());
    f();
    pending_records()
}

#[deferrt::func]
#[allow(clippy::needless_return)]
fn many_returns(n: u32) -> usize {
    defer!(noop());
    defer!(noop());
    // 7 `return`s + the end of the body, times 2 defers: 16 > 15.
    match n {
        0 => return pending_records(),
        1 => return pending_records(),
        2 => return pending_records(),
        3 => return pending_records(),
        4 => return pending_records(),
        5 => return pending_records(),
        6 => return pending_records(),
        _ => {}
    }
    pending_records()
}

#[deferrt::func]
fn few_returns(n: u32) -> usize {
    defer!(noop());
    defer!(noop());
    if n == 0 {
        return pending_records();
    }
    pending_records()
}

#[deferrt::func(tier = chain)]
fn forced_chain() -> usize {
    defer!(noop());
    pending_records()
}

#[deferrt::func(tier = open)]
fn forced_open() -> usize {
    defer!(noop());
    defer!(noop());
    pending_records()
}

#[deferrt::func]
fn defers_inside_a_deferred_block_are_the_calls_own() -> usize {
    defer! {
        // The deferred call's own frame: always the chain.
        defer!(noop());
    }
    pending_records()
}

#[deferrt::func]
fn mixing_the_function_form() -> usize {
    defer!(noop());
    defer(noop); // a chain record on the open frame
    pending_records()
}

#[test]
fn the_tier_is_chosen_per_function_as_gc_would() {
    let r = go(|| {
        [
            ("one_defer", one_defer(), 0),
            (
                "eight_defers_in_branches",
                eight_defers_in_branches(true),
                0,
            ),
            (
                "eight_defers_in_branches(false)",
                eight_defers_in_branches(false),
                0,
            ),
            ("nine_defers", nine_defers(), 9),
            ("defer_in_a_loop", defer_in_a_loop(), 2),
            ("defer_in_a_while_loop", defer_in_a_while_loop(), 1),
            ("defer_in_a_closure", defer_in_a_closure(), 1),
            ("many_returns", many_returns(9), 2),
            ("many_returns(0)", many_returns(0), 2),
            ("few_returns", few_returns(0), 0),
            ("forced_chain", forced_chain(), 1),
            ("forced_open", forced_open(), 0),
            (
                "defers_inside_a_deferred_block",
                defers_inside_a_deferred_block_are_the_calls_own(),
                0,
            ),
            ("mixing_the_function_form", mixing_the_function_form(), 1),
        ]
        .map(|(name, got, want)| (name, got, want))
    });
    for (name, got, want) in r.unwrap().unwrap() {
        assert_eq!(got, want, "{name}: chain records while the body runs");
    }
    // Every record came back: nothing left pending after the goroutine.
    assert_eq!(go(pending_records), Ok(Some(0)));
    accounted();
}
