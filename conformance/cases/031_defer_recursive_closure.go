// rule: A5, A4
package main

import "fmt"

func main() {
	var fact func(int) int
	depth := 0
	fact = func(n int) int {
		depth++
		defer func() { depth-- }()
		defer fmt.Println("fact leave", n, "depth at defer time", depth)
		if n <= 1 {
			return 1
		}
		return n * fact(n-1)
	}
	fmt.Println("fact(4) =", fact(4))
	fmt.Println("depth after =", depth)
}
