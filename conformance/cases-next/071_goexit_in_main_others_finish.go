// rule: D2, D1, E6; issue10 Goexit in main: its defers run, the other goroutines finish, then the no-goroutines fatal error
package main

import (
	"fmt"
	"runtime"
)

func main() {
	first := make(chan int)
	second := make(chan int)
	go func() {
		n := <-first
		defer func() { second <- n + 1 }()
		defer fmt.Println("worker 1 defer")
		fmt.Println("worker 1 got", n)
	}()
	go func() {
		n := <-second
		defer fmt.Println("worker 2 defer")
		fmt.Println("worker 2 got", n)
	}()
	defer func() { first <- 10 }()
	defer fmt.Println("main defer, recover:", recover())
	runtime.Goexit()
}
