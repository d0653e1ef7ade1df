// rule: issue10 (wild) a forgotten close: ranging over a results channel nobody closes ends in Go's deadlock report
package main

import (
	"fmt"
	"sync"
)

func square(n int, out chan<- int, wg *sync.WaitGroup) {
	defer wg.Done()
	out <- n * n
}

func main() {
	defer fmt.Println("main: deferred (not printed on deadlock)")
	out := make(chan int, 10)
	var wg sync.WaitGroup
	for i := 1; i <= 4; i++ {
		wg.Add(1)
		go square(i, out, &wg)
	}
	wg.Wait()
	fmt.Println("all workers done, buffered:", len(out))
	sum := 0
	for v := range out { // bug: out is never closed
		sum += v
		if len(out) == 0 {
			fmt.Println("sum so far:", sum)
		}
	}
	fmt.Println("unreachable", sum)
}
