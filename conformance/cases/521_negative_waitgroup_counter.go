// issue 10: a negative WaitGroup counter panics with Go's text, a string
// value that recover returns
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
	s, isString := r.(string)
	fmt.Println(s, isString)
	var wg2 sync.WaitGroup
	defer fmt.Println("main's defer runs before the report")
	wg2.Add(-1)
}
