// rule: D5, D3, E2
package main

import (
	"fmt"
	"runtime"
)

func main() {
	defer func() {
		panic("later panic")
	}()
	defer func() {
		fmt.Println("recover sees:", recover())
	}()
	defer func() {
		runtime.Goexit()
	}()
	panic("original panic")
}
