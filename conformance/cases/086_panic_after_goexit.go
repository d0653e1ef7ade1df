// rule: D3, E2
package main

import (
	"fmt"
	"runtime"
)

func main() {
	defer fmt.Println("earlier defer runs before the report")
	defer func() {
		panic("hello")
	}()
	runtime.Goexit()
}
