package main

// Range-over-func where the yield callback has a named func type (and
// the iterator too): the loop needs the underlying type of both. Defers
// in the loop body belong to the enclosing function; a panic in the body
// runs them and is recovered there.

import "fmt"

// A named type for the yield callback, and one for the iterator.
type Visit func(idx int, name string) bool
type Walker func(Visit)

type Pred func(int) bool

func names(list ...string) func(Visit) {
	return func(yield Visit) {
		defer fmt.Println("names: iterator done")
		for i, s := range list {
			if !yield(i, s) {
				return
			}
		}
	}
}

func evens(n int) Walker {
	return func(v Visit) {
		for i := 0; i < n; i += 2 {
			if !v(i, fmt.Sprint("e", i)) {
				return
			}
		}
	}
}

func count(n int) func(Pred) {
	return func(p Pred) {
		for i := range n {
			if !p(i) {
				return
			}
		}
	}
}

func collect() (out []string) {
	for i, s := range names("a", "b", "c", "d") {
		defer func() { out = append(out, fmt.Sprint("deferred ", i, s)) }()
		if i == 2 {
			break
		}
	}
	return []string{"body"}
}

func firstOdd() (r int) {
	defer func() {
		if e := recover(); e != nil {
			fmt.Println("recovered:", e)
			r = -1
		}
	}()
	for x := range count(10) {
		defer fmt.Println("defer for", x)
		if x == 3 {
			panic(fmt.Sprint("stop at ", x))
		}
	}
	return 0
}

func main() {
	fmt.Println(collect())
	for i, s := range evens(7) {
		fmt.Println(i, s)
	}
	var w Walker = evens(3)
	for i := range w {
		fmt.Println("key only", i)
	}
	fmt.Println(firstOdd())
	for range names("x") {
		fmt.Println("no vars")
	}
}
