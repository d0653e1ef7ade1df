// rule: A9, C2; issue9 the bug it names: `defer recover()` written in a deferred function that a panic runs recovers that panic (gc's wrapper frame), unlike a deferred closure or helper calling recover
package main

import "fmt"

func helper() {
	fmt.Println("helper's recover:", recover())
}

func builtin() (r int) {
	defer func() {
		defer recover()
		r = 1
	}()
	panic("stopped by defer recover()")
}

func viaClosure() {
	defer func() { fmt.Println("outer recover:", recover()) }()
	defer func() {
		defer func() { fmt.Println("nested closure's recover:", recover()) }()
	}()
	panic("not stopped by a nested closure")
}

func viaHelper() {
	defer func() { fmt.Println("outer recover:", recover()) }()
	defer func() {
		defer helper()
	}()
	panic("not stopped by a deferred helper")
}

func direct() {
	defer func() { fmt.Println("outer recover:", recover()) }()
	defer recover()
	panic("not stopped by defer recover() in the panicking function")
}

func main() {
	fmt.Println("builtin returned", builtin())
	viaClosure()
	viaHelper()
	direct()
	fmt.Println("main done")
}
