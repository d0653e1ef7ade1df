// rule: A3, B1, B3, E1
package main

import "fmt"

func main() {
	a := 7
	b := 0
	defer fmt.Println("earlier defer runs")
	defer fmt.Println("never registered", a%b)
	fmt.Println("unreachable")
}
