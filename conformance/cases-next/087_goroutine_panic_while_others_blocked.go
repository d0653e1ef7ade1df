// rule: B1, E1, D1; issue10 one goroutine's crash ends the program while other goroutines are blocked in deferred calls and locks: their defers never run
package main

import (
	"fmt"
	"sync"
)

func main() {
	var mu sync.Mutex
	mu.Lock()
	started := make(chan bool)
	for i := 0; i < 3; i++ {
		go func() {
			defer fmt.Println("blocked goroutine defer: never printed", i)
			started <- true
			mu.Lock()
		}()
		<-started
	}
	go func() {
		defer func() {
			fmt.Println("crasher's deferred call runs")
		}()
		var p *sync.Mutex
		p.Unlock()
	}()
	mu.Lock()
}
