// gc's liveness reaches into goroutines' closures and into select: a
// variable a goroutine's closure captured is dead after the closure's
// last use of it (the closure context is not scanned for it), even while
// the goroutine is still blocked; the operands of a select are dead while
// it waits once evaluated. So runtime.GC finalizes an object that only a
// blocked goroutine's closure once used.

package main

import (
	"fmt"
	"runtime"
)

type Res struct {
	name string
	val  int
}

func main() {
	finalized := make(chan string, 4)
	fin := func(r *Res) { finalized <- r.name }

	r := &Res{name: "captured", val: 42}
	runtime.SetFinalizer(r, fin)
	ready := make(chan int)
	block := make(chan bool)
	done := make(chan bool)
	go func() {
		defer close(done)
		x := r.val
		ready <- x
		<-block
		fmt.Println("goroutine unblocked")
	}()
	fmt.Println("read", <-ready)
	runtime.GC()
	// The goroutine is blocked and still running, but its closure no
	// longer keeps r: the finalizer ran during the collection.
	select {
	case name := <-finalized:
		fmt.Println("finalized", name)
	case <-done:
		fmt.Println("goroutine ended first")
	}
	close(block)
	select {
	case <-done:
		fmt.Println("done")
	}
}
