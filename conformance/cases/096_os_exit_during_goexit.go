// rule: D6, D1
package main

import (
	"fmt"
	"os"
	"runtime"
)

func f() {
	defer func() {
		fmt.Println("f defer exits with 5")
		os.Exit(5)
	}()
	runtime.Goexit()
}

func main() {
	defer fmt.Println("main defer never runs")
	f()
}
