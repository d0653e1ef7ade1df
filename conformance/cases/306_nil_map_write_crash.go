package main

import "fmt"

func fill(m map[string]int) {
	defer fmt.Println("fill's defer")
	m["k"] = 1
}

func main() {
	defer fmt.Println("main's defer")
	var ok = map[string]int{}
	fill(ok)
	fmt.Println(ok)
	var m map[string]int
	fill(m)
}
