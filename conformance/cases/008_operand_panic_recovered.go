// rule: A3, B3, C4
package main

import "fmt"

func div(a int, b int) (res int) {
	defer func() {
		if r := recover(); r != nil {
			fmt.Println("recovered:", r)
			res = -1
		}
	}()
	defer fmt.Println("registered before the bad defer")
	defer fmt.Println("quotient", a/b)
	fmt.Println("all defers registered (b != 0)")
	return a / b
}

func main() {
	fmt.Println(div(10, 2))
	fmt.Println(div(1, 0))
}
