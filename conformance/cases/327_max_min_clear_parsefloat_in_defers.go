package main

import (
	"fmt"
	"strconv"
)

func main() {
	a, b := 3, 7
	fmt.Println(max(a, b), min(a, b, -1), max(2.5, 1), min("b", "a", "c"), max(a))
	var x int64 = 5
	fmt.Println(max(x, 9))
	m := map[string]int{"a": 1, "b": 2}
	s := []int{1, 2, 3}
	defer fmt.Println("deferred:", m, s)
	clear(m)
	clear(s[1:])
	fmt.Println(len(m), s)
	f, err := strconv.ParseFloat("2.5", 64)
	fmt.Println(f, err)
	f, err = strconv.ParseFloat("x", 64)
	fmt.Println(f, err)
}
