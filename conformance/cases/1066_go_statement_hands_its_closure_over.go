// A `go` statement hands its func value to the new goroutine: the
// spawning function keeps no reference to the closure, so once the
// goroutine has used a captured variable for the last time, the object
// it pointed to is unreachable even though the spawner is blocked right
// after the `go` statement (here in a receive that does not complete
// until after the goroutine's last use).

package main

import (
	"fmt"
	"runtime"
)

type Res struct{ name string }

func main() {
	finalized := make(chan string, 1)
	r := &Res{name: "captured"}
	runtime.SetFinalizer(r, func(r *Res) { finalized <- r.name })
	ready := make(chan int)
	block := make(chan bool)
	done := make(chan bool)
	go func() {
		defer close(done)
		n := len(r.name)
		ready <- n
		<-block
	}()
	<-ready
	runtime.GC()
	select {
	case name := <-finalized:
		fmt.Println("finalized", name)
	case <-done:
		fmt.Println("goroutine ended first")
	}
	close(block)
	<-done
	fmt.Println("done")
}
