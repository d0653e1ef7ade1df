// rule: issue9 (wild) panic(nil) since Go 1.21: recover returns a *runtime.PanicNilError; an unrecovered one crashes
package main

import (
	"errors"
	"fmt"
	"runtime"
)

func protect(f func()) (recovered any, panicked bool) {
	panicked = true
	defer func() {
		recovered = recover()
	}()
	f()
	panicked = false
	return
}

func main() {
	r, p := protect(func() { panic(nil) })
	fmt.Printf("%v | %T | panicked=%t\n", r, r, p)
	var pne *runtime.PanicNilError
	err, _ := r.(error)
	fmt.Println(errors.As(err, &pne))
	_, isRT := r.(runtime.Error)
	fmt.Println("runtime.Error:", isRT)
	r, p = protect(func() {})
	fmt.Println(r, p)
	var e error
	r, p = protect(func() { panic(e) })
	fmt.Printf("%T %v\n", r, p)
	defer fmt.Println("deferred before crash")
	var iface fmt.Stringer
	panic(iface)
}
