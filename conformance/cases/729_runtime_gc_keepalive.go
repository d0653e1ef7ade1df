// rule: runtime.GC and runtime.KeepAlive change nothing a program without
// finalizers can see: deferred calls, recovered panics and values kept in
// closures are as before (Go's own tests call GC between defer and panic
// steps to check that the collector does not disturb them).
package main

import (
	"fmt"
	"runtime"
)

type big struct {
	data [64]int
	name string
}

func work(n int) (res []int) {
	defer func() {
		runtime.GC()
		if r := recover(); r != nil {
			res = append(res, -1)
			fmt.Println("recovered after GC:", r)
		}
	}()
	for i := 0; i < n; i++ {
		res = append(res, i)
		runtime.GC()
	}
	panic(fmt.Sprint("stop at ", n))
}

func main() {
	b := &big{name: "kept"}
	b.data[63] = 7
	defer runtime.KeepAlive(b)
	defer runtime.GC()
	fmt.Println(work(3))
	f := func() string { return b.name }
	runtime.GC()
	fmt.Println(f(), b.data[63])
	runtime.KeepAlive(f)
}
