package main

// Liveness as gc computes it decides when a finalizer may run: a local,
// parameter or temporary that is not used again no longer keeps its
// object, an argument whose variable is not used after the call is the
// callee's to keep, and a function with defers keeps its results live in
// its deferred calls, even while a panic runs them. runtime.GC blocks its
// caller while the finalizer goroutine runs what the previous collection
// queued.

import (
	"fmt"
	"runtime"
)

type Block struct {
	name string
	data [6]int64
}

var gone = map[string]bool{}

func alloc(name string) *Block {
	b := &Block{name: name}
	runtime.SetFinalizer(b, func(b *Block) { gone[b.name] = true })
	return b
}

func collect(step string, names ...string) {
	runtime.GC()
	runtime.GC()
	runtime.GC()
	s := step + ":"
	for _, n := range names {
		s += fmt.Sprintf(" %s=%v", n, gone[n])
	}
	fmt.Println(s)
}

func (b *Block) fill(v int64) {
	for i := range b.data {
		b.data[i] = v
	}
}

func sum(b *Block) int64 {
	collect("inside sum, before the last use of b", "arg")
	t := int64(0)
	for _, v := range b.data {
		t += v
	}
	collect("inside sum, after the last use of b", "arg")
	return t
}

func unused(b *Block) {
	collect("a parameter never used", "unused")
}

func kept() (r *Block) {
	r = alloc("result")
	defer func() {
		collect("a result in a deferred call during a panic", "result")
		recover()
	}()
	var p *int
	*p = 1
	return
}

func main() {
	a := alloc("local")
	a.fill(3)
	collect("while a is used later", "local")
	fmt.Println(a.data[0])
	collect("after the last use of a", "local")

	fmt.Println(sum(func() *Block { b := alloc("arg"); b.fill(2); return b }()))
	collect("after sum", "arg")

	unused(alloc("unused"))

	r := kept()
	collect("the result, still used by main", "result")
	fmt.Println(r.name)
	collect("the result after its last use", "result")

	c := alloc("captured")
	show := func() { fmt.Println(c.name) }
	collect("a captured variable, its closure used later", "captured")
	show()
	collect("after the closure's last use", "captured")

	for i := 0; i < 2; i++ {
		l := alloc(fmt.Sprint("loop", i))
		l.fill(int64(i))
	}
	collect("loop variables", "loop0", "loop1")
}
