//! The machine's defer path allocates nothing per defer in steady state
//! (issue 12): records come from the worker's cache, arguments are kept in
//! the record, and a deferred call's activation reuses the machine's
//! register and activation stacks. Its own test binary, so that the
//! counting allocator sees this test alone.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicU64, Ordering};

use minigo::{run_captured, Options, RunStatus};

struct Counting;

static ALLOCS: AtomicU64 = AtomicU64::new(0);

// SAFETY: forwards to the system allocator unchanged; only counts.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, l: Layout) -> *mut u8 {
        ALLOCS.fetch_add(1, Ordering::Relaxed);
        // SAFETY: the caller's contract is passed on as is.
        unsafe { System.alloc(l) }
    }
    unsafe fn dealloc(&self, p: *mut u8, l: Layout) {
        // SAFETY: as above.
        unsafe { System.dealloc(p, l) }
    }
    unsafe fn realloc(&self, p: *mut u8, l: Layout, n: usize) -> *mut u8 {
        ALLOCS.fetch_add(1, Ordering::Relaxed);
        // SAFETY: as above.
        unsafe { System.realloc(p, l, n) }
    }
}

#[global_allocator]
static A: Counting = Counting;

/// `f` defers a call with two arguments on the chain (a defer in a loop),
/// `g` another in an open slot; `main` calls `f` `N` times. (No function
/// literals: making a closure allocates, as it does in Go when it escapes.)
fn program(n: u32) -> String {
    format!(
        r#"package main

import "fmt"

var total int

func add(a int, b int) {{
	total += a + b
}}

func g(i int) {{
	defer add(i, 1)
}}

func f(i int) {{
	for j := 0; j < 1; j++ {{
		defer add(i, j)
	}}
	g(i)
}}

func main() {{
	for i := 0; i < {n}; i++ {{
		f(i)
	}}
	fmt.Println(total)
}}
"#
    )
}

fn allocations(n: u32, open_coded: bool) -> u64 {
    let opts = Options {
        open_coded,
        ..Options::default()
    };
    let src = program(n);
    let before = ALLOCS.load(Ordering::Relaxed);
    let r = run_captured("alloc.go", &src, &opts);
    let after = ALLOCS.load(Ordering::Relaxed);
    assert_eq!(r.status, RunStatus::Exit(0));
    let n = u64::from(n);
    let want = n * (n - 1) + n; // sum of (i + 0) + (i + 1)
    assert_eq!(String::from_utf8_lossy(&r.stdout), format!("{want}\n"));
    after - before
}

#[test]
fn interpreted_defers_allocate_nothing_per_defer() {
    for open_coded in [true, false] {
        let small = allocations(1_000, open_coded);
        let large = allocations(3_000, open_coded);
        // 4 000 more defers; a handful of extra allocations at most (a
        // pool batch, a grown buffer), never one per defer.
        eprintln!(
            "open_coded={open_coded}: {small} allocations for 1 000 calls, {large} for 3 000"
        );
        assert!(
            large.saturating_sub(small) < 40 && small > 0,
            "open_coded={open_coded}: {small} allocations for 1 000 calls, {large} for 3 000"
        );
    }
}
