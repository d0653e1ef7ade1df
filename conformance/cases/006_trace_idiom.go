// rule: A2, A5
package main

import "fmt"

func trace(name string) func() {
	fmt.Println("enter", name)
	return func() { fmt.Println("leave", name) }
}

func inner() {
	defer trace("inner")()
	fmt.Println("in inner")
}

func outer() {
	defer trace("outer")()
	fmt.Println("in outer before")
	inner()
	fmt.Println("in outer after")
}

func main() {
	defer trace("main")()
	outer()
}
