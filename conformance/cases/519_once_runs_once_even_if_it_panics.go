// issue 10: sync.Once runs f once: concurrent callers wait for it; a panic
// in f propagates to that Do's caller and still counts as done
package main

import (
	"fmt"
	"sync"
)

var once sync.Once
var calls int

func setup() {
	calls++
	defer fmt.Println("setup's defer runs during its panic")
	panic("setup failed")
}

func try() (r any) {
	defer func() { r = recover() }()
	once.Do(setup)
	return "no panic"
}

func main() {
	fmt.Println("first:", try())
	fmt.Println("second:", try())
	var o sync.Once
	var wg sync.WaitGroup
	n := 0
	for i := 0; i < 20; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			o.Do(func() { n++ })
		}()
	}
	wg.Wait()
	fmt.Println("calls", calls, "n", n)
}
