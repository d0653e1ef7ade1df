// rule: D6
package main

import (
	"fmt"
	"os"
)

func main() {
	defer fmt.Println("never runs")
	defer func() {
		fmt.Println("exiting from a deferred call")
		os.Exit(4)
	}()
	defer fmt.Println("runs before os.Exit")
	panic("never reported")
}
