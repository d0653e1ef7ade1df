package main

// Finalizers: runtime.GC finds the objects nothing refers to any more and
// runs their finalizers on the finalizer goroutine; the finalizer receives
// the pointer as its parameter's type (the pointer type, an interface it
// implements, any), may be a method expression, and its results are
// dropped. An object a package variable still holds, or whose finalizer
// was cleared with nil, is not finalized.

import (
	"fmt"
	"runtime"
	"sort"
	"time"
)

type Res struct {
	name string
	next *Res
}

func (r *Res) Close() { done <- "method " + r.name }

func (r *Res) Name() string { return r.name }

type Named interface{ Name() string }

var done = make(chan string, 16)

func plain(name string) {
	r := &Res{name: name}
	runtime.SetFinalizer(r, func(r *Res) { done <- "plain " + r.name })
}

func withResults(name string) {
	r := &Res{name: name}
	runtime.SetFinalizer(r, func(r *Res) (int, error) {
		done <- "results " + r.name
		return 1, nil
	})
}

func viaInterface(name string) {
	r := &Res{name: name}
	runtime.SetFinalizer(r, func(n Named) { done <- "interface " + n.Name() })
}

func viaAny(name string) {
	r := &Res{name: name}
	runtime.SetFinalizer(r, func(x any) { done <- fmt.Sprintf("any %T %s", x, x.(*Res).name) })
}

func viaMethod(name string) {
	r := &Res{name: name}
	runtime.SetFinalizer(r, (*Res).Close)
}

func cleared(name string) {
	r := &Res{name: name}
	runtime.SetFinalizer(r, func(r *Res) { done <- "cleared " + r.name })
	runtime.SetFinalizer(r, nil)
}

var kept *Res

func keep(name string) {
	kept = &Res{name: name}
	runtime.SetFinalizer(kept, func(r *Res) { done <- "kept " + r.name })
}

func main() {
	plain("a")
	withResults("b")
	viaInterface("c")
	viaAny("d")
	viaMethod("e")
	cleared("f")
	keep("g")
	runtime.GC()
	var got []string
	timeout := time.After(10 * time.Second)
	for len(got) < 5 {
		select {
		case s := <-done:
			got = append(got, s)
		case <-timeout:
			fmt.Println("timeout after", got)
			return
		}
	}
	sort.Strings(got)
	for _, s := range got {
		fmt.Println(s)
	}
	runtime.GC()
	select {
	case s := <-done:
		fmt.Println("unexpected", s)
	case <-time.After(100 * time.Millisecond):
		fmt.Println("no other finalizer ran; still held:", kept.name)
	}
}
