// rule: B4, C4
package main

import "fmt"

func f() {
	defer func() {
		fmt.Println("outer recover:", recover())
	}()
	defer func() {
		defer func() {
			fmt.Println("inner recover:", recover())
		}()
		panic("second")
	}()
	panic("first")
}

func main() {
	f()
	fmt.Println("main continues")
}
