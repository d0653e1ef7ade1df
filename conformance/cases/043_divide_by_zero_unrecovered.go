// rule: B3, E1
package main

import "fmt"

func main() {
	zero := 0
	x := 10
	x /= zero
	fmt.Println("unreachable", x)
}
