package main

import (
	"fmt"
	"math/rand"
)

// math/rand's top-level functions: values in their ranges (only that is
// reproducible: Go seeds them at random and Seed does nothing), their
// types, and the panics of a non-positive bound, recovered by deferred
// calls.

func try(name string, f func()) {
	defer func() {
		fmt.Printf("%s: %v\n", name, recover())
	}()
	f()
}

func main() {
	rand.Seed(42)
	ok := true
	for i := 0; i < 1000; i++ {
		n := rand.Intn(10)
		a := rand.Int31n(3)
		b := rand.Int63n(1 << 40)
		f := rand.Float64()
		g := rand.Float32()
		if n < 0 || n >= 10 || a < 0 || a >= 3 || b < 0 || b >= 1<<40 || f < 0 || f >= 1 || g < 0 || g >= 1 {
			ok = false
		}
		if rand.Int() < 0 || rand.Int31() < 0 || rand.Int63() < 0 || rand.Intn(1) != 0 {
			ok = false
		}
	}
	x := uint64(rand.Uint32())<<32 | uint64(rand.Uint32())
	fmt.Println(ok, x == x, rand.Uint64() >= 0)
	fmt.Printf("%T %T %T %T %T %T %T\n", rand.Int(), rand.Int31(), rand.Int63(), rand.Uint32(), rand.Uint64(), rand.Float32(), rand.Float64())
	try("Intn", func() { rand.Intn(0) })
	try("Int31n", func() { rand.Int31n(-1) })
	try("Int63n", func() { rand.Int63n(-5) })
	defer fmt.Println("deferred before the crash")
	rand.Intn(-3)
}
