package main

// runtime.GC returns after the finalizers it queued have run, on any
// number of Ps, unless one of them blocks: the caller then goes on, and a
// later collection waits for the rest, even a deferred one.

import (
	"fmt"
	"runtime"
)

type T struct {
	name string
	pad  [4]int64
}

var ch = make(chan string)

func mk(name string, block bool) {
	t := &T{name: name}
	runtime.SetFinalizer(t, func(t *T) {
		fmt.Println("finalizer", t.name, "starts")
		if block {
			ch <- t.name
		}
		fmt.Println("finalizer", t.name, "ends")
	})
}

func main() {
	mk("a", false)
	mk("b", true)
	mk("c", false)
	runtime.GC()
	fmt.Println("GC returned")
	fmt.Println("got", <-ch)
	runtime.GC()
	fmt.Println("second GC returned")
	mk("d", false)
	defer fmt.Println("deferred after the deferred GC")
	defer runtime.GC()
}
