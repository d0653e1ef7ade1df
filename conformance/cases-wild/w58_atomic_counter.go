// rule: issue10 (wild) 100 goroutines incrementing a mutex counter and an atomic counter; wg.Go of Go 1.25
package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

type SafeCounter struct {
	mu sync.Mutex
	v  map[string]int
}

func (c *SafeCounter) Inc(key string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.v[key]++
}

func (c *SafeCounter) Value(key string) int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.v[key]
}

func main() {
	c := SafeCounter{v: make(map[string]int)}
	var ops atomic.Int64
	var hits int32
	var wg sync.WaitGroup
	for i := 0; i < 100; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := 0; j < 100; j++ {
				c.Inc("somekey")
				ops.Add(1)
				atomic.AddInt32(&hits, 2)
			}
		}()
	}
	wg.Wait()
	fmt.Println(c.Value("somekey"), ops.Load(), atomic.LoadInt32(&hits))

	var wg2 sync.WaitGroup
	var flag atomic.Bool
	var winners atomic.Int32
	for range 10 {
		wg2.Go(func() {
			if flag.CompareAndSwap(false, true) {
				winners.Add(1)
			}
		})
	}
	wg2.Wait()
	fmt.Println("flag:", flag.Load(), "winners:", winners.Load())
}
