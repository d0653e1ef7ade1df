// rule: A1, A5, C4, D1, F1; issue10 many goroutines with loop defers, panics recovered, Goexit: results collected through a channel are exact
package main

import (
	"fmt"
	"runtime"
	"sync"
)

func task(id int) (sum int) {
	defer func() {
		if r := recover(); r != nil {
			sum = -sum
		}
	}()
	for i := 0; i < id%7; i++ {
		defer func() { sum += i }()
	}
	if id%5 == 0 {
		panic(id)
	}
	return id
}

func main() {
	const n = 200
	results := make(chan int, n)
	var wg sync.WaitGroup
	for id := 0; id < n; id++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if id%11 == 10 {
				defer func() { results <- 0 }()
				runtime.Goexit()
			}
			results <- task(id)
		}()
	}
	wg.Wait()
	close(results)
	total, count := 0, 0
	for r := range results {
		total += r
		count++
	}
	fmt.Println("count", count, "total", total)
}
