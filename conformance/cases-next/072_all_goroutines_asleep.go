// rule: E6, D1; issue10 all goroutines asleep: the deadlock fatal error, exit 2, no deferred call runs
package main

import "fmt"

func main() {
	defer fmt.Println("main defer: never printed")
	ch := make(chan int)
	done := make(chan bool)
	go func() {
		defer fmt.Println("goroutine defer: never printed")
		v := <-ch
		fmt.Println("unreachable", v)
	}()
	go func() {
		defer func() { done <- true }()
		fmt.Println("helper finished")
	}()
	<-done
	fmt.Println("main waits for a value nobody sends")
	<-done
}
