// rule: B3, C4; issue9 pointers (&x, *p, new, field through pointer) and nil dereference recovered as runtime.Error
package main

import (
	"fmt"
	"runtime"
)

type S struct{ a, b int }

func deref(p *int) (v int, msg string) {
	defer func() {
		if r := recover(); r != nil {
			msg = r.(runtime.Error).Error()
		}
	}()
	return *p, "ok"
}

func main() {
	x := 5
	p := &x
	*p = 6
	q := new(int)
	*q = x * 2
	fmt.Println(x, *q)
	fmt.Println(deref(p))
	fmt.Println(deref(nil))
	s := &S{1, 2}
	s.b = 3
	ps := &s.a
	*ps = 10
	fmt.Println(*s)
	var n *S
	func() {
		defer func() { fmt.Println("field write:", recover()) }()
		n.a = 1
	}()
	func() {
		defer func() { fmt.Println("struct copy:", recover()) }()
		v := *n
		fmt.Println(v)
	}()
}
