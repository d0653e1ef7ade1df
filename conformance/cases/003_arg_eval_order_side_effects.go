// rule: A1
package main

import "fmt"

var counter int

func next(name string) int {
	counter++
	fmt.Println("evaluating", name, "->", counter)
	return counter
}

func show(a int, b int, c int) {
	fmt.Println("deferred call got", a, b, c)
}

func main() {
	defer show(next("a"), next("b"), next("c"))
	fmt.Println("after defer statement, counter =", counter)
	defer fmt.Println("println args:", next("d"), next("e"))
	counter = 100
	fmt.Println("end of main, counter =", counter)
}
