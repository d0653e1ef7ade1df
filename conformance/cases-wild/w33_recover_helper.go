// rule: issue9 (wild) recover must be called directly by the deferred function: a helper that calls recover does not stop the panic
package main

import "fmt"

func handle() {
	if r := recover(); r != nil {
		fmt.Println("handled:", r)
	}
}

func logRecover(where string) {
	r := recover()
	fmt.Printf("%s: recover() returned %v\n", where, r)
}

func good() {
	defer handle()
	panic("good panic")
}

func bad() {
	defer func() {
		logRecover("nested helper")
	}()
	panic("bad panic")
}

func main() {
	good()
	fmt.Println("after good")
	defer fmt.Println("main deferred")
	bad()
	fmt.Println("after bad")
}
