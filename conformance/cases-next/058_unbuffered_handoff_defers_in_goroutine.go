// rule: A5, D1; issue10 unbuffered channels synchronise; a goroutine's defers run LIFO when it returns, before its deferred send
package main

import "fmt"

func worker(id int, in <-chan int, done chan<- string) {
	defer func() { done <- fmt.Sprint("worker ", id, " exits") }()
	defer fmt.Println("worker", id, "defer 1")
	for v := range in {
		defer fmt.Println("worker", id, "deferred value", v)
		fmt.Println("worker", id, "got", v)
	}
}

func main() {
	in := make(chan int)
	done := make(chan string)
	go worker(1, in, done)
	for i := 1; i <= 3; i++ {
		in <- i * 10
	}
	close(in)
	fmt.Println(<-done)
	fmt.Println("main: done")
}
