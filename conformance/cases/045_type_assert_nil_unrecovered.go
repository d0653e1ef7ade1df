// rule: B3, E1
package main

import "fmt"

func main() {
	var v any
	defer fmt.Println("defer runs")
	s := v.(string)
	fmt.Println("unreachable", s)
}
