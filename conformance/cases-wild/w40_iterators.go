// rule: issue9 (wild) Go 1.23 iterators (iter.Seq) with defer in the loop body, slices and maps helpers
package main

import (
	"fmt"
	"iter"
	"maps"
	"slices"
	"strings"
)

func Count(n int) iter.Seq[int] {
	return func(yield func(int) bool) {
		defer fmt.Println("  iterator Count done")
		for i := range n {
			if !yield(i) {
				fmt.Println("  consumer stopped at", i)
				return
			}
		}
	}
}

func Lines(s string) iter.Seq2[int, string] {
	return func(yield func(int, string) bool) {
		for i, l := range strings.Split(s, "\n") {
			if !yield(i+1, l) {
				return
			}
		}
	}
}

func firstOver(limit int) (found int) {
	defer fmt.Println("firstOver returns")
	for v := range Count(10) {
		defer fmt.Println("  deferred from loop body, v =", v)
		if v*v > limit {
			return v
		}
	}
	return -1
}

func sumWithPanic() (total int, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("recovered: %v", r)
		}
	}()
	for v := range Count(5) {
		if v == 3 {
			panic(fmt.Sprint("bad value ", v))
		}
		total += v
	}
	return total, nil
}

func main() {
	fmt.Println(firstOver(5))
	fmt.Println(sumWithPanic())
	for n, l := range Lines("alpha\nbeta\ngamma") {
		if n == 3 {
			break
		}
		fmt.Printf("%d:%s ", n, l)
	}
	fmt.Println()
	ages := map[string]int{"bob": 31, "alice": 29, "carol": 40}
	keys := slices.Sorted(maps.Keys(ages))
	fmt.Println(keys)
	vals := slices.Collect(maps.Values(ages))
	slices.Sort(vals)
	fmt.Println(vals, slices.Max(vals), slices.Index(vals, 31), slices.Contains(keys, "dave"))
	xs := []int{3, 1, 4, 1, 5, 9, 2, 6}
	ys := slices.Clone(xs)
	slices.SortFunc(ys, func(a, b int) int { return b - a })
	fmt.Println(xs, ys, slices.Compact(slices.Sorted(slices.Values(xs))))
	for i, v := range slices.Backward([]string{"x", "y", "z"}) {
		fmt.Print(i, v, " ")
	}
	fmt.Println()
}
