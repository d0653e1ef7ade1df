// The goroutine row of benches/REPORT.md (issue 10): the same program runs
// compiled by Go 1.27.3 and interpreted by minigo, on 1 and 2 workers
// (GOMAXPROCS / --procs). 1000 goroutines each make 200 calls of task; a
// call defers 8 calls in a loop (the chain), and every other call panics
// and is recovered by its first deferred call. The printed total checks
// that both did the same work.
package main

import (
	"fmt"
	"sync"
)

// task defers 8 calls in a loop and, for even ids, panics; its first
// deferred call recovers and adds the panic value to the named result.
func task(id int) (sum int) {
	defer func() {
		if r := recover(); r != nil {
			sum += r.(int)
		}
	}()
	for i := 0; i < 8; i++ {
		defer func() { sum += i }()
	}
	if id%2 == 0 {
		panic(id)
	}
	return id
}

func main() {
	const goroutines = 1000
	const calls = 200
	var wg sync.WaitGroup
	results := make(chan int, goroutines)
	for g := 0; g < goroutines; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			s := 0
			for c := 0; c < calls; c++ {
				s += task(g*calls + c)
			}
			results <- s
		}()
	}
	wg.Wait()
	close(results)
	total := 0
	for s := range results {
		total += s
	}
	fmt.Println(total)
}
