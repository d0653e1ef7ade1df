// rule: B1, E1, B3; issue9 run-time errors: unrecovered index out of range, defers run before the report
package main

import "fmt"

func get(s []int, i int) int {
	defer fmt.Println("get defer", i)
	return s[i]
}

func main() {
	defer fmt.Println("main defer")
	s := make([]int, 3)
	fmt.Println(get(s, 2))
	fmt.Println(get(s, 5))
}
