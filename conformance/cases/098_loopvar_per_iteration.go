// rule: F1, A4
package main

import "fmt"

func main() {
	for i := 0; i < 3; i++ {
		defer func() { fmt.Println("closure i =", i) }()
	}
	var fs func() int
	for j := 10; j < 13; j++ {
		if j == 11 {
			fs = func() int { return j }
		}
	}
	fmt.Println("captured j =", fs())
}
