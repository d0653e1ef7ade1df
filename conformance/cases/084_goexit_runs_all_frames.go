// rule: D1, A5
package main

import (
	"fmt"
	"runtime"
)

func inner() {
	defer fmt.Println("inner defer 1")
	defer fmt.Println("inner defer 2")
	runtime.Goexit()
	fmt.Println("inner after Goexit (unreachable)")
}

func middle() int {
	defer fmt.Println("middle defer")
	inner()
	fmt.Println("middle after inner (unreachable)")
	return 1
}

func main() {
	defer fmt.Println("main defer")
	middle()
	fmt.Println("main after middle (unreachable)")
}
