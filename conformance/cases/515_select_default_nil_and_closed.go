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
	done := make(chan bool)
	go func() {
		defer func() {
			fmt.Println("sender's defer")
			close(done)
		}()
		out <- "woken"
	}()
	for i := 0; i < 1; {
		select {
		case s := <-out:
			// The sender's deferred print happens before main prints
			// (it closes done after it): deterministic by construction.
			<-done
			fmt.Println("blocked select", s)
			i++
		case <-nilc:
		}
	}
}
