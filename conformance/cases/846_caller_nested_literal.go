package main

// runtime.Caller in a function literal inside a function literal gives
// its file and line; from a deferred call of the inner literal, skip 1 is
// the outer literal's exit, at its closing brace. gc names the inner
// literal `outer.N` when the outer one is never inlined (it has a defer, a
// go statement or a recover of its own, or it is itself deferred or
// started by go), and `outer.funcN` when its inliner took the outer one.

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

func name() string {
	pc, _, line, _ := runtime.Caller(1)
	return fmt.Sprint(runtime.FuncForPC(pc).Name(), ":", line)
}

func named(done chan bool) {
	func() {
		defer func() { fmt.Println("deferred in a literal:", name()) }()
		func() { fmt.Println("called in a literal with a defer:", name()) }()
	}()
	func() {
		if recover() != nil {
			return
		}
		func() {
			func() { fmt.Println("two deep, under a recover:", name()) }()
		}()
	}()
	go func() {
		func() { fmt.Println("in a go statement's literal:", name()) }()
		done <- true
	}()
	<-done
}

func main() {
	_, thisFile, _, _ = runtime.Caller(0)
	named(make(chan bool))
	var line int
	var file string
	func() {
		defer func() {
			_, file, line, _ = runtime.Caller(1)
		}()
		fmt.Println("in the outer literal")
	}()
	fmt.Println("deferred call's caller:", short(file), line)
	func() {
		func() {
			_, file, line, ok := runtime.Caller(0)
			fmt.Println("inner literal:", short(file), line, ok)
			_, _, line, ok = runtime.Caller(2)
			fmt.Println("two up:", line, ok)
		}()
	}()
}
