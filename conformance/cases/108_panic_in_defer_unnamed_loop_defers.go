// rule: C5, C4, A6
package main

import "fmt"

func f(k int) int {
	defer func() {
		fmt.Println("recovered:", recover())
	}()
	for i := 0; i < k; i++ {
		defer func() {
			panic(fmt.Sprint("cleanup ", i, " failed"))
		}()
	}
	return 42
}

func g() int {
	x := 7
	defer func() { recover() }()
	defer func() {
		x = 9
		panic("p")
	}()
	return x
}

func main() {
	fmt.Println("f(1) =", f(1))
	fmt.Println("f(3) =", f(3))
	fmt.Println("g() =", g())
}
