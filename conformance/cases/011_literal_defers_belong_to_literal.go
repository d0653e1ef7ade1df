// rule: A5
package main

import "fmt"

func main() {
	defer fmt.Println("main defer")
	func() {
		defer fmt.Println("literal defer 1")
		defer fmt.Println("literal defer 2")
		fmt.Println("in literal")
	}()
	fmt.Println("after literal")
	v := func(n int) int {
		defer fmt.Println("second literal defer, n =", n)
		return n * 2
	}(21)
	fmt.Println("literal returned", v)
}
