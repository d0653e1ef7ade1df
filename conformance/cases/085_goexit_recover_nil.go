// rule: D1, C1
package main

import (
	"fmt"
	"runtime"
)

func f() {
	defer func() {
		r := recover()
		fmt.Println("recover during Goexit:", r)
	}()
	runtime.Goexit()
}

func main() {
	defer func() {
		fmt.Println("main's recover during Goexit:", recover())
	}()
	f()
}
