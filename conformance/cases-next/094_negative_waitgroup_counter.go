// rule: B1, C4, A5; issue10 sync.WaitGroup: a negative counter panics (an extra deferred Done), recoverable like any panic
package main

import (
	"fmt"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	done := make(chan any)
	wg.Add(1)
	go func() {
		defer func() { done <- recover() }()
		defer wg.Done()
		wg.Done()
	}()
	r := <-done
	fmt.Printf("%T: %v\n", r, r)
	var wg2 sync.WaitGroup
	func() {
		defer func() { fmt.Println("Add(-1) on a zero counter:", recover()) }()
		wg2.Add(-1)
	}()
}
