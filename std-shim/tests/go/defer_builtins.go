// Builtins deferred (A9): `defer panic(v)` panics at function exit, in its
// LIFO slot, and an earlier-registered deferred call recovers it (C5); the
// named result keeps what `return` stored. `defer println(x)` evaluates x now.
package main

import "fmt"

func f() (r int) {
	defer func() { fmt.Println("recovered", recover()) }()
	defer panic("at exit")
	defer fmt.Println("before the deferred panic")
	x := 1
	defer fmt.Println("x at the defer statement:", x)
	x = 2
	return 7
}

func main() {
	fmt.Println("f returned", f())
}
