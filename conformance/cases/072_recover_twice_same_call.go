// rule: C3
package main

import "fmt"

func main() {
	defer func() {
		fmt.Println("later deferred call:", recover())
	}()
	defer func() {
		a := recover()
		b := recover()
		fmt.Println("first:", a)
		fmt.Println("second:", b)
	}()
	panic("once")
}
