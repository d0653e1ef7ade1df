// rule: A5; issue10 runtime.NumGoroutine counts blocked goroutines; runtime.Gosched yields without changing a synchronised result
package main

import (
	"fmt"
	"runtime"
	"sync"
)

func main() {
	fmt.Println("at start:", runtime.NumGoroutine())
	release := make(chan struct{})
	var started sync.WaitGroup
	var finished sync.WaitGroup
	for i := 0; i < 5; i++ {
		started.Add(1)
		finished.Add(1)
		go func() {
			defer finished.Done()
			started.Done()
			<-release
			runtime.Gosched()
		}()
	}
	started.Wait()
	fmt.Println("while blocked:", runtime.NumGoroutine())
	close(release)
	finished.Wait()
	var mu sync.Mutex
	n := 0
	var wg sync.WaitGroup
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := 0; k < 100; k++ {
				mu.Lock()
				n++
				mu.Unlock()
				runtime.Gosched()
			}
		}()
	}
	wg.Wait()
	fmt.Println("n:", n)
}
