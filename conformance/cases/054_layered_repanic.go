// rule: B5, A5
package main

import "fmt"

func level(n int) {
	defer func() {
		r := recover()
		if r == nil {
			fmt.Println("level", n, "has nothing to handle")
			return
		}
		if n < 3 {
			fmt.Println("level", n, "re-panics", r)
			panic(r)
		}
		fmt.Println("level", n, "handles", r)
	}()
	if n == 0 {
		panic("deep problem")
	}
	level(n - 1)
}

func main() {
	level(5)
	fmt.Println("main: recovered at level 3")
}
