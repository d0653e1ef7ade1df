package main

// runtime.Callers + CallersFrames: function names (methods, closures,
// range-over-func bodies) and lines, stopping at
// main.main; Callers(0) starts with runtime.Callers itself; FuncForPC of
// Caller's pc names the function.

import (
	"fmt"
	"runtime"
	"strings"
)

func stack(tag string, skip int) {
	pcs := make([]uintptr, 16)
	n := runtime.Callers(skip, pcs)
	frames := runtime.CallersFrames(pcs[:n])
	var parts []string
	for {
		fr, more := frames.Next()
		parts = append(parts, fmt.Sprintf("%s:%d", fr.Function, fr.Line))
		if fr.Function == "main.main" || !more {
			break
		}
	}
	fmt.Println(tag, strings.Join(parts, " <- "))
}

func name(skip int) string {
	pc, _, _, ok := runtime.Caller(skip + 1)
	if !ok {
		return "?"
	}
	return runtime.FuncForPC(pc).Name()
}

type Stack struct{ items []int }

func (s *Stack) Push(v int) {
	s.items = append(s.items, v)
	stack("push", 1)
}

func (s Stack) Len() int {
	fmt.Println("Len in", name(0))
	return len(s.items)
}

func seq(yield func(int) bool) {
	for i := range 2 {
		if !yield(i) {
			return
		}
	}
}

func main() {
	stack("main", 1)
	stack("zero", 0)
	s := &Stack{}
	s.Push(1)
	fmt.Println(s.Len())
	func() {
		stack("closure", 1)
		fmt.Println("closure", name(0), "called by", name(1))
	}()
	for i := range seq {
		fmt.Println("range body", i, name(0), "called by", name(1))
	}
	fmt.Println(runtime.FuncForPC(0) == nil, runtime.FuncForPC(0).Name() == "")
	var nf *runtime.Func
	fmt.Println(nf.Name() == "")
	pcs := make([]uintptr, 2)
	fmt.Println(runtime.Callers(1, pcs), runtime.Callers(100, pcs), runtime.Callers(1, nil))
	fr := runtime.CallersFrames(nil)
	f, more := fr.Next()
	fmt.Println(f.Function == "", f.Line, more)
}
