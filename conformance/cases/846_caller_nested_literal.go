package main

// runtime.Caller in a function literal inside a function literal gives
// its file and line (gc's name for it depends on inlining, but not
// those); from a deferred call of the inner literal, skip 1 is the outer
// literal's exit, at its closing brace.

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

func main() {
	_, thisFile, _, _ = runtime.Caller(0)
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
