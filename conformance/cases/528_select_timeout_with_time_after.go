// issue 10: time.After in a select: the timeout case runs when nothing else
// is ready; a ready case wins over a timer that has not fired; the timer
// is not a goroutine (runtime.NumGoroutine does not count it)
package main

import (
	"fmt"
	"runtime"
	"time"
)

func wait(c <-chan string, d time.Duration) (res string) {
	defer func() { res = "[" + res + "]" }()
	select {
	case s := <-c:
		return s
	case <-time.After(d):
		return "timeout"
	}
}

func main() {
	never := make(chan string)
	fmt.Println(wait(never, time.Millisecond))
	ready := make(chan string, 1)
	ready <- "ready value"
	fmt.Println(wait(ready, time.Hour))
	t := time.After(time.Hour)
	fmt.Println("goroutines:", runtime.NumGoroutine())
	done := make(chan string)
	go func() {
		defer func() { done <- "worker's defer" }()
		time.Sleep(time.Millisecond)
	}()
	select {
	case s := <-done:
		fmt.Println(s)
	case <-t:
		fmt.Println("impossible: an hour passed")
	}
}
