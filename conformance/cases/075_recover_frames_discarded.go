// rule: C4, B1
package main

import "fmt"

func level3() {
	defer fmt.Println("level3 defer")
	panic("deep")
}

func level2() int {
	defer fmt.Println("level2 defer")
	level3()
	fmt.Println("level2 after level3 (unreachable)")
	return 2
}

func level1() (out int) {
	defer func() {
		fmt.Println("level1 recovers:", recover())
		out = out + 100
	}()
	out = 1
	out = level2()
	return out
}

func main() {
	fmt.Println("level1() =", level1())
}
