// rule: C5, A6, C4
package main

import "fmt"

func f() (n int) {
	defer func() {
		fmt.Println("recovered:", recover())
		fmt.Println("n still holds", n)
	}()
	defer func() {
		panic("cleanup failed")
	}()
	return 42
}

func main() {
	fmt.Println("f() =", f())
}
