package main

// Line directives without a file name: `//line :LINE:COL` at the start of
// a line gives the next line that line, `/*line :LINE:COL*/` gives the
// character after the comment that position; lines count on from there.
// Stack walks report the lines they give: a call's, and a failed index's
// (gc's is the line of its '[', whatever line the index is on).

import (
	"fmt"
	"runtime"
)

func here() int {
	_, _, line, _ := runtime.Caller(1)
	return line
}

var i = 5

func main() {
	fmt.Println("before:", here())
//line :500:1
	fmt.Println("after //line:", here())
	fmt.Println("inline:", /*line :700:5*/ here(), here())
	fmt.Println("next line:", here())
	x := /*line :900:20*/
	here()
	fmt.Println("across a line:", x)
	fmt.Println("failed index:", failAt())
}

func failAt() (line int) {
	defer func() {
		recover()
		pcs := make([]uintptr, 8)
		n := runtime.Callers(1, pcs)
		fs := runtime.CallersFrames(pcs[:n])
		for {
			f, more := fs.Next()
			if f.Function == "main.failAt" {
				line = f.Line
			}
			if !more {
				break
			}
		}
	}()
	var a [2]int
	_ = a /*line :999999:1*/ [ /*line :100:1*/ i]
	return 0
}
