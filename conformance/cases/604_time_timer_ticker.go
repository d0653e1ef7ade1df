// issue 10: time.NewTimer and time.NewTicker (Go 1.23 channel timers):
// Stop reports whether the value was not received yet and leaves no stale
// value behind, Reset re-arms, `defer timer.Stop()` in a function that
// returns early, a ticker read in a for-range and in a select with a
// timeout, and a timer stopped in a deferred call while panicking
package main

import (
	"fmt"
	"time"
)

func waitOrTimeout(c <-chan string) (s string) {
	timer := time.NewTimer(time.Hour)
	defer func() { fmt.Println("deferred Stop:", timer.Stop()) }()
	select {
	case s = <-c:
		return s
	case <-timer.C:
		return "timeout"
	}
}

func firesFirst() string {
	t := time.NewTimer(time.Millisecond)
	defer t.Stop()
	select {
	case <-t.C:
		return "timer fired"
	case <-time.After(time.Hour):
		return "after"
	}
}

func stopWhilePanicking() (msg string) {
	t := time.NewTimer(time.Hour)
	defer func() {
		r := recover()
		msg = fmt.Sprint("recovered ", r, "; stopped: ", t.Stop())
	}()
	panic("boom")
}

func main() {
	c := make(chan string, 1)
	c <- "ready"
	fmt.Println(waitOrTimeout(c))
	fmt.Println(firesFirst())
	fmt.Println(stopWhilePanicking())

	t := time.NewTimer(time.Millisecond)
	time.Sleep(20 * time.Millisecond)
	fmt.Println("stop after expiry, unreceived:", t.Stop())
	select {
	case <-t.C:
		fmt.Println("stale")
	default:
		fmt.Println("no stale value")
	}
	fmt.Println("reset:", t.Reset(time.Millisecond))
	<-t.C
	fmt.Println("fired after reset; stop:", t.Stop(), "len:", len(t.C))

	tk := time.NewTicker(time.Millisecond)
	n := 0
	for range tk.C {
		n++
		if n == 3 {
			break
		}
	}
	tk.Reset(2 * time.Millisecond)
	<-tk.C
	tk.Stop()
	select {
	case <-tk.C:
		fmt.Println("tick after Stop")
	case <-time.After(10 * time.Millisecond):
		fmt.Println("no tick after Stop")
	}
	fmt.Println("ticks:", n)
	fmt.Printf("%T %T\n", t, tk)
	defer func() { fmt.Println("recovered:", recover()) }()
	time.NewTicker(0)
}
