package main

// Go's runnext (with GOMAXPROCS(1), so Go's order is the same on any machine):
// a goroutine made or woken by the running one runs as soon as that one
// stops, before those queued earlier; one that yields waits for the others.

import (
	"fmt"
	"runtime"
	"sync"
)

func main() {
	runtime.GOMAXPROCS(1)
	var wg sync.WaitGroup
	for i := 0; i < 5; i++ {
		wg.Add(1)
		go func() { defer wg.Done(); fmt.Println("loop", i) }()
	}
	wg.Wait()
	// goroutines creating goroutines
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			fmt.Println("outer", i)
			for j := 0; j < 2; j++ {
				wg.Add(1)
				go func() { defer wg.Done(); fmt.Println("inner", i, j) }()
			}
			fmt.Println("outer end", i)
		}()
	}
	wg.Wait()
	// channel
	ch := make(chan int)
	for i := 0; i < 3; i++ {
		go func() { ch <- i }()
	}
	for i := 0; i < 3; i++ {
		fmt.Println("recv", <-ch)
	}
	// gosched
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			fmt.Println("a", i)
			runtime.Gosched()
			fmt.Println("b", i)
		}()
	}
	wg.Wait()
	// woken by send
	done := make(chan bool)
	c1 := make(chan int)
	go func() { v := <-c1; fmt.Println("got", v); done <- true }()
	go func() { fmt.Println("second starts") ; done <- true}()
	runtime.Gosched()
	c1 <- 1
	fmt.Println("after send")
	<-done
	<-done
	// gosched main
	for i := 0; i < 3; i++ {
		go func() { fmt.Println("g", i) }()
	}
	runtime.Gosched()
	fmt.Println("main after gosched")
	runtime.Gosched()
}
