// rule: B3, C4; issue9 interfaces: failed type assertions with Go's exact texts, as *runtime.TypeAssertionError
package main

import (
	"fmt"
	"runtime"
)

type Shape interface{ Area() int }
type Sq struct{ s int }

func (q Sq) Area() int { return q.s * q.s }

type Named interface{ Name() string }

func try(name string, f func()) {
	defer func() {
		r := recover()
		_, rt := r.(runtime.Error)
		fmt.Printf("%s: runtime.Error=%t: %v\n", name, rt, r)
	}()
	f()
}

func main() {
	var x any = "str"
	var sh Shape = Sq{2}
	var nilShape Shape
	try("string to int", func() { _ = x.(int) })
	try("nil to string", func() { var y any; _ = y.(string) })
	try("Shape to *Sq", func() { _ = sh.(*Sq) })
	try("nil Shape to Sq", func() { _ = nilShape.(Sq) })
	try("Sq to Named", func() { _ = sh.(Named) })
	try("int to error", func() { var i any = 3; _ = i.(error) })
	try("any to Shape ok", func() { fmt.Println(any(Sq{3}).(Shape).Area()) })
	v, ok := x.(int)
	fmt.Println("comma-ok:", v, ok)
	n, ok := sh.(Named)
	fmt.Println("comma-ok:", n, ok)
}
