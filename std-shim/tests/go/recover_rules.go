// recover (B4, C1, C2, C3): only a deferred call the panic runs recovers,
// by calling recover itself; nested panics abort or continue the older one.
package main

import "fmt"

func protect(name string, f func()) {
	defer func() {
		if p := recover(); p != nil {
			fmt.Println(name, "caught by protect:", p)
		}
	}()
	f()
}

func helper() interface{} { return recover() }

func viaHelper() {
	defer func() { fmt.Println("helper got:", helper()) }()
	panic("p1")
}

func directHelper() {
	if p := recover(); p != nil {
		fmt.Println("directHelper recovered:", p)
	}
}

func deferHelper() {
	defer directHelper()
	panic("p2")
}

func deferredByDeferred() {
	defer func() {
		defer func() { fmt.Println("deferred by deferred:", recover()) }()
	}()
	panic("p3")
}

func twice() {
	defer func() { fmt.Println("second:", recover()) }()
	defer func() { fmt.Println("first:", recover()) }()
	panic("p4")
}

func normal() {
	defer func() { fmt.Println("normal return:", recover()) }()
}

func aborted() {
	defer func() { fmt.Println("outer recover:", recover()) }()
	defer func() { panic("newer") }()
	panic("older")
}

func recoveredInside() {
	defer func() { fmt.Println("f recover:", recover()) }()
	defer func() {
		defer func() { fmt.Println("inside recover:", recover()) }()
		panic("newer")
	}()
	panic("older")
}

func main() {
	protect("viaHelper", viaHelper)
	protect("deferHelper", deferHelper)
	protect("deferredByDeferred", deferredByDeferred)
	protect("twice", twice)
	protect("normal", normal)
	protect("aborted", aborted)
	protect("recoveredInside", recoveredInside)
}
