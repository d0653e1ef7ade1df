// rule: A9, C2
// The same rule when the deferred function's own defers are not open-coded
// (a defer in a loop, or more than 8 defers): gc's deferreturn is itself a
// wrapper frame, so `defer recover()` still counts as a call by the deferred
// function. Also when the panicking function's defers are on the chain.
package main

import "fmt"

func loopy() {
	for i := 0; i < 2; i++ {
		defer fmt.Println("loop defer", i)
	}
	defer recover()
}

func many() {
	defer fmt.Println("many 1")
	defer fmt.Println("many 2")
	defer fmt.Println("many 3")
	defer fmt.Println("many 4")
	defer fmt.Println("many 5")
	defer fmt.Println("many 6")
	defer fmt.Println("many 7")
	defer fmt.Println("many 8")
	defer recover()
}

func a() (r string) {
	r = "a recovered"
	defer loopy()
	panic("a's panic")
}

func b() (r string) {
	r = "b recovered"
	for i := 0; i < 1; i++ {
		defer fmt.Println("b's loop defer")
	}
	defer many()
	panic("b's panic")
}

func c() (r string) {
	r = "c recovered"
	for i := 0; i < 2; i++ {
		defer fmt.Println("c's loop defer", i)
	}
	defer func() {
		defer recover()
	}()
	panic("c's panic")
}

func main() {
	fmt.Println(a())
	fmt.Println(b())
	fmt.Println(c())
}
