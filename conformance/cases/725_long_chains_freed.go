// rule: freeing a long chain of heap objects (a linked list of pointers, a
// chain of interface values, a recovered panic value holding a list) is not
// a recursion in the interpreter: Go frees them at the collector's leisure,
// and the program goes on (peano-style programs build chains of 100 000s).
package main

import "fmt"

type node struct {
	next *node
	val  int
}

type cons struct {
	tail any
}

const n = 300000

func build(k int) *node {
	var head *node
	for i := 0; i < k; i++ {
		head = &node{head, i}
	}
	return head
}

func length(p *node) int {
	c := 0
	for ; p != nil; p = p.next {
		c++
	}
	return c
}

func main() {
	defer fmt.Println("main's deferred call runs last")
	head := build(n)
	fmt.Println("list:", length(head), head.val)
	head = nil
	fmt.Println("list dropped:", head == nil)

	var l any
	for i := 0; i < n; i++ {
		l = cons{l}
	}
	depth := 0
	for c, ok := l.(cons); ok; c, ok = c.tail.(cons) {
		depth++
	}
	fmt.Println("interface chain:", depth)
	l = nil

	func() {
		defer func() {
			r := recover()
			fmt.Println("recovered a list of", length(r.(*node)))
		}()
		panic(build(n))
	}()
	m := map[int]*node{1: build(n)}
	delete(m, 1)
	fmt.Println("map entry deleted:", len(m))
}
