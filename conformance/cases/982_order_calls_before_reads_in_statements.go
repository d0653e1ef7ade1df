package main

import "fmt"

// gc evaluates the calls of a statement before its plain reads: in a
// return list, an assignment's right-hand sides, a struct literal and the
// operands of a binary operator, a variable or field beside a call is read
// after the call ran. A named result read by a deferred call sees the
// values so assigned.

type state struct{ v int }

func (s *state) set(n int) int { s.v = n; return n }

var counter = 1

func bump(n int) int { counter = n; return n }

func pair() (state, int) {
	x := state{1}
	return x, x.set(2)
}

func named() (a, b int) {
	defer func() {
		fmt.Println("deferred sees", a, b)
		if r := recover(); r != nil {
			fmt.Println("recovered", r)
			a, b = -a, -b
		}
	}()
	a = 1
	return counter, bump(7)
}

func panicsAfterCall() (n int) {
	defer func() { fmt.Println("recovered:", recover(), "n =", n) }()
	var p *state
	n = 5
	return p.v + bump(9)
}

func main() {
	fmt.Println(pair())
	fmt.Println(named())
	fmt.Println(panicsAfterCall(), counter)

	x := state{1}
	var a state
	var b int
	a, b = x, x.set(3)
	fmt.Println(a, b)
	c, d := x, x.set(4)
	fmt.Println(c, d)
	var e, f = counter, bump(11)
	fmt.Println(e, f)

	type both struct{ A, B int }
	fmt.Println(both{x.v, x.set(5)}, both{B: x.set(6), A: x.v})

	sum := x.v + x.set(8)
	fmt.Println(sum, x.v == x.set(9))
	arr := [2]int{1, 2}
	zero := func() int { arr[0] = 10; return 0 }
	fmt.Println(arr[0]-zero(), arr[0])
	s := "a"
	tail := func() string { s = "b"; return "c" }
	fmt.Println(s + tail())
	counter = 1
	counter += bump(3)
	fmt.Println(counter)
	if x.v < x.set(20) {
		fmt.Println("compared after the call")
	}
	m := map[string]int{"first": counter, "second": bump(30)}
	fmt.Println(m)
}
