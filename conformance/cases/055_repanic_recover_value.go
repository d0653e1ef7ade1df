// rule: B5, E3
package main

import "fmt"

func main() {
	defer fmt.Println("outer defer runs first")
	defer func() {
		panic(recover())
	}()
	panic("message")
}
