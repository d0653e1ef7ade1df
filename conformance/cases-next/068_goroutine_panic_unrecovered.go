// rule: B1, E1, E6; issue10 an unrecovered panic in a goroutine ends the program with that goroutine's report; main's defers do not run
package main

import "fmt"

func worker(ready chan<- bool) {
	defer fmt.Println("worker defer runs")
	ready <- true
	panic(fmt.Sprintf("worker failed: %d", 7))
}

func main() {
	defer fmt.Println("main defer: never printed")
	ready := make(chan bool)
	block := make(chan bool)
	go worker(ready)
	<-ready
	<-block
}
