// rule: C1, C2, E1; issue10 recover never sees another goroutine's panic: main's deferred recover gets nil while a goroutine crashes the program
package main

import "fmt"

func main() {
	defer func() {
		fmt.Println("main recover: never runs", recover())
	}()
	result := make(chan any)
	go func() {
		defer func() { result <- recover() }()
		panic("goroutine A panics and recovers itself")
	}()
	fmt.Println("A's own recover got:", <-result)
	func() {
		defer func() { fmt.Println("main's recover sees no panic:", recover()) }()
	}()
	crashed := make(chan bool)
	go func() {
		defer fmt.Println("goroutine B defer")
		panic("goroutine B panics")
	}()
	<-crashed
}
