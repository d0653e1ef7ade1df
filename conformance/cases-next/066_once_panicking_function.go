// rule: C4, A5; issue10 sync.Once: a panic in f propagates to Do's caller, and Once counts the call as done
package main

import (
	"fmt"
	"sync"
)

var once sync.Once
var calls int

func setup() {
	calls++
	defer fmt.Println("setup's defer runs during the panic")
	panic("setup failed")
}

func tryInit() (err any) {
	defer func() { err = recover() }()
	once.Do(setup)
	return nil
}

func main() {
	fmt.Println("first:", tryInit())
	fmt.Println("second:", tryInit())
	fmt.Println("calls:", calls)
	var o2 sync.Once
	var wg sync.WaitGroup
	count := 0
	for i := 0; i < 10; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			o2.Do(func() { count++ })
		}()
	}
	wg.Wait()
	fmt.Println("count:", count)
	v := sync.OnceValue(func() int { fmt.Println("computing once"); return 42 })
	fmt.Println(v(), v())
}
