// issue 10: a select loop over work and quit channels, with a defer in a
// case (it runs when the function returns) and break leaving the select
package main

import "fmt"

func consume(work <-chan int, quit <-chan bool) (total int) {
	defer func() { fmt.Println("consume returns", total) }()
	for {
		select {
		case w, ok := <-work:
			if !ok {
				work = nil
				break
			}
			if w < 0 {
				defer fmt.Println("deferred for negative work", w)
			}
			total += w
		case <-quit:
			return total
		}
	}
}

func main() {
	work := make(chan int)
	quit := make(chan bool)
	done := make(chan int)
	go func() { done <- consume(work, quit) }()
	for _, w := range []int{5, -2, 7} {
		work <- w
	}
	close(work)
	quit <- true
	fmt.Println("total", <-done)
}
