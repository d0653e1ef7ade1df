// rule: F3, A4
package main

import "fmt"

func main() {
	n := 0
	for n < 3 {
		v := n * 10
		defer func() { fmt.Println("body var v =", v) }()
		n++
	}
	for {
		w := n
		defer func() { fmt.Println("bare-for body var w =", w, "n =", n) }()
		n++
		if n > 4 {
			break
		}
	}
}
