// rule: D4, C2
package main

import (
	"fmt"
	"runtime"
)

func main() {
	defer fmt.Println("main first defer")
	defer func() {
		defer func() {
			r := recover()
			fmt.Println("inner recovered:", r)
		}()
		panic("hello")
	}()
	runtime.Goexit()
}
