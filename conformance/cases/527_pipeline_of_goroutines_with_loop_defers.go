// issue 10: a pipeline of goroutines, each stage deferring in a loop and
// closing its output with a deferred close; results are exact
package main

import "fmt"

func stage(id int, in <-chan int, out chan<- int) {
	defer close(out)
	n := 0
	for v := range in {
		defer func() { n++ }()
		out <- v*10 + id
	}
	_ = n
}

func main() {
	src := make(chan int)
	var in <-chan int = src
	for id := 1; id <= 4; id++ {
		out := make(chan int)
		go stage(id, in, out)
		in = out
	}
	go func() {
		defer close(src)
		for i := 1; i <= 5; i++ {
			src <- i
		}
	}()
	for v := range in {
		fmt.Println(v)
	}
}
