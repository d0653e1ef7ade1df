// rule: issue10 (wild) runtime.Goexit in goroutines runs their defers (wg.Done among them); then main calls Goexit too
package main

import (
	"fmt"
	"runtime"
	"sort"
	"sync"
)

func check(id int, results chan<- string) {
	if id%2 == 0 {
		results <- fmt.Sprintf("worker %d: exiting early", id)
		runtime.Goexit()
	}
	results <- fmt.Sprintf("worker %d: finished", id)
}

func main() {
	var wg sync.WaitGroup
	results := make(chan string, 10)
	for i := 1; i <= 4; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer func() {
				if r := recover(); r != nil {
					fmt.Println("never: Goexit is not a panic")
				}
			}()
			check(i, results)
			results <- fmt.Sprintf("worker %d: after check", i)
		}()
	}
	wg.Wait()
	close(results)
	var lines []string
	for l := range results {
		lines = append(lines, l)
	}
	sort.Strings(lines)
	for _, l := range lines {
		fmt.Println(l)
	}
	release := make(chan struct{})
	finished := make(chan struct{})
	go func() {
		defer close(finished)
		<-release
		fmt.Println("background goroutine finishes after main's Goexit")
	}()
	defer close(release)
	defer fmt.Println("main: deferred runs at Goexit")
	runtime.Goexit()
}
