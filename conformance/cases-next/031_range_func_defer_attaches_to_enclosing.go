// rule: A5, A1; issue9 range-over-func iterators: a defer in the loop body attaches to the enclosing function, not to the yield callback
package main

import (
	"fmt"
	"iter"
)

func count(n int) iter.Seq[int] {
	return func(yield func(int) bool) {
		defer fmt.Println("iterator finished")
		for i := 0; i < n; i++ {
			fmt.Println("yield", i)
			if !yield(i) {
				fmt.Println("stopped early")
				return
			}
		}
	}
}

func loop() {
	defer fmt.Println("loop: first defer (runs last)")
	for x := range count(3) {
		defer fmt.Println("deferred in body:", x)
		fmt.Println("body", x)
	}
	fmt.Println("after the loop, no body defer has run")
}

func pairs(yield func(string, int) bool) {
	_ = yield("a", 1) && yield("b", 2) && yield("c", 3)
}

func early() {
	for k, v := range pairs {
		defer fmt.Println("early defer", k, v)
		if v == 2 {
			break
		}
	}
	fmt.Println("early: after break")
}

func main() {
	loop()
	fmt.Println("---")
	early()
	fmt.Println("---")
	for x := range count(5) {
		if x == 1 {
			break
		}
	}
}
