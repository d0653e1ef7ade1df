package main

import (
	"fmt"
	"runtime"
)

// An object whose last use in main is as the argument of a call to a
// top-level function (and of a method value called with a multi-valued
// call's results) is dead in main during that call: the callee alone keeps
// it, and once the callee is done with it a collection may finalize it.

type Box struct{ n [16]int }

var done bool

func collect() bool {
	runtime.GC()
	runtime.GC()
	runtime.GC()
	return done
}

func consume(b *Box) {
	fmt.Println("in consume, before its last use:", collect())
	b.n[0] = 7
	defer func() {
		fmt.Println("deferred in consume, after the last use:", collect())
	}()
}

func main() {
	b := new(Box)
	runtime.SetFinalizer(b, func(*Box) { done = true })
	fmt.Println("main, still used:", collect())
	consume(b)
	fmt.Println("main, after the call:", collect())
}
