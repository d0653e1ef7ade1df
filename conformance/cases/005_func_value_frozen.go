// rule: A2
package main

import "fmt"

func main() {
	f := func() { fmt.Println("original f") }
	defer f()
	f = func() { fmt.Println("replacement f") }
	f()
	var g func(int)
	g = func(n int) { fmt.Println("original g", n) }
	defer g(1)
	g = nil
	fmt.Println("g is nil now:", g == nil)
}
