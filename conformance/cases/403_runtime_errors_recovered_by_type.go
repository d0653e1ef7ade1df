// rule: B3, C2, C4; issue9 run-time errors are values of the runtime's types: recovered as runtime.Error and error, in a type switch, and compared
package main

import (
	"errors"
	"fmt"
	"runtime"
)

type Node struct {
	Val  int
	Next *Node
}

type Shape interface {
	Area() int
}

type Sq struct{ s int }

func (q Sq) Area() int { return q.s * q.s }

func classify(name string, f func()) {
	defer func() {
		switch r := recover().(type) {
		case nil:
			fmt.Println(name, "-> no panic")
		case runtime.Error:
			fmt.Println(name, "-> runtime.Error:", r.Error())
		case error:
			fmt.Println(name, "-> error:", r)
		case string:
			fmt.Println(name, "-> string:", r)
		default:
			fmt.Printf("%s -> %T: %v\n", name, r, r)
		}
	}()
	f()
}

var errSentinel = errors.New("sentinel")

func main() {
	var n *Node
	classify("nil deref", func() { fmt.Println(n.Val) })
	classify("nil next", func() { m := &Node{Val: 1}; fmt.Println(m.Next.Val) })
	classify("nil iface call", func() { var s Shape; fmt.Println(s.Area()) })
	classify("assert", func() { var x any = Sq{2}; fmt.Println(x.(*Sq)) })
	classify("assert iface", func() { var x any = 5; fmt.Println(x.(Shape)) })
	classify("divide", func() { a, b := 1, 0; fmt.Println(a / b) })
	classify("errors.New", func() { panic(errSentinel) })
	classify("string", func() { panic("boom") })
	classify("struct", func() { panic(Sq{3}) })
	classify("none", func() {})
	defer func() {
		r := recover()
		err, ok := r.(error)
		fmt.Println("main:", ok, err, err == errSentinel)
	}()
	panic(errSentinel)
}
