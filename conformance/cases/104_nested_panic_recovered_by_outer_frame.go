// rule: B4, C3, C4
package main

import "fmt"

func inner() {
	defer func() {
		panic("raised by inner's deferred call")
	}()
	panic("original")
}

func outer() (msg string) {
	defer func() {
		fmt.Println("outer: second recover =", recover())
	}()
	defer func() {
		r := recover()
		msg = fmt.Sprint("outer recovered: ", r)
	}()
	inner()
	return "unreachable"
}

func main() {
	fmt.Println(outer())
	fmt.Println("original panic is gone")
}
