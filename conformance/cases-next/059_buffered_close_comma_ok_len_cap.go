// rule: A1, A4; issue10 buffered channels: len/cap, close, comma-ok receive, receive from a closed channel, a deferred close
package main

import "fmt"

func fill(ch chan int, n int) {
	defer close(ch)
	defer fmt.Println("fill: len before close", len(ch), "cap", cap(ch))
	for i := 0; i < n; i++ {
		ch <- i
	}
}

func main() {
	ch := make(chan int, 4)
	fmt.Println(len(ch), cap(ch))
	fill(ch, 3)
	fmt.Println(len(ch), cap(ch))
	v, ok := <-ch
	fmt.Println(v, ok, len(ch))
	for v := range ch {
		fmt.Println("range", v)
	}
	v, ok = <-ch
	fmt.Println("after close:", v, ok, len(ch))
	var nilCh chan int
	fmt.Println(len(nilCh), cap(nilCh), nilCh == nil)
	sc := make(chan string, 1)
	sc <- "x"
	close(sc)
	s, ok := <-sc
	s2, ok2 := <-sc
	fmt.Printf("%q %t %q %t\n", s, ok, s2, ok2)
}
