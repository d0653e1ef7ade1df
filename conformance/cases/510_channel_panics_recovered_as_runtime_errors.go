// issue 10: send on a closed channel, close of a closed channel and close
// of a nil channel are run-time panics (runtime.Error) that recover stops
package main

import (
	"fmt"
	"runtime"
)

func try(name string, f func()) {
	defer func() {
		r := recover()
		_, isRuntime := r.(runtime.Error)
		fmt.Printf("%s: %v (runtime.Error: %t)\n", name, r, isRuntime)
	}()
	f()
}

func main() {
	c := make(chan int, 2)
	c <- 1
	close(c)
	try("send on closed", func() { c <- 2 })
	try("close of closed", func() { close(c) })
	var nilc chan int
	try("close of nil", func() { close(nilc) })
	v, ok := <-c
	fmt.Println("buffered value after close:", v, ok)
	v, ok = <-c
	fmt.Println("drained:", v, ok)
	done := make(chan bool)
	go func() {
		defer func() { done <- true }()
		try("send on closed, in a goroutine", func() { c <- 3 })
	}()
	<-done
}
