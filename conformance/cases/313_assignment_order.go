package main

import "fmt"

func idx(name string, i int) int {
	fmt.Println("index", name)
	return i
}

func val(name string, v int) int {
	fmt.Println("value", name)
	return v
}

func main() {
	a := []int{0, 0, 0}
	i := 0
	i, a[i] = 1, 9 // a[0] is set: the index is evaluated first
	fmt.Println(i, a)
	a[idx("first", 0)], a[idx("second", 1)] = val("x", 5), val("y", 6)
	fmt.Println(a)
	x, y := 1, 2
	x, y = y, x
	fmt.Println(x, y)
	a[0], a[1], a[2] = a[2], a[0], a[1]
	fmt.Println(a)
	m := map[string]int{}
	m["k"], m["j"] = len(m), len(m)+1
	fmt.Println(m["k"], m["j"])
	var s []int
	defer func() {
		r := recover()
		fmt.Println("recovered:", r, "i =", i)
	}()
	i, s[idx("bad", 2)] = 42, 1
}
