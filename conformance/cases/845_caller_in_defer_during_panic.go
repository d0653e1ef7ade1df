package main

// runtime.Callers and runtime.Caller in a deferred call that a panic runs:
// gc runs the call on top of the panicking stack, so below it come
// runtime.gopanic, a run-time error's own frames, and every function the
// panic is unwinding, from the one that panicked (at the line of its
// panic, or of the expression that failed) to the one whose exit runs the
// call. Recovering does not change the walk while the call runs.

import (
	"fmt"
	"runtime"
	"strings"
)

// thisFile is this program's file (main sets it); others are named by
// their last element.
var thisFile string

func short(file string) string {
	if file == thisFile {
		return "this file"
	}
	return file[strings.LastIndex(file, "/")+1:]
}

func frames(tag string) {
	pcs := make([]uintptr, 16)
	n := runtime.Callers(2, pcs)
	fs := runtime.CallersFrames(pcs[:n])
	fmt.Print(tag, ":")
	for {
		f, more := fs.Next()
		fmt.Printf(" %s@%d", f.Function, f.Line)
		if f.Function == "main.main" || !more {
			break
		}
	}
	fmt.Println()
}

type box struct{ n int }

var zero int

func explicit() {
	defer func() {
		frames("explicit")
		recover()
	}()
	fmt.Println("explicit: about to panic")
	panic("boom")
}

func inLoop() {
	for i := 0; i < 2; i++ {
		defer func() {
			if recover() != nil {
				frames("chain")
			}
		}()
	}
	panic("loop")
}

func leaf(b *box) int {
	return 10 /
		b.n
}

func mid(b *box) int {
	x := leaf(b)
	return x + 1
}

func deep(b *box) {
	defer func() {
		r := recover()
		frames("deep")
		fmt.Println("recovered:", r)
	}()
	fmt.Println(mid(b))
}

func nilField() int {
	defer func() {
		recover()
		for i := 1; i < 8; i++ {
			pc, file, line, ok := runtime.Caller(i)
			if !ok {
				break
			}
			name := runtime.FuncForPC(pc).Name()
			fmt.Println("caller", i, name, short(file), line)
			if name == "main.main" {
				break
			}
		}
	}()
	var b *box
	return b.n
}

func main() {
	_, thisFile, _, _ = runtime.Caller(0)
	explicit()
	inLoop()
	deep(&box{n: 0})
	deep(nil)
	nilField()
}
