// rule: A5, C4
package main

import "fmt"

func main() {
	defer fmt.Println("main: last")
	for i := 0; i < 3; i++ {
		func() {
			defer fmt.Println("literal defer for i =", i)
			fmt.Println("literal body i =", i)
		}()
	}
	func() {
		defer func() { fmt.Println("literal recovered:", recover()) }()
		panic("inside literal")
	}()
	fmt.Println("main continues after literal panic")
}
