// rule: C1
package main

import "fmt"

func f() {
	defer func() {
		r := recover()
		fmt.Println("recover on normal return:", r, r == nil)
	}()
	fmt.Println("f returns normally")
}

func main() {
	f()
	fmt.Println("recover outside defer:", recover())
}
