package main

// A deferred call's stack walk below an index, slice or slice-to-array
// conversion that failed: gc (1.27) shows runtime.gopanic, then
// runtime.panicBounds64 and runtime.panicBounds (one assembly stub for every
// bounds check), then the function that failed at the line of the
// expression's '[' (of the operand for a conversion), whatever line its
// operand or index is on. A function whose argument failed was never
// entered: it is not on the stack.

import (
	"fmt"
	"runtime"
)

func frames(tag string) {
	r := recover()
	pcs := make([]uintptr, 16)
	n := runtime.Callers(2, pcs)
	fs := runtime.CallersFrames(pcs[:n])
	fmt.Print(tag, " (", r, "):")
	for {
		f, more := fs.Next()
		fmt.Printf(" %s@%d", f.Function, f.Line)
		if f.Function == "main.main" || !more {
			break
		}
	}
	fmt.Println()
}

var (
	i    = 7
	u    = uint(7)
	zero = 0
	s    []int
	arr  [3]int
	str  = "go"
)

func foo(x int) int { return x + 1 }

func bar(x ...int) int { return x[0] + 1 }

func read() {
	defer frames("read")
	_ = s[
	i]
}

func readU() {
	defer frames("unsigned")
	_ = arr[u]
}

func readStr() {
	defer frames("string")
	_ = str[i+
		1]
}

func store() {
	defer frames("store")
	arr[i] =
		1
}

func argument() {
	defer frames("argument")
	foo(s[0])
}

func variadic() {
	defer frames("variadic")
	bar(s[zero])
}

func slices() {
	defer frames("a[i:]")
	_ = s[i:]
}

func slicesHigh() {
	defer frames("a[:i]")
	_ = arr[:
	i]
}

func slices3() {
	defer frames("a[:z:i]")
	_ = s[:zero:i]
}

func slicesOrder() {
	defer frames("a[i:z:z]")
	_ = s[i:zero:zero]
}

func strSlice() {
	defer frames("str[i:]")
	_ = str[i:]
}

func convert() {
	defer frames("convert")
	_ = [3]int(
		s)
}

type grid struct{ cells [][]int }

func (g *grid) at(r, c int) int {
	return g.cells[r][c]
}

func method() {
	defer frames("method")
	g := &grid{cells: [][]int{{1}}}
	fmt.Println(g.at(0, 0))
	fmt.Println(g.at(0, 2))
}

func main() {
	read()
	readU()
	readStr()
	store()
	argument()
	variadic()
	slices()
	slicesHigh()
	slices3()
	slicesOrder()
	strSlice()
	convert()
	method()
}
