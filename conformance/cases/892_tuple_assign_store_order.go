package main

import "fmt"

// A multiple assignment evaluates the targets' index and indirection
// operands and the right-hand sides first, then stores left to right: a
// store that panics (nil map, index out of range, nil pointer) leaves the
// targets before it assigned and the ones after it untouched.

type box struct{ n int }

var total int

func run(label string, f func()) {
	defer func() {
		fmt.Println(label, "->", recover())
	}()
	f()
}

func main() {
	var nilMap map[string]int
	run("ptr then nil map", func() {
		v := 0
		p := &v
		defer func() { fmt.Println("  v =", v) }()
		*p, nilMap["a"] = 10, 20
	})
	run("field then nil map", func() {
		b := &box{}
		defer func() { fmt.Println("  b.n =", b.n) }()
		b.n, nilMap["a"] = 11, 21
	})
	run("nil map then global", func() {
		defer func() { fmt.Println("  total =", total) }()
		nilMap["a"], total = 12, 22
	})
	run("global then nil map", func() {
		defer func() { fmt.Println("  total =", total) }()
		total, nilMap["a"] = 13, 23
	})
	run("map then nil ptr field", func() {
		m := map[string]int{}
		var b *box
		defer func() { fmt.Println("  m =", m) }()
		m["x"], b.n, m["y"] = 1, 2, 3
	})
	run("slice then out of range then ptr", func() {
		s := make([]int, 2)
		var arr [3]int
		w := 0
		p := &w
		defer func() { fmt.Println("  s =", s, "arr =", arr, "w =", w) }()
		i := 7
		s[1], arr[2], s[i], *p = 4, 5, 6, 7
	})
	run("blank and interface targets", func() {
		var e any
		b := &box{}
		var arr [2]any
		e, _, b.n, arr[1] = "str", 99, 3, b.n
		fmt.Println("  ", e, b.n, arr)
	})
	run("pointer swapped before its field", func() {
		first := &box{1}
		p := first
		p, p.n = &box{2}, 30
		fmt.Println("  ", first.n, p.n)
	})
	run("swap through pointers", func() {
		a, b := &box{1}, &box{2}
		a.n, b.n = b.n, a.n
		x := []int{1, 2, 3}
		x[0], x[2], a.n = x[2], x[0], x[1]
		fmt.Println("  ", a.n, b.n, x)
	})
	run("index evaluated before store", func() {
		s := []int{0, 0, 0}
		i := 0
		b := &box{}
		i, s[i], b.n = 2, 5, i
		fmt.Println("  ", i, s, b.n)
	})
}
