// rule: E2, E3, B4
package main

import (
	"errors"
	"fmt"
)

func main() {
	defer func() {
		r := recover()
		fmt.Println("outer recovered", r)
		panic(errors.New("final error"))
	}()
	defer func() {
		panic(1 < 2)
	}()
	n := 6
	panic(n * 7)
}
