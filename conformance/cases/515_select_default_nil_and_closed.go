// issue 10: select takes default when no case is ready, never chooses a
// nil channel's case, takes a closed channel's receive case (zero, false)
// and blocks until a case is ready
package main

import "fmt"

func main() {
	var nilc chan int
	c := make(chan int, 1)
	select {
	case v := <-nilc:
		fmt.Println("nil channel case: impossible", v)
	case nilc <- 1:
		fmt.Println("nil channel send: impossible")
	default:
		fmt.Println("default: nothing ready")
	}
	c <- 9
	select {
	case v, ok := <-c:
		fmt.Println("ready:", v, ok)
	case v := <-nilc:
		fmt.Println("impossible", v)
	}
	close(c)
	select {
	case v, ok := <-c:
		fmt.Println("closed:", v, ok)
	default:
		fmt.Println("default: impossible, a closed channel is ready")
	}
	out := make(chan string)
	go func() {
		defer fmt.Println("sender's defer")
		out <- "woken"
	}()
	for i := 0; i < 1; {
		select {
		case s := <-out:
			fmt.Println("blocked select", s)
			i++
		case <-nilc:
		}
	}
}
