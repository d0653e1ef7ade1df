// rule: D5, D2
package main

import (
	"fmt"
	"runtime"
)

func main() {
	defer func() {
		fmt.Println("later defer recover:", recover())
	}()
	defer func() {
		fmt.Println("calling Goexit while panicking")
		runtime.Goexit()
	}()
	panic("original panic")
}
