// rule: B4, B3, E2
package main

import "fmt"

func main() {
	zero := 0
	defer fmt.Println("first defer runs")
	defer func() {
		fmt.Println("dividing by zero inside a deferred call")
		fmt.Println(10 / zero)
	}()
	panic("the original problem")
}
