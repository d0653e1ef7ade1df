// rule: D2, D1, E6; issue10 Goexit in main while another goroutine is blocked forever: the no-goroutines fatal error once nothing can run
package main

import (
	"fmt"
	"runtime"
)

func main() {
	never := make(chan int)
	started := make(chan bool)
	go func() {
		defer fmt.Println("blocked goroutine's defer: never printed")
		started <- true
		<-never
	}()
	<-started
	defer fmt.Println("main's deferred call runs on Goexit")
	runtime.Goexit()
}
