package main

// Go's runnext with GOMAXPROCS(1): 100 goroutines in creation order after
// the last one, a mutex's waiters, deferred calls and recovered panics in
// goroutines in the order Go runs them.

import (
	"fmt"
	"runtime"
	"sync"
)

func main() {
	runtime.GOMAXPROCS(1)
	var wg sync.WaitGroup
	var mu sync.Mutex
	out := []int{}
	for i := 0; i < 100; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			mu.Lock()
			out = append(out, i)
			mu.Unlock()
		}()
	}
	wg.Wait()
	fmt.Println(out[:5], out[40:45], out[95:])
	// a mutex handed over
	mu.Lock()
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			mu.Lock()
			fmt.Println("locked", i)
			mu.Unlock()
		}()
	}
	runtime.Gosched()
	fmt.Println("main unlocks")
	mu.Unlock()
	wg.Wait()
	// deferred calls in goroutines, recovered panics
	res := make(chan string, 4)
	for i := 0; i < 4; i++ {
		go func() {
			defer func() {
				if r := recover(); r != nil {
					res <- fmt.Sprint("recovered ", r)
					return
				}
				res <- fmt.Sprint("fine ", i)
			}()
			if i%2 == 1 {
				panic(i)
			}
		}()
	}
	for i := 0; i < 4; i++ {
		fmt.Println(<-res)
	}
}
