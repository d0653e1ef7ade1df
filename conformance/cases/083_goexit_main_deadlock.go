// rule: D1, D2, E6
package main

import (
	"fmt"
	"runtime"
)

func main() {
	defer fmt.Println("main defer runs during Goexit")
	fmt.Println("calling Goexit")
	runtime.Goexit()
	fmt.Println("unreachable")
}
