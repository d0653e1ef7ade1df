// issue 10: sync.OnceFunc and sync.OnceValue: one call of f whatever the
// goroutines; a panic of f panics again in every later call
package main

import (
	"fmt"
	"sync"
)

func main() {
	calls := 0
	f := sync.OnceFunc(func() { calls++; fmt.Println("OnceFunc body") })
	var wg sync.WaitGroup
	for i := 0; i < 5; i++ {
		wg.Add(1)
		go func() { defer wg.Done(); f() }()
	}
	wg.Wait()
	f()
	fmt.Println("calls", calls)
	v := sync.OnceValue(func() string { calls++; return "computed" })
	fmt.Println(v(), v(), calls)
	bad := sync.OnceValue(func() int { panic("boom") })
	for i := 0; i < 2; i++ {
		func() {
			defer func() { fmt.Println("recovered:", recover()) }()
			fmt.Println(bad())
		}()
	}
	fmt.Println(bad())
}
