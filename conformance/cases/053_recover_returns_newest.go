// rule: B4, C3
package main

import "fmt"

func g() {
	defer func() {
		fmt.Println("g recover:", recover())
	}()
	defer func() {
		panic(fmt.Sprint("third, after ", "second"))
	}()
	defer func() {
		panic("second")
	}()
	panic("first")
}

func main() {
	g()
	fmt.Println("done")
}
