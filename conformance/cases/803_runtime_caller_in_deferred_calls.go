package main

// runtime.Caller and Callers in deferred calls run by a normal return: gc
// shows the exiting function at the line of its `return` statement when
// its defers are open-coded, at its closing brace when they are on the
// chain (a defer in a loop), and at the closing brace when the body ends
// without a return; a `return` spread over lines is at its first line.

import (
	"fmt"
	"runtime"
)

func exitLine(tag string) {
	_, _, line, _ := runtime.Caller(2)
	pc, _, _, _ := runtime.Caller(2)
	fmt.Println(tag, runtime.FuncForPC(pc).Name(), line)
}

func walk(tag string) {
	pcs := make([]uintptr, 8)
	n := runtime.Callers(2, pcs)
	frames := runtime.CallersFrames(pcs[:n])
	fmt.Print(tag)
	for {
		f, more := frames.Next()
		fmt.Print(" ", f.Function, ":", f.Line)
		if f.Function == "main.main" || !more {
			break
		}
	}
	fmt.Println()
}

func open(b bool) int {
	defer func() { exitLine("open") }()
	if b {
		return 1
	}
	fmt.Println("open: past the first return")
	return 2
}

func chain(b bool) int {
	for i := 0; i < 1; i++ {
		defer func() { exitLine("chain") }()
	}
	if b {
		return 1
	}
	return 2
}

func fallOff() {
	defer func() { exitLine("fall-off") }()
	fmt.Println("fall-off body")
}

func spread(b bool) (bool, int) {
	defer func() { exitLine("spread") }()
	return b &&
			true,
		len(fmt.Sprint(
			"x"))
}

type T struct{ name string }

func (t *T) Close() {
	exitLine("close " + t.name)
	walk("close walk")
}

func useT() {
	t := &T{"t"}
	defer t.Close()
	fmt.Println("using", t.name)
}

func nested() {
	defer func() {
		walk("nested walk")
	}()
	if true {
		return
	}
}

func main() {
	open(true)
	open(false)
	chain(true)
	chain(false)
	fallOff()
	fmt.Println(spread(true))
	useT()
	nested()
	defer walk("main's defer")
}
