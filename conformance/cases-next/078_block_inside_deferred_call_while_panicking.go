// rule: B1, C4, A5; issue10 a goroutine blocks on a channel receive inside a deferred call of a panicking function, then recovers
package main

import "fmt"

func worker(ack chan string, verdict chan string, out chan string) {
	defer func() { out <- "worker returned normally" }()
	defer func() {
		r := recover()
		ack <- fmt.Sprint("panicking with: ", r)
		v := <-verdict
		out <- fmt.Sprint("deferred call resumed with verdict ", v)
	}()
	deep(3)
}

func deep(n int) {
	defer fmt.Println("deep defer", n)
	if n == 0 {
		panic("deep failure")
	}
	deep(n - 1)
}

func main() {
	ack := make(chan string)
	verdict := make(chan string)
	out := make(chan string)
	go worker(ack, verdict, out)
	fmt.Println("main got:", <-ack)
	verdict <- "ok"
	fmt.Println(<-out)
	fmt.Println(<-out)
}
