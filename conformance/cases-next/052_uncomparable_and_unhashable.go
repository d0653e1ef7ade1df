// rule: B3, C4; issue9 interfaces and maps: comparing uncomparable dynamic types and hashing unhashable keys are run-time errors
package main

import "fmt"

type Box struct{ items []int }

func try(name string, f func()) {
	defer func() {
		if r := recover(); r != nil {
			fmt.Println(name, "panicked:", r)
		}
	}()
	f()
	fmt.Println(name, "ok")
}

func main() {
	var a, b any = []int{1}, []int{1}
	var c, d any = 1, "1"
	try("compare slices in any", func() { fmt.Println(a == b) })
	try("compare different types", func() { fmt.Println(c == d) })
	try("compare structs with slices", func() { var x, y any = Box{}, Box{}; fmt.Println(x == y) })
	try("map key slice", func() {
		m := map[any]int{}
		m[a] = 1
	})
	try("map key func", func() {
		m := map[any]bool{}
		m[func() {}] = true
	})
	try("comparable keys", func() {
		m := map[any]int{1: 1, "1": 2, [2]int{1, 2}: 3}
		fmt.Println(len(m), m[[2]int{1, 2}])
	})
}
