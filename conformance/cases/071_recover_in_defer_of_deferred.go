// rule: C2, D1
package main

import "fmt"

func main() {
	defer func() {
		fmt.Println("outer recover:", recover())
	}()
	defer func() {
		defer func() {
			fmt.Println("nested deferred recover:", recover())
		}()
		fmt.Println("deferred call returns normally")
	}()
	panic("for outer")
}
