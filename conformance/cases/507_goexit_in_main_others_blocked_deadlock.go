// issue 10: runtime.Goexit in main while the other goroutines are blocked
// forever: Go reports the deadlock (all goroutines are asleep)
package main

import (
	"fmt"
	"runtime"
)

func main() {
	never := make(chan int)
	ready := make(chan bool)
	for i := 0; i < 2; i++ {
		go func() {
			defer fmt.Println("blocked goroutine's defer: never printed")
			ready <- true
			<-never
		}()
		<-ready
	}
	defer fmt.Println("main's defer runs")
	runtime.Goexit()
}
