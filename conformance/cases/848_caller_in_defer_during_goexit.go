package main

// A deferred call that runtime.Goexit runs sees runtime.Goexit below it,
// then the functions Goexit is leaving, from the one that called it (at
// that call's line) outward; Goexit keeps running the deferred calls of
// the outer frames from the same place, with the inner frames still shown.

import (
	"fmt"
	"runtime"
)

func trace(tag string) {
	pcs := make([]uintptr, 16)
	n := runtime.Callers(2, pcs)
	fs := runtime.CallersFrames(pcs[:n])
	fmt.Print(tag, ":")
	for {
		f, more := fs.Next()
		fmt.Printf(" %s@%d", f.Function, f.Line)
		if !more {
			break
		}
	}
	fmt.Println()
}

func quit() {
	runtime.Goexit()
}

func worker(done chan struct{}) {
	defer close(done)
	defer trace("worker")
	quit()
}

func main() {
	done := make(chan struct{})
	go worker(done)
	<-done
	defer func() { trace("main's literal") }()
	func() {
		defer trace("inner")
		runtime.Goexit()
	}()
}
