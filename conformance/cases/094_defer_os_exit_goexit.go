// rule: D6, D1
package main

import (
	"fmt"
	"os"
	"runtime"
)

func main() {
	defer os.Exit(3)
	defer fmt.Println("runs during Goexit before os.Exit")
	runtime.Goexit()
}
