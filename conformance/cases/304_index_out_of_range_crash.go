package main

import "fmt"

func get(s []string, i int) string {
	defer fmt.Println("get's defer runs before the crash")
	return s[i]
}

func main() {
	defer fmt.Println("main's defer runs too")
	s := []string{"a", "b", "c"}
	fmt.Println(get(s, 1))
	fmt.Println(get(s, 5))
}
