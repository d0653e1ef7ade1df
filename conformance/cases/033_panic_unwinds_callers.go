// rule: B1, A5, E1, E6
package main

import "fmt"

func c() {
	defer fmt.Println("c defer")
	fmt.Println("c panics")
	panic("boom in c")
}

func b() {
	defer fmt.Println("b defer")
	c()
	fmt.Println("b after c: unreachable")
}

func a() {
	defer fmt.Println("a defer 1")
	defer fmt.Println("a defer 2")
	b()
	fmt.Println("a after b: unreachable")
}

func main() {
	defer fmt.Println("main defer")
	a()
	fmt.Println("main after a: unreachable")
}
