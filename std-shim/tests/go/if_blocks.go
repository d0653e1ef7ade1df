// Defers inside if branches and blocks run at function exit, LIFO (A5).
package main

import "fmt"

func f(c bool) {
	defer fmt.Println("first")
	if c {
		defer fmt.Println("in if")
		{
			defer fmt.Println("in block")
		}
	} else {
		defer fmt.Println("in else")
	}
	for i := 0; i < 3; i++ {
		defer fmt.Println("loop", i)
	}
	fmt.Println("body end")
}

func main() {
	f(true)
	f(false)
}
