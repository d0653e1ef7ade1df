package main

// A refers to B and both have finalizers: a collection finalizes only A
// (B is still reachable from A); once A's finalizer has returned and A is
// gone, a later collection finalizes B. Go documents this order.

import (
	"fmt"
	"runtime"
	"time"
)

type Node struct {
	name string
	next *Node
}

var done = make(chan string, 4)

func fin(n *Node) {
	next := "nil"
	if n.next != nil {
		next = n.next.name
	}
	done <- n.name + " (next " + next + ")"
}

func build() {
	c := &Node{name: "C"}
	b := &Node{name: "B", next: c}
	a := &Node{name: "A", next: b}
	runtime.SetFinalizer(c, fin)
	runtime.SetFinalizer(b, fin)
	runtime.SetFinalizer(a, fin)
}

func main() {
	build()
	var got []string
	for i := 0; i < 100 && len(got) < 3; i++ {
		runtime.GC()
		select {
		case s := <-done:
			got = append(got, s)
		case <-time.After(100 * time.Millisecond):
		}
	}
	for _, s := range got {
		fmt.Println("finalized", s)
	}
}
