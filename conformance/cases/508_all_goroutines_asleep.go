// issue 10: when every goroutine is blocked (here main and a worker wait
// for each other), Go reports a deadlock with exit status 2 and runs no
// deferred call
package main

import "fmt"

func main() {
	defer fmt.Println("never printed")
	a := make(chan int)
	b := make(chan int)
	go func() {
		defer fmt.Println("worker's defer: never printed")
		<-a
		b <- 1
	}()
	fmt.Println("main waits for the worker, which waits for main")
	<-b
	a <- 1
}
