package main

// runtime.Caller from plain functions, a method and a closure: the line of
// the Caller call for skip 0, the line of each call below it, gc's
// runtime.main and runtime.goexit frames below main.main, then ok false.

import (
	"fmt"
	"runtime"
	"strings"
)

// The program's own file is named by the recorder; the runtime's by Go.
func base(file string) string {
	if strings.Contains(file, "/src/runtime/") || file == "" {
		return file[strings.LastIndex(file, "/")+1:]
	}
	return "prog.go"
}

func where(tag string, skips int) {
	for skip := 0; skip < skips; skip++ {
		_, file, line, ok := runtime.Caller(skip)
		fmt.Println(tag, skip, base(file), line, ok)
	}
}

type T struct{ n int }

func (t *T) Ptr()  { where("ptr", 3) }
func (t T) Value() { where("value", 3) }

func outer() {
	inner()
}

func inner() {
	where("inner", 4)
}

func main() {
	where("main", 5)
	outer()
	func() {
		where("closure", 3)
	}()
	t := &T{}
	t.Ptr()
	t.Value()
	f := t.Ptr
	f()
	_, file, line, ok := runtime.Caller(0)
	fmt.Println(base(file), line, ok, strings.HasSuffix(file, ".go"), strings.HasPrefix(file, "/"))
	pc, file, line, ok := runtime.Caller(40)
	fmt.Println(pc, file == "", line, ok)
}
