// rule: A8, A5, B1
package main

import "fmt"

func f() {
	var nilf func()
	defer func() {
		fmt.Println("outermost defer recovered:", recover())
	}()
	defer fmt.Println("defer 2 (before nil)")
	defer nilf()
	defer fmt.Println("defer 4 (after nil)")
	defer fmt.Println("defer 5 (after nil)")
	fmt.Println("body done")
}

func main() {
	f()
	fmt.Println("main continues")
}
