// rule: A9, C5
package main

import "fmt"

func f() (n int) {
	defer func() {
		fmt.Println("recovered:", recover())
		fmt.Println("n at recovery =", n)
	}()
	msg := "deferred panic"
	defer panic(msg)
	msg = "changed later"
	fmt.Println("body runs to completion")
	return 3
}

func main() {
	fmt.Println("f() =", f())
}
