// rule: A9, C2, E1
package main

import "fmt"

func f() {
	defer fmt.Println("f's other defer runs")
	defer recover()
	panic("not recovered by defer recover()")
}

func main() {
	defer fmt.Println("main defer runs")
	f()
	fmt.Println("unreachable")
}
