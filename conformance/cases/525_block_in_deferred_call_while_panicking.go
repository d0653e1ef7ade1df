// issue 10: a goroutine blocks on a channel inside a deferred call that a
// panic is running, three calls deep, and resumes when another goroutine
// sends; the panic is then recovered further up
package main

import "fmt"

func level3(in <-chan int, out chan<- string) {
	defer func() {
		v := <-in
		out <- fmt.Sprint("level3's deferred call received ", v, " while panicking")
	}()
	panic("deep")
}

func level2(in <-chan int, out chan<- string) {
	defer func() { out <- "level2's defer runs after the blocked one resumed" }()
	level3(in, out)
}

func level1(in <-chan int, out chan<- string) (r any) {
	defer func() { r = recover() }()
	level2(in, out)
	return nil
}

func main() {
	in := make(chan int)
	out := make(chan string)
	res := make(chan any)
	go func() { res <- level1(in, out) }()
	in <- 42
	// Both lines come through out, so main prints them in the order the
	// goroutine sends them (printing in the goroutine would race with main).
	fmt.Println(<-out)
	fmt.Println(<-out)
	fmt.Println("recovered:", <-res)
}
