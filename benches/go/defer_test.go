// Go side of the deferrt side-by-side benchmarks: the same scenarios as
// benches/src/lib.rs, so that ns/op of each can be compared in one run.
//
// Every deferred call does the same work as the Rust kernels: add a
// captured integer to a package-level counter.
package benches

import (
	"errors"
	"fmt"
	"testing"
)

var sink uint64

// work is the deferred work: add v to the counter. Like the Rust kernels'
// `work` (`#[inline(always)]`), it may be inlined into its callers (the
// deferred closures and the hand-written loops), so both sides compare the
// defer mechanism around the same inlined work. The functions that contain
// the defers stay //go:noinline, as the Rust kernels are #[inline(never)].
func work(v uint64) { sink += v }

// bodyHand: the call written by hand at the function's exit.
//
//go:noinline
func bodyHand(v uint64) {
	work(v)
}

// bodyDefer: one defer in the body, open-coded by the compiler.
//
//go:noinline
func bodyDefer(v uint64) {
	defer func() { work(v) }()
}

func BenchmarkBodyHand(b *testing.B) {
	for b.Loop() {
		bodyHand(7)
	}
}

func BenchmarkBodyDefer(b *testing.B) {
	for b.Loop() {
		bodyDefer(7)
	}
}

// loopDefer: n defers in a loop in one function (heap records from the
// per-P defer pool, one closure allocation each).
//
//go:noinline
func loopDefer(n int) {
	for i := 0; i < n; i++ {
		defer func() { work(uint64(i)) }()
	}
}

//go:noinline
func loopHand(n int) {
	for i := 0; i < n; i++ {
		work(uint64(i))
	}
}

var loopNs = []int{1, 16, 1024, 65536}

func BenchmarkLoopDefer(b *testing.B) {
	for _, n := range loopNs {
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			for b.Loop() {
				loopDefer(n)
			}
		})
	}
}

func BenchmarkLoopHand(b *testing.B) {
	for _, n := range loopNs {
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			for b.Loop() {
				loopHand(n)
			}
		})
	}
}

var errBoom = errors.New("boom")

// level: frame d of a panic chain; each frame defers one call, the
// outermost (d == top) recovers, the innermost (d == 1) panics.
//
//go:noinline
func level(d, top int) {
	defer func() {
		if d == top {
			if recover() != nil {
				work(1)
			}
		} else {
			work(1)
		}
	}()
	if d == 1 {
		panic(errBoom)
	}
	level(d-1, top)
}

func BenchmarkPanicRecover(b *testing.B) {
	for _, d := range []int{1, 16} {
		b.Run(fmt.Sprintf("depth=%d", d), func(b *testing.B) {
			for b.Loop() {
				level(d, d)
			}
		})
	}
}

func TestSameWork(t *testing.T) {
	sink = 0
	level(16, 16)
	if sink != 16 {
		t.Fatalf("panic chain did %d units of work, want 16", sink)
	}
	sink = 0
	loopDefer(4)
	if sink != 6 {
		t.Fatalf("loop did %d, want 6", sink)
	}
}
