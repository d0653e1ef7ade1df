// rule: E3, C4
package main

import "fmt"

func main() {
	defer func() {
		panic("second")
	}()
	defer func() {
		fmt.Println("recovered:", recover())
	}()
	panic("first")
}
