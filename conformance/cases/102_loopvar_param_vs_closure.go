// rule: F1, A1, A4
package main

import "fmt"

func main() {
	total := 0
	for i := 1; i <= 3; i++ {
		defer func(v int) { fmt.Println("param v =", v, "total =", total) }(i * 100)
		defer func() { fmt.Println("closure i =", i) }()
		total += i
	}
	fmt.Println("total =", total)
}
