// rule: B2, E2
package main

import "fmt"

func check() error {
	return nil
}

func main() {
	defer fmt.Println("main defer")
	func() {
		defer func() {
			r := recover()
			fmt.Println("recovered non-nil:", r != nil, r)
		}()
		var err error
		panic(err)
	}()
	err := check()
	fmt.Println("err == nil:", err == nil)
	panic(err)
}
