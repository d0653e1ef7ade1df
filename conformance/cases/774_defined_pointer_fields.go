package main

import "fmt"

// Defined pointer types (type PN *node): x.f selects the base's fields
// (promoted ones too) for reading, assigning, op-assigning and taking
// addresses; a nil one panics at the selection, recovered by a deferred
// call.

type node struct {
	val  int
	next *node
	ch   chan int
}

func (n *node) Get() int { return n.val }

type PN *node

type Outer struct {
	node
	tag string
}

type PO *Outer

func main() {
	var p PN = &node{val: 1}
	p.val = 5
	p.next = &node{val: 7}
	p.ch = make(chan int, 1)
	p.ch <- 3
	q := &p.val
	*q += 1
	p.val++
	fmt.Println(p.val, p.next.val, <-p.ch, (*p).Get())
	o := PO(&Outer{node{val: 2}, "t"})
	o.val *= 10
	o.tag += "!"
	fmt.Println(o.val, o.tag, o.node.val)
	defer func() { fmt.Println("recovered:", recover()) }()
	var z PN
	fmt.Println(z.val)
}
