// rule: A9, C2, C4
// `defer recover()` inside a deferred function that the panic is running
// recovers the panic when that function returns: gc runs the builtin in a
// wrapper frame that gorecover skips, so it counts as a recover() by the
// deferred function itself.
package main

import "fmt"

func f() (r string) {
	r = "set before the panic"
	defer func() {
		fmt.Println("outer literal: recover() =", recover())
	}()
	defer func() {
		defer recover()
		fmt.Println("deferred func runs, its defer recover() is pending")
	}()
	panic("boom")
}

func g() (n int) {
	defer func() {
		defer recover()
		n = 7
	}()
	var zero int
	return 1 / zero
}

func main() {
	fmt.Println("f returned normally:", f())
	fmt.Println("g returned normally:", g())
}
