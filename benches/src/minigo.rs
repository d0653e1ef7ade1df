//! minigo's view of a defer in a loop: the same loops as `loop_chain` and
//! `loop_hand`, written in Go and run by the minigo interpreter (which
//! embeds deferrt-core), so an embedder sees what an interpreted defer
//! costs over an interpreted call.
//!
//! The program is compiled once ([`minigo::Session`]); a kernel is one call
//! of a top-level function with `n`.

use minigo::{Func, Session};

/// The Go source minigo runs: `work` is the deferred (or hand-called)
/// function, `sink` the counter it adds to, as in `benches/go`.
pub const SRC: &str = "package main

import \"os\"

var sink int

func work(v int) { sink += v }

func work2(a, b int) { sink += a - b }

// n defers in a loop: the chain tier (a defer in a loop is never open-coded).
func loopDefer(n int) {
	for i := 0; i < n; i++ {
		defer work(i)
	}
}

// The same calls written by hand.
func loopHand(n int) {
	for i := 0; i < n; i++ {
		work(i)
	}
}

// Two arguments per deferred call.
func loopDefer2(n int) {
	for i := 0; i < n; i++ {
		defer work2(i, 1)
	}
}

func loopHand2(n int) {
	for i := 0; i < n; i++ {
		work2(i, 1)
	}
}

// n defers with two arguments each, then os.Exit: the deferred calls are
// registered and unwound but return at once (the program halted), so this
// is the defer statement's own path (no loop variable per iteration either).
func deferThenExit(n int) {
	i := 0
	for i < n {
		defer work2(i, 1)
		i++
	}
	os.Exit(0)
}

func total() int { return sink }

func main() {}
";

/// A loaded [`SRC`].
///
/// ```
/// let mut s = deferrt_benches::minigo::session();
/// deferrt_benches::minigo::run(&mut s, "loopDefer", 4);
/// assert_eq!(s.call("total", &[]).unwrap(), [6]);
/// ```
pub fn session() -> Session {
    Session::new("loops.go", SRC).expect("the benchmark program compiles")
}

/// Calls `func(n)`; panics if the program fails (it cannot).
#[inline(never)]
pub fn run(s: &mut Session, func: &str, n: usize) {
    s.call(func, &[n as i64])
        .expect("the benchmark program runs");
}

/// Calls `f(n)` (looked up once with [`Session::func`]): what the
/// wall-clock runner times.
#[inline(never)]
pub fn run_func(s: &mut Session, f: &Func, n: usize) -> u64 {
    s.call_func(f, &[n as i64])
        .expect("the benchmark program runs");
    n as u64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_interpreted_loops_do_the_same_work() {
        let mut s = session();
        for n in [1usize, 16, 1024] {
            for f in ["loopDefer", "loopHand"] {
                let before = s.call("total", &[]).unwrap()[0];
                run(&mut s, f, n);
                let after = s.call("total", &[]).unwrap()[0];
                assert_eq!(after - before, (0..n as i64).sum::<i64>(), "{f}({n})");
            }
            for f in ["loopDefer2", "loopHand2"] {
                let before = s.call("total", &[]).unwrap()[0];
                run(&mut s, f, n);
                let after = s.call("total", &[]).unwrap()[0];
                assert_eq!(
                    after - before,
                    (0..n as i64).map(|i| i - 1).sum::<i64>(),
                    "{f}({n})"
                );
            }
        }
        // The exit variant halts; its deferred calls do not run.
        let before = s.call("total", &[]).unwrap()[0];
        assert_eq!(
            s.call("deferThenExit", &[8]).unwrap_err(),
            "the program halted"
        );
        assert_eq!(s.call("total", &[]).unwrap()[0], before);
    }
}
