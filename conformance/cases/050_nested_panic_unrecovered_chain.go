// rule: B4, E2
package main

import "fmt"

func main() {
	defer fmt.Println("earliest defer still runs")
	defer func() {
		fmt.Println("deferred call panics again")
		panic("second")
	}()
	panic("first")
}
