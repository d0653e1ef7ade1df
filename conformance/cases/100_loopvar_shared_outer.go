// rule: F3, A4
package main

import "fmt"

func main() {
	var i int
	for i = 0; i < 3; i++ {
		defer func() { fmt.Println("shared outer i =", i) }()
	}
	k := 0
	for k < 3 {
		defer func() { fmt.Println("shared k =", k) }()
		k++
	}
}
