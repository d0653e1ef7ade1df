// rule: B3, C4, E1; issue10 send on a closed channel: a run-time panic, recovered in one goroutine, unrecovered in another
package main

import (
	"fmt"
	"runtime"
)

func safeSend(ch chan int, v int) (err error) {
	defer func() {
		if r := recover(); r != nil {
			_, isRT := r.(runtime.Error)
			fmt.Println("runtime.Error:", isRT)
			err = r.(error)
		}
	}()
	ch <- v
	return nil
}

func main() {
	ch := make(chan int, 1)
	fmt.Println(safeSend(ch, 1))
	close(ch)
	fmt.Println(safeSend(ch, 2))
	fmt.Println(<-ch)
	done := make(chan bool)
	go func() {
		defer fmt.Println("sender defer")
		ch <- 3
		done <- true
	}()
	<-done
}
