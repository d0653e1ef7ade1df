// rule: D4, D1
package main

import (
	"fmt"
	"runtime"
)

func inner() {
	defer func() {
		panic("raised while exiting")
	}()
	runtime.Goexit()
}

func outer() (n int) {
	defer func() {
		fmt.Println("outer recovered:", recover())
		n = 5
	}()
	inner()
	fmt.Println("outer after inner (unreachable)")
	return 1
}

func main() {
	defer fmt.Println("main defer")
	v := outer()
	fmt.Println("main got", v, "(unreachable: Goexit continues)")
}
