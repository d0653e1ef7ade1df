package main

// SetFinalizer checks its arguments at run time: a finalizer that cannot
// take the object is a fatal error (no deferred call runs, status 2).

import (
	"fmt"
	"runtime"
)

type T struct {
	p *int
	n int
}

func main() {
	defer fmt.Println("deferred: never printed")
	fmt.Println("before")
	runtime.SetFinalizer(&T{}, func(n int) {})
	fmt.Println("not reached")
}
