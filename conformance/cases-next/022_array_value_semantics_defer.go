// rule: A1, A4; issue9 arrays are values: copied into defer arguments and on assignment
package main

import "fmt"

func modify(a [3]int) [3]int {
	a[0] = 99
	return a
}

func modifyPtr(a *[3]int) {
	a[0] = 77
}

func main() {
	a := [3]int{1, 2, 3}
	defer fmt.Println("deferred array arg:", a)
	defer func() { fmt.Println("closure sees:", a) }()
	b := a
	b[1] = 20
	c := modify(a)
	fmt.Println(a, b, c, a == [3]int{1, 2, 3}, len(a))
	modifyPtr(&a)
	var grid [2][2]string
	grid[1][0] = "x"
	fmt.Println(grid, len(grid[0]))
	arr := [...]int{5, 6, 7, 8}
	s := arr[1:3]
	s[0] = 60
	fmt.Println(arr, s, len(s), cap(s))
}
