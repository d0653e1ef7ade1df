// rule: A1, A2, A5; issue9 generics: deferred calls of generic functions (explicit and inferred) evaluate arguments at the defer statement, defers in a loop of a generic function, a generic range-over-func iterator whose loop body defers to the enclosing function, and a panic through it recovered
package main

import (
	"fmt"
	"iter"
)

func Log[T any](tag string, v T) { fmt.Printf("%s: %v (%T)\n", tag, v, v) }

func Each[T any](xs []T) iter.Seq2[int, T] {
	return func(yield func(int, T) bool) {
		defer fmt.Println("iterator done")
		for i, x := range xs {
			if !yield(i, x) {
				return
			}
		}
	}
}

func Unwind[T any](xs []T) (out []T) {
	for _, x := range xs {
		defer func() { out = append(out, x) }()
	}
	return nil
}

func Visit[T comparable](xs []T, stop T) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("visit stopped: %v", r)
		}
	}()
	for i, x := range Each(xs) {
		defer Log("deferred in loop body", i)
		if x == stop {
			panic(fmt.Sprintf("found %v", x))
		}
	}
	return nil
}

func Countdown[T int | int64](n T) {
	if n == 0 {
		return
	}
	defer Log[T]("countdown", n)
	Countdown(n - 1)
}

func main() {
	x := 1
	defer Log("main deferred, x at defer", x)
	defer Log[float64]("explicit", 2)
	x = 100
	fmt.Println(Unwind([]string{"a", "b", "c"}))
	fmt.Println(Visit([]int{1, 2, 3}, 9))
	fmt.Println(Visit([]string{"p", "q", "r"}, "q"))
	Countdown(int64(3))
	f := Log[[]int]
	s := []int{1}
	defer f("slice at defer", s)
	s[0] = 42
	fmt.Println("end of main", x)
}
