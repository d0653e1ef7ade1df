// rule: A5
package main

import "fmt"

func rec(n int) {
	defer fmt.Println("leave level", n)
	if n == 0 {
		fmt.Println("bottom")
		return
	}
	defer fmt.Println("second defer at level", n)
	rec(n - 1)
	fmt.Println("after call at level", n)
}

func main() {
	rec(3)
	fmt.Println("done")
}
