// rule: A5, A6; issue9 range-over-func: return from the loop body sets the enclosing function's results, then the iterator's and the function's defers run
package main

import (
	"fmt"
	"slices"
)

func find(xs []string, want string) (idx int, found bool) {
	defer func() { fmt.Println("find defer sees", idx, found) }()
	for i, x := range slices.All(xs) {
		defer fmt.Println("body defer", i)
		if x == want {
			return i, true
		}
	}
	return -1, false
}

func gen(yield func(int) bool) {
	defer fmt.Println("gen: defer after yield returned false")
	for i := 10; ; i++ {
		if !yield(i) {
			return
		}
	}
}

func firstOver(n int) (r int) {
	defer func() { r *= 2 }()
	for v := range gen {
		if v > n {
			return v
		}
	}
	return 0
}

func main() {
	fmt.Println(find([]string{"a", "b", "c"}, "b"))
	fmt.Println(find([]string{"a"}, "z"))
	fmt.Println(firstOver(12))
	for i, v := range slices.Backward([]int{1, 2, 3}) {
		fmt.Print(i, "=", v, " ")
	}
	fmt.Println()
}
