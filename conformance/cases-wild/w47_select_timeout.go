// rule: issue10 (wild) select with a timeout, written so the outcome is fixed: the ready case wins, a never-ready channel times out
package main

import (
	"errors"
	"fmt"
	"time"
)

var ErrTimeout = errors.New("timeout")

func fetch(results <-chan string, timeout time.Duration) (string, error) {
	select {
	case r := <-results:
		return r, nil
	case <-time.After(timeout):
		return "", fmt.Errorf("fetch: %w after %v", ErrTimeout, timeout)
	}
}

func main() {
	ready := make(chan string, 1)
	ready <- "cached value"
	fmt.Println(fetch(ready, time.Hour))

	never := make(chan string)
	v, err := fetch(never, 20*time.Millisecond)
	fmt.Printf("%q %v %t\n", v, err, errors.Is(err, ErrTimeout))

	done := make(chan struct{})
	result := make(chan int)
	go func() {
		defer close(done)
		sum := 0
		for i := 1; i <= 100; i++ {
			sum += i
		}
		result <- sum
	}()
	select {
	case s := <-result:
		fmt.Println("sum:", s)
	case <-time.After(time.Minute):
		fmt.Println("too slow")
	}
	<-done
	timer := time.NewTimer(time.Hour)
	fmt.Println("stopped before firing:", timer.Stop())
	tick := time.NewTicker(time.Millisecond)
	n := 0
	for range tick.C {
		n++
		if n == 3 {
			tick.Stop()
			break
		}
	}
	fmt.Println("ticks:", n)
}
