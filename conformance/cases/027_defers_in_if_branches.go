// rule: A1, A5
package main

import "fmt"

func f(n int) {
	if n > 0 {
		defer fmt.Println("positive branch defer, n =", n)
	} else if n < 0 {
		defer fmt.Println("negative branch defer, n =", n)
	} else {
		defer fmt.Println("zero branch defer")
	}
	if m := n * 2; m > 2 {
		defer fmt.Println("init-statement branch defer, m =", m)
	}
	fmt.Println("end of f", n)
}

func main() {
	f(5)
	f(-1)
	f(0)
}
