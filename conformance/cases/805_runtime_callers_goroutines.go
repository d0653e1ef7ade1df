package main

// runtime.Callers in other goroutines: the goroutine's function (a
// literal, a function or method started with arguments: gc elides its
// `go` statement's wrapper) and below it runtime.goexit, then no more;
// Caller past the bottom reports ok false.

import (
	"fmt"
	"runtime"
)

var done = make(chan bool)

func walk(tag string) {
	pcs := make([]uintptr, 8)
	n := runtime.Callers(1, pcs)
	frames := runtime.CallersFrames(pcs[:n])
	fmt.Print(tag)
	for {
		f, more := frames.Next()
		fmt.Print(" ", f.Function, ":", f.Line)
		if !more {
			break
		}
	}
	_, _, line, ok := runtime.Caller(n)
	fmt.Println(" /", line, ok)
	done <- true
}

func f(s string) { walk(s) }

type T struct{ n int }

func (t T) M(s string) { walk(fmt.Sprint(s, t.n)) }

func (t *T) P() {
	defer walk("deferred in goroutine")
	t.n++
}

func main() {
	go func() { walk("literal") }()
	<-done
	go func(s string) { walk(s) }("literal with argument")
	<-done
	go f("function")
	<-done
	go T{7}.M("method")
	<-done
	go (&T{}).P()
	<-done
	walk := walk
	go walk("func value")
	<-done
}
