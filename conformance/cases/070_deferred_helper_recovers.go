// rule: C2, C4
package main

import "fmt"

func handler() {
	if r := recover(); r != nil {
		fmt.Println("handler recovered:", r)
	}
}

func direct() {
	defer handler()
	panic("direct")
}

func viaVariable() {
	h := handler
	defer h()
	panic("via variable")
}

func main() {
	direct()
	viaVariable()
	fmt.Println("main continues")
}
