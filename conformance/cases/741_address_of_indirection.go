// rule: &*p evaluates the indirection *p, so a nil p panics there (Go's nil
// check), although the result is p itself; for a non-nil p, &*p == p. The
// panic is the nil dereference a deferred recover sees as a runtime.Error.
package main

import (
	"fmt"
	"runtime"
)

type Node struct {
	val  int
	next *Node
}

func try(name string, f func()) {
	defer func() {
		r := recover()
		_, isRuntime := r.(runtime.Error)
		fmt.Println(name, "panicked:", r != nil, isRuntime)
	}()
	f()
}

func main() {
	n := &Node{val: 1}
	q := &*n
	q.val = 2
	fmt.Println(q == n, n.val)

	var nilNode *Node
	var nilInt *int
	var nilArr *[4]int
	try("&*nilNode", func() { _ = &*nilNode })
	try("&*nilInt", func() { fmt.Println(&*nilInt) })
	try("&*nilArr", func() { _ = &*nilArr })
	try("&nilNode.next", func() { _ = &nilNode.next })
	try("&*n", func() { _ = &*n })
}
