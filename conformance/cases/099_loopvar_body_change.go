// rule: F2, F1
package main

import "fmt"

func main() {
	for i := 0; i < 4; i++ {
		defer func() { fmt.Println("deferred i =", i) }()
		i++
		fmt.Println("body bumped i to", i)
	}
}
