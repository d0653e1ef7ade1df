// issue 10: runtime.Goexit in main runs main's defers, lets the other
// goroutines finish, then Go reports no goroutines left (exit 2)
package main

import (
	"fmt"
	"runtime"
)

func main() {
	step := make(chan int)
	go func() {
		v := <-step
		defer fmt.Println("worker done with", v)
		for i := 0; i < 2; i++ {
			defer fmt.Println("worker loop defer", i)
		}
	}()
	defer func() { step <- 5 }()
	defer fmt.Println("main's defers run first")
	runtime.Goexit()
}
