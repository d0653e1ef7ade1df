// issue 10: a sender on a channel that another goroutine closes (blocked
// in the send, or sending after the close) panics with send on closed
// channel; unrecovered, it ends the program
package main

import "fmt"

func main() {
	c := make(chan int)
	started := make(chan bool)
	go func() {
		defer fmt.Println("sender's defer runs before the report")
		started <- true
		c <- 1
	}()
	<-started
	close(c)
	select {}
}
