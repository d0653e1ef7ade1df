package main

// runtime/debug.Stack: the goroutine's traceback in gc's format. A
// "goroutine 1 [running]:" line, then for each frame from the innermost
// (debug.Stack's own first) its function with its arguments in
// parentheses, and on the next line, after a tab, its file, line and
// " +0x" with the offset of the pc in the function. runtime.gopanic is
// shown as panic(...); the runtime's unexported functions (a run-time
// error's frames, runtime.main, runtime.goexit) are left out. The argument
// words and offsets are the machine's (and an inlined call's frame has
// "(...)" and no offset): this program prints the frames without them.

import (
	"fmt"
	"runtime/debug"
	"strings"
)

var thisFile string

func show(tag string, st []byte) {
	lines := strings.Split(strings.TrimSuffix(string(st), "\n"), "\n")
	fmt.Println(tag+":", lines[0])
	for i := 1; i+1 < len(lines); i += 2 {
		fn := lines[i]
		if p := strings.LastIndex(fn, "("); p >= 0 && strings.HasSuffix(fn, ")") {
			if fn[p:] == "()" {
				fn = fn[:p] + "()"
			} else {
				fn = fn[:p] + "(args)"
			}
		}
		loc := strings.TrimPrefix(lines[i+1], "\t")
		if off := strings.LastIndex(loc, " +0x"); off >= 0 {
			loc = loc[:off]
		}
		if strings.HasPrefix(loc, thisFile+":") {
			loc = "this file" + loc[len(thisFile):]
		} else {
			loc = loc[strings.LastIndex(loc, "/")+1:]
		}
		fmt.Printf("  %s at %s\n", fn, loc)
	}
}

type Inner struct{ Err int }

func (i *Inner) NotExpected() int {
	if i == nil {
		return 86
	}
	return 17 + i.Err
}

type Outer struct {
	Inner
}

func expected() {
	var o *Outer
	fmt.Println(o.NotExpected())
}

type T struct{ n int }

func (t *T) method(x int, s string) {
	show("method", debug.Stack())
}

func leaf(a, b int) int {
	return a / b
}

func main() {
	st := string(debug.Stack())
	next := st[strings.Index(st, "main.main()\n\t")+len("main.main()\n\t"):]
	thisFile = next[:strings.Index(next, ":")]
	show("main", []byte(st))
	(&T{}).method(1, "x")
	func() {
		defer func() {
			r := recover()
			s := string(debug.Stack())
			fmt.Println("recovered:", r)
			fmt.Println("has NotExpected:", strings.Contains(s, "NotExpected"))
			fmt.Println("has expected:", strings.Contains(s, "main.expected()"))
			show("deref", []byte(s))
		}()
		expected()
	}()
	func() {
		defer func() {
			recover()
			show("divide", debug.Stack())
		}()
		fmt.Println(leaf(1, 0))
	}()
	debug.PrintStack()
}
