package main

import "fmt"

func main() {
	var fs []func()
	for i := range 3 {
		defer fmt.Println("defer in range-int body", i)
		fs = append(fs, func() { fmt.Println("closure sees its own i", i) })
	}
	for _, f := range fs {
		f()
	}
	arr := [3]int{1, 2, 3}
	for i, v := range arr {
		arr[2] = 100 // the range works on a copy of the array
		if i == 2 {
			fmt.Println("array range copy:", v)
		}
	}
	sl := []int{1, 2, 3}
	for i, v := range sl {
		sl[2] = 100 // a slice is not copied
		if i == 2 {
			fmt.Println("slice range shares:", v)
		}
		if i == 0 {
			sl = append(sl, 4) // the length was taken once
		}
	}
	fmt.Println(len(sl))
	var k, v int
	for k, v = range []int{5, 6} {
	}
	fmt.Println("assigned form", k, v)
	n := 0
	for range 4 {
		n++
	}
	for range "héllo" {
		n++
	}
	fmt.Println(n)
	var nilSlice []int
	for range nilSlice {
		fmt.Println("never")
	}
	var nilMap map[int]int
	for range nilMap {
		fmt.Println("never")
	}
	for i := range arr {
		fmt.Print(i)
	}
	fmt.Println()
outer:
	for i := range 3 {
		for j := range 3 {
			if j == 2 {
				continue outer
			}
			if i == 2 {
				break outer
			}
			defer fmt.Println("nested defer", i, j)
		}
	}
}
