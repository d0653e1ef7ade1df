// rule: A1, A4
package main

import "fmt"

func main() {
	x := 1
	s := "before"
	defer fmt.Println("deferred sees", x, s)
	x = 2
	s = "after"
	fmt.Println("body sees", x, s)
}
