// rule: issue9 (wild) run-time errors recovered and printed with %v and %T, checked against runtime.Error
package main

import (
	"fmt"
	"runtime"
	"strings"
)

type Shape interface{ Area() float64 }

type Rect struct{ W, H float64 }

func (r Rect) Area() float64 { return r.W * r.H }

type Node struct {
	Val  int
	Next *Node
}

func try(name string, f func()) {
	defer func() {
		r := recover()
		if err, ok := r.(runtime.Error); ok {
			fmt.Printf("%-12s %-28T %v\n", name+":", r, err)
			return
		}
		fmt.Printf("%-12s not a runtime.Error: %v\n", name+":", r)
	}()
	f()
}

func main() {
	s := []int{1, 2, 3}
	n := 5
	var head *Node
	var sh Shape
	var x any = Rect{2, 3}
	var str = "héllo"
	try("index", func() { fmt.Println(s[n]) })
	try("slice", func() { fmt.Println(s[1:n]) })
	lo, hi := 2, 1
	try("slice3", func() { fmt.Println(s[lo:hi]) })
	try("string", func() { fmt.Println(str[n+1]) })
	try("nil list", func() { fmt.Println(head.Next.Val) })
	try("nil iface", func() { fmt.Println(sh.Area()) })
	try("assert", func() { fmt.Println(x.(fmt.Stringer)) })
	try("assert2", func() { fmt.Println(x.(*Rect)) })
	try("make", func() { fmt.Println(make([]int, n-10)) })
	try("shift", func() { fmt.Println(1 << (n - 10)) })
	try("conv", func() { fmt.Println([4]int(s)) })
	try("plain", func() { panic(strings.ToUpper("not runtime")) })
}
