// rule: E6; issue10 a receive from a nil channel blocks forever: with nothing else runnable, the deadlock fatal error names the nil channel
package main

import "fmt"

func main() {
	var ch chan int
	done := make(chan bool)
	go func() {
		defer close(done)
		select {
		case v := <-ch:
			fmt.Println("impossible", v)
		default:
			fmt.Println("nil channel never ready in select")
		}
	}()
	<-done
	defer fmt.Println("main defer: never printed")
	<-ch
}
