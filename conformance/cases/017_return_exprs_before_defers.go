// rule: A6
package main

import "fmt"

func compute(tag string, v int) int {
	fmt.Println("computing", tag)
	return v
}

func f() (a int, b int) {
	defer fmt.Println("deferred print runs after return values are computed")
	defer func() {
		fmt.Println("defer sees a, b =", a, b)
		t := a
		a = b
		b = t
	}()
	return compute("a", 1), compute("b", 2)
}

func main() {
	x, y := f()
	fmt.Println("caller got", x, y)
}
