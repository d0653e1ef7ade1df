// rule: A1, A5, F1; issue9 for range over ints, strings, slices, arrays, maps and channels; defers in range loops capture per-iteration variables
package main

import (
	"fmt"
	"sort"
)

func main() {
	for i := range 3 {
		defer fmt.Println("int", i)
	}
	for i, v := range []string{"x", "y"} {
		defer func() { fmt.Println("slice", i, v) }()
	}
	arr := [2]int{7, 8}
	for i := range arr {
		arr[1] = 80
		defer fmt.Println("array index", i, arr[i])
	}
	for _, v := range arr {
		defer fmt.Println("array copy value", v)
	}
	m := map[string]int{"one": 1, "two": 2, "three": 3}
	sum := 0
	keys := []string{}
	for k, v := range m {
		sum += v
		keys = append(keys, k)
	}
	sort.Strings(keys)
	defer fmt.Println("map", keys, sum)
	ch := make(chan int, 3)
	ch <- 1
	ch <- 2
	ch <- 3
	close(ch)
	for v := range ch {
		defer fmt.Println("chan", v)
	}
	for range 2 {
		fmt.Println("bare range")
	}
	n := 0
	for range "héllo" {
		n++
	}
	fmt.Println("runes:", n)
}
