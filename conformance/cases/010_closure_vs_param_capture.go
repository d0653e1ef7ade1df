// rule: A4, A5
package main

import "fmt"

func main() {
	x := 10
	defer func() { fmt.Println("closure sees x =", x) }()
	defer func(v int) { fmt.Println("param sees v =", v) }(x)
	x = 20
	defer func() {
		x++
		fmt.Println("closure increments x to", x)
	}()
	x = 30
	fmt.Println("body sets x =", x)
}
