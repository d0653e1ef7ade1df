// issue 10: sync.WaitGroup.Go (Go 1.25) starts f in a goroutine and marks
// it done when f returns; f's defers run before Wait returns
package main

import (
	"fmt"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	var mu sync.Mutex
	sum := 0
	for i := 1; i <= 10; i++ {
		wg.Go(func() {
			defer func() {
				mu.Lock()
				defer mu.Unlock()
				sum += i
			}()
		})
	}
	wg.Wait()
	fmt.Println("sum", sum)
}
