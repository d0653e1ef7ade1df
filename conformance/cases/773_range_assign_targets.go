package main

import (
	"fmt"
	"iter"
)

// for range with targets other than variables (pointees, elements, map
// entries, fields): assigned each iteration as by an assignment, their
// operands evaluated then; over arrays, slices, strings, channels, ints
// and a func iterator whose loop body defers.

type P struct{ X, Y int }

func getvar(p *int) *int { fmt.Println("getvar"); return p }

func main() {
	var r [3]int
	var seq iter.Seq2[int, string] = func(yield func(int, string) bool) {
		defer fmt.Println("iterator done")
		for k, w := range []string{"x", "y", "z"} {
			if !yield(k, w) {
				return
			}
		}
	}
	var last string
	for r[0], *&last = range seq {
		defer fmt.Println("deferred in body:", r[0], last)
		if last == "y" {
			break
		}
	}
	var i, v int
	for *getvar(&i), *getvar(&v) = range [2]int{1, 2} {
		fmt.Println(i, v)
	}
	s := make([]string, 3)
	m := map[string]int{}
	var p P
	for _, s[1] = range []string{"a", "b"} {
	}
	for p.X, m["k"] = range []int{7, 8, 9} {
		if p.X == 1 {
			continue
		}
	}
	fmt.Println(s, m, p, i, v)
	for m["c"] = range "héllo" {
	}
	ch := make(chan int, 2)
	ch <- 4
	ch <- 5
	close(ch)
	for p.Y = range ch {
	}
	for p.X = range 3 {
	}
	fmt.Println(m, p)
	defer func() { fmt.Println("recovered:", recover(), p) }()
	var q *P
	for q.X = range 2 {
	}
}
