// rule: B1, B4, C5, E2
// A deferred call that panics while its function returns normally starts
// an unwinding that leaves the function and goes on through its callers,
// running their defers; here the panic comes from a defer of a deferred
// call, two levels below the return that started it.
package main

import "fmt"

func inner() (r int) {
	defer func() {
		defer func() {
			panic("from a defer of a deferred call")
		}()
		fmt.Println("inner's deferred func returns")
	}()
	return 1
}

func middle() (r int) {
	defer fmt.Println("middle's defer runs")
	r = inner()
	fmt.Println("not reached")
	return r
}

func outer() (r int) {
	defer func() {
		fmt.Println("outer recovers:", recover())
		r = 42
	}()
	return middle()
}

func last() {
	defer func() {
		fmt.Println("last's defer runs, then panics again")
		panic("second")
	}()
	inner()
}

func main() {
	fmt.Println("outer() =", outer())
	last()
}
