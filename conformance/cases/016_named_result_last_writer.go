// rule: A6, A5
package main

import "fmt"

func f() (r int) {
	defer func() {
		fmt.Println("registered first, runs last, sees", r)
		r = r + 1000
	}()
	defer func() {
		fmt.Println("registered second, sees", r)
		r = 7
	}()
	defer func() {
		fmt.Println("registered third, runs first, sees", r)
		r = r * 3
	}()
	return 2
}

func main() {
	fmt.Println("f() =", f())
}
