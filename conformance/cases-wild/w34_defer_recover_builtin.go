// rule: issue9 (wild) defer recover() inside a deferred function that a panic runs recovers it; for a panic raised in that deferred function itself it does not
package main

import "fmt"

func inner() (msg string) {
	defer func() {
		if msg == "" {
			msg = "recovered by deferred recover()"
		}
	}()
	defer func() {
		defer recover()
		panic("panic inside a deferred call")
	}()
	return ""
}

func outer() {
	defer func() {
		defer recover()
	}()
	panic("outer panic")
}

func main() {
	outer()
	fmt.Println("outer returned normally")
	defer fmt.Println("main: deferred println")
	fmt.Println(inner())
}
