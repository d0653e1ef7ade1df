// issue 10: recover returns nil in a goroutine that is not panicking, even
// while another goroutine panics; each goroutine recovers its own panic
package main

import "fmt"

func main() {
	doneA := make(chan string)
	doneB := make(chan string)
	proceed := make(chan bool)
	go func() {
		defer func() { doneA <- fmt.Sprint("A recovered: ", recover()) }()
		<-proceed
		panic("A's panic")
	}()
	go func() {
		defer func() { doneB <- fmt.Sprint("B recovered: ", recover()) }()
		proceed <- true
	}()
	fmt.Println(<-doneA)
	fmt.Println(<-doneB)
	func() {
		defer func() { fmt.Println("main recovered:", recover()) }()
	}()
}
