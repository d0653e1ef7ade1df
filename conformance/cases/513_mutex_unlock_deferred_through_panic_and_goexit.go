// issue 10: defer mu.Unlock() releases the lock when the holder panics
// (recovered) or calls runtime.Goexit, so the next goroutine gets it
package main

import (
	"fmt"
	"runtime"
	"sync"
)

var mu sync.Mutex
var log []string

func holder(name string, how int, done chan<- bool) {
	defer func() { done <- true }()
	defer func() { recover() }()
	mu.Lock()
	defer mu.Unlock()
	log = append(log, name)
	switch how {
	case 1:
		panic(name)
	case 2:
		runtime.Goexit()
	}
}

func main() {
	done := make(chan bool)
	go holder("panics", 1, done)
	<-done
	go holder("exits", 2, done)
	<-done
	go holder("returns", 0, done)
	<-done
	mu.Lock()
	fmt.Println("main got the lock after:", log)
	mu.Unlock()
	fmt.Println("TryLock:", mu.TryLock())
	mu.Unlock()
}
