// rule: A1, A4; issue9 variadic functions and f(s...): a deferred f(s...) shares s's backing array
package main

import "fmt"

func sum(tag string, xs ...int) int {
	t := 0
	for _, x := range xs {
		t += x
	}
	fmt.Println(tag, len(xs), t)
	return t
}

func first(xs ...int) {
	if len(xs) > 0 {
		xs[0] = -1
	}
}

func main() {
	s := []int{1, 2, 3}
	defer sum("deferred s...:", s...)
	defer sum("deferred list:", s[0], s[1], s[2])
	defer sum("deferred none:")
	s[0] = 100
	first(s...)
	fmt.Println(s)
	first(5, 6)
	sum("direct", 1, 2)
	all := append([]any{"a"}, 1, true)
	fmt.Println(all...)
	fmt.Println(fmt.Sprint(all...), len(all))
}
