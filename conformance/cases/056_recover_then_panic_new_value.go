// rule: B4, E3
package main

import "fmt"

func main() {
	defer func() {
		r := recover()
		fmt.Println("recovered", r, "now panicking again")
		panic("second panic")
	}()
	panic("first panic")
}
