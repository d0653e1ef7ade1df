// rule: A1, A5, F1
package main

import "fmt"

func main() {
	for i := 0; i < 4; i++ {
		defer fmt.Println("deferred i =", i)
		fmt.Println("registered i =", i)
	}
	fmt.Println("loop done")
}
