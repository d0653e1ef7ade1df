// rule: A5, A1; issue10 unbuffered ping-pong: strict alternation between two goroutines, each deferring its final message
package main

import "fmt"

func player(name string, in <-chan int, out chan<- int, done chan<- string) {
	defer func() { done <- name + " leaves" }()
	for {
		v, ok := <-in
		if !ok {
			return
		}
		fmt.Println(name, v)
		if v >= 6 {
			close(out)
			return
		}
		out <- v + 1
	}
}

func main() {
	ping := make(chan int)
	pong := make(chan int)
	done := make(chan string)
	go player("ping", ping, pong, done)
	go player("pong", pong, ping, done)
	ping <- 1
	a := <-done
	b := <-done
	if a > b {
		a, b = b, a
	}
	fmt.Println(a, "/", b)
}
