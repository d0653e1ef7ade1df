// rule: A6
package main

import "fmt"

func f() int {
	x := 1
	defer func() {
		x = 100
		fmt.Println("defer set x =", x)
	}()
	x = 5
	return x
}

func g() string {
	s := "orig"
	defer func() { s = "changed" }()
	return s
}

func main() {
	fmt.Println("f() =", f())
	fmt.Println("g() =", g())
}
