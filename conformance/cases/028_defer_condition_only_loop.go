// rule: A1, A5, F3
package main

import "fmt"

func main() {
	n := 3
	for n > 0 {
		defer fmt.Println("deferred with arg n =", n)
		defer func() { fmt.Println("closure sees shared n =", n) }()
		n--
	}
	fmt.Println("loop finished, n =", n)
}
