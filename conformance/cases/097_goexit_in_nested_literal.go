// rule: D1, A5, C1
package main

import (
	"fmt"
	"runtime"
)

func main() {
	defer fmt.Println("main last")
	for i := 0; i < 3; i++ {
		defer fmt.Println("loop defer", i)
	}
	func() {
		defer func() {
			fmt.Println("literal defer, recover =", recover())
		}()
		if 2 > 1 {
			runtime.Goexit()
		}
		fmt.Println("unreachable")
	}()
	fmt.Println("unreachable too")
}
