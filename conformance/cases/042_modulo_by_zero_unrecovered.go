// rule: B3, B1, E1
package main

import "fmt"

func mod(a int, b int) int {
	defer fmt.Println("mod defer, b =", b)
	return a % b
}

func main() {
	fmt.Println(mod(7, 3))
	fmt.Println(mod(7, 0))
}
