// rule: D1, A5; issue10 runtime.Goexit in a goroutine runs its defers (recover gets nil) and ends only that goroutine
package main

import (
	"fmt"
	"runtime"
	"sync"
)

func inner(log chan<- string) {
	defer func() { log <- fmt.Sprint("inner defer, recover: ", recover()) }()
	runtime.Goexit()
	log <- "unreachable"
}

func main() {
	log := make(chan string, 10)
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		defer func() { log <- "outer defer" }()
		inner(log)
		log <- "after inner: unreachable"
	}()
	wg.Wait()
	close(log)
	for s := range log {
		fmt.Println(s)
	}
	fmt.Println("main continues after the goroutine's Goexit")
}
