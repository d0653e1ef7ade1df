// rule: A5, C4, B1; issue10 time.Sleep inside deferred calls of a panicking goroutine; the output is fixed by channels, not by the sleeps
package main

import (
	"fmt"
	"sync"
	"time"
)

func slowCleanup(id int, out chan<- string) {
	defer func() {
		r := recover()
		time.Sleep(time.Millisecond)
		out <- fmt.Sprint(id, " cleaned up after: ", r)
	}()
	defer time.Sleep(time.Duration(3-id) * time.Millisecond)
	panic(fmt.Sprint("job ", id, " failed"))
}

func main() {
	var wg sync.WaitGroup
	outs := make([]chan string, 3)
	for i := range outs {
		outs[i] = make(chan string, 1)
		wg.Add(1)
		go func() {
			defer wg.Done()
			slowCleanup(i, outs[i])
		}()
	}
	wg.Wait()
	for _, ch := range outs {
		fmt.Println(<-ch)
	}
	start := time.Now()
	time.Sleep(2 * time.Millisecond)
	fmt.Println("slept at least 2ms:", time.Since(start) >= 2*time.Millisecond)
}
