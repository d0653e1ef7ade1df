package main

// runtime.GC returns after the finalizers it queued have run, on any
// number of Ps, unless one of them blocks: the caller then goes on, and a
// later collection waits for the rest, even a deferred one. (Only the
// finalizer goroutine writes the log while main waits in a collection, so
// the order printed does not depend on which P runs what.)

import (
	"fmt"
	"runtime"
	"sync"
)

type T struct {
	name string
	pad  [4]int64
}

var (
	ch  = make(chan string)
	mu  sync.Mutex
	log []string
)

func note(s string) {
	mu.Lock()
	log = append(log, s)
	mu.Unlock()
}

func show(step string) {
	mu.Lock()
	fmt.Println(step, log)
	log = nil
	mu.Unlock()
}

func mk(name string, block bool) {
	t := &T{name: name}
	runtime.SetFinalizer(t, func(t *T) {
		note(t.name + " starts")
		if block {
			ch <- t.name
		}
		note(t.name + " ends")
	})
}

func main() {
	mk("a", false)
	mk("b", true)
	mk("c", false)
	runtime.GC()
	show("first GC returned:")
	got := <-ch
	runtime.GC()
	show("second GC returned after receiving " + got + ":")
	mk("d", false)
	defer show("after the deferred GC:")
	defer runtime.GC()
}
