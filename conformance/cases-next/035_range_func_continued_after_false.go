// rule: B3, A5, C4; issue9 range-over-func: an iterator that ignores yield's false after a break gets Go's run-time error
package main

import "fmt"

func stubborn(yield func(int) bool) {
	defer fmt.Println("stubborn: defer")
	for i := 0; i < 3; i++ {
		ok := yield(i)
		fmt.Println("yield returned", ok)
	}
}

func main() {
	defer func() {
		fmt.Println("main recovered:", recover())
	}()
	for x := range stubborn {
		defer fmt.Println("body defer", x)
		if x == 0 {
			break
		}
	}
	fmt.Println("unreachable")
}
