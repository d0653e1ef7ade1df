// rule: E5, B4, B3, E3
package main

import (
	"errors"
	"fmt"
)

var rollback func()

func begin(fail bool) func() {
	if fail {
		return nil
	}
	return func() { fmt.Println("rolled back") }
}

func transfer(amount int) {
	rollback = begin(true)
	defer func() {
		if r := recover(); r != nil {
			fmt.Println("recovering, rolling back")
			rollback()
		}
	}()
	if amount > 100 {
		panic(errors.New("insufficient funds"))
	}
}

func main() {
	transfer(500)
	fmt.Println("unreachable")
}
