package main

// gc's order inside one argument list: the arguments that call something
// run first, the plain reads (variables, fields, elements, *p, the
// receiver of a method) happen after, so a read sees what the calls
// wrote, and a nil receiver (a nil *T for a value method, a nil
// interface) panics after the arguments' calls ran, also in defer
// statements. Slice literals follow the same order.

import "fmt"

type T struct{ n int }

func (t T) Show(a, b int) { fmt.Println("Show", t.n, a, b) }

type Shower interface{ Show(a, b int) }

func trace(s string, v int) int { fmt.Println("eval", s); return v }

func try(name string, f func()) {
	defer func() { fmt.Println(name, "->", recover()) }()
	f()
}

func pair(x, y int) { fmt.Println("pair", x, y) }

func main() {
	a := []int{1, 2}
	n := 10
	bump := func() int { a[0] += 100; n++; return 0 }
	pair(a[0], bump())
	pair(n, bump())
	pair(bump(), a[0])
	fmt.Println(n, a[0], bump(), n, a)

	t := &T{1}
	set := func(v int) int { t.n = v; return v }
	t.Show(t.n, set(5))
	v := T{1}
	setv := func() int { v.n = 9; return 0 }
	v.Show(v.n, setv())

	xs := []int{n, bump(), a[0]}
	fmt.Println(xs)
	collect := func(vals ...int) []int { return vals }
	fmt.Println(collect(n, bump(), a[0]))

	var p *T
	var s Shower
	try("nil *T, value method", func() { p.Show(trace("p arg", 1), 2) })
	try("nil interface", func() { s.Show(trace("s arg", 1), 2) })
	try("deferred nil *T", func() {
		defer p.Show(trace("deferred p arg", 1), 2)
		fmt.Println("not reached")
	})
	try("deferred nil interface", func() {
		defer s.Show(trace("deferred s arg", 1), 2)
		fmt.Println("not reached")
	})
	func() {
		defer pair(a[1], bump())
		defer fmt.Println("deferred print", n, bump())
		a[1] = -1
	}()
}
