// issue 10: a time.After timer that no goroutine waits for does not keep
// the program alive: with every goroutine blocked, Go reports the deadlock
// at once (Go 1.23's channel timers); a timer that is waited for fires
package main

import (
	"fmt"
	"time"
)

func main() {
	select {
	case <-time.After(time.Millisecond):
		fmt.Println("awaited timer fired")
	}
	_ = time.After(time.Hour)
	select {
	case <-make(chan int):
	case <-time.After(time.Millisecond):
		fmt.Println("second timer fired")
	}
	defer fmt.Println("never printed")
	block := make(chan int)
	<-block
}
