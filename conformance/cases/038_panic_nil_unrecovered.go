// rule: B2, E1, E2
package main

import "fmt"

func main() {
	defer fmt.Println("defer runs")
	panic(nil)
}
