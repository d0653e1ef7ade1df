// rule: issue10 (wild) an unrecovered panic in a worker goroutine ends the whole program; main's defers do not run
package main

import (
	"fmt"
	"sync"
)

type ParseError struct {
	Line int
	Msg  string
}

func (e *ParseError) Error() string { return fmt.Sprintf("line %d: %s", e.Line, e.Msg) }

func parseLine(n int, s string) int {
	if s == "" {
		panic(&ParseError{n, "empty line"})
	}
	return len(s)
}

func main() {
	defer fmt.Println("main: deferred (not printed)")
	lines := []string{"alpha", "beta", "", "delta"}
	var wg sync.WaitGroup
	okCh := make(chan int, len(lines))
	first := make(chan struct{})
	for i, l := range lines[:2] {
		wg.Add(1)
		go func() {
			defer wg.Done()
			okCh <- parseLine(i+1, l)
		}()
	}
	wg.Wait()
	close(first)
	fmt.Println("first two parsed:", <-okCh+<-okCh)
	finished := make(chan int)
	go func() {
		defer fmt.Println("worker: deferred print runs before the crash")
		<-first
		finished <- parseLine(3, lines[2])
	}()
	fmt.Println("not reached", <-finished)
}
