// rule: D6
package main

import (
	"fmt"
	"os"
)

func f() {
	defer fmt.Println("f defer never runs")
	fmt.Println("f exits")
	os.Exit(7)
}

func main() {
	defer fmt.Println("main defer never runs")
	defer println("stderr defer never runs")
	f()
}
