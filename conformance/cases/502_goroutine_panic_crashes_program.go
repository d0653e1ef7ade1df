// issue 10: an unrecovered panic in a goroutine ends the program with that
// goroutine's report and exit status 2; its own defers run first, main's
// and the other goroutines' deferred calls do not
package main

import (
	"errors"
	"fmt"
)

func blocked(ready chan<- bool) {
	defer fmt.Println("blocked goroutine's defer: never printed")
	ready <- true
	select {}
}

func crasher(ready chan<- bool) {
	defer fmt.Println("crasher's second defer runs")
	defer func() {
		fmt.Println("crasher's first defer runs, recover not called")
	}()
	ready <- true
	panic(errors.New("worker failed"))
}

func main() {
	defer fmt.Println("main's defer: never printed")
	ready := make(chan bool)
	go blocked(ready)
	<-ready
	go crasher(ready)
	<-ready
	select {}
}
