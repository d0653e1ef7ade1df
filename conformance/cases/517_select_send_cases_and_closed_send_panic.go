// issue 10: select with send cases; a select whose chosen send case is on
// a closed channel panics with send on closed channel
package main

import "fmt"

func main() {
	a := make(chan int, 1)
	b := make(chan int)
	select {
	case a <- 1:
		fmt.Println("sent to the buffered channel")
	case b <- 2:
		fmt.Println("impossible: nobody receives from b")
	}
	got := make(chan int)
	go func() { got <- <-b }()
	select {
	case b <- 3:
		fmt.Println("sent 3 to a receiver")
	case a <- 4:
		fmt.Println("impossible: a is full")
	}
	fmt.Println(<-got, <-a)
	close(a)
	defer func() { fmt.Println("recovered:", recover()) }()
	select {
	case a <- 5:
	case <-b:
	}
}
