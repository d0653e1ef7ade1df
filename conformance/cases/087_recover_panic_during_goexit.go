// rule: D4, D2
package main

import (
	"fmt"
	"runtime"
)

func main() {
	defer fmt.Println("remaining defer still runs")
	defer func() {
		r := recover()
		fmt.Println("recovered during Goexit:", r)
	}()
	defer func() {
		panic("hello")
	}()
	runtime.Goexit()
	fmt.Println("unreachable")
}
