package main

// A panic in a finalizer is a panic on the finalizer goroutine: nothing
// recovers it there, and the program crashes with it.

import (
	"fmt"
	"runtime"
	"time"
)

type T struct {
	p *int
	n int
}

func make1() {
	t := &T{n: 7}
	runtime.SetFinalizer(t, func(t *T) {
		panic(fmt.Sprintf("finalizer of %d", t.n))
	})
}

func main() {
	defer fmt.Println("main's deferred call: not run, main does not unwind")
	make1()
	runtime.GC()
	time.Sleep(10 * time.Second)
	fmt.Println("not reached")
}
