package main

// gc's names of init functions (`main.init.0`, `main.init.1`, in source
// order) and of their function literals, and the line of their calls.

import (
	"fmt"
	"runtime"
)

func caller() (string, int) {
	pc, _, line, _ := runtime.Caller(2)
	return runtime.FuncForPC(pc).Name(), line
}

func report() {
	fmt.Println(caller())
}

func init() {
	report()
	func() {
		report()
	}()
}

func helper() {}

func init() {
	helper()
	report()
}

func main() {
	report()
	f := func() { report() }
	f()
}
