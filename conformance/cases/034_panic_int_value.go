// rule: B1, E2
package main

import "fmt"

func main() {
	defer fmt.Println("deferred before crash")
	n := 40
	panic(n + 2)
}
