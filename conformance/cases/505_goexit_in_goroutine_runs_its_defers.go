// issue 10: runtime.Goexit in a goroutine runs its deferred calls (recover
// returns nil in them) and ends only that goroutine
package main

import (
	"fmt"
	"runtime"
)

func inner(done chan<- string) {
	defer func() { fmt.Println("inner defer, recover:", recover()) }()
	for i := 0; i < 3; i++ {
		defer fmt.Println("loop defer", i)
	}
	runtime.Goexit()
	done <- "unreachable"
}

func main() {
	done := make(chan string)
	go func() {
		defer func() { done <- "goroutine's outer defer ran" }()
		inner(done)
		fmt.Println("unreachable after Goexit")
	}()
	fmt.Println(<-done)
	fmt.Println("main goes on")
}
