// rule: C4, B1, A5
package main

import "fmt"

func dive(n int, catchAt int) (depth int) {
	defer func() {
		if n == catchAt {
			if r := recover(); r != nil {
				fmt.Println("caught at", n, ":", r)
				depth = n
			}
		}
	}()
	if n == 0 {
		panic(fmt.Sprint("bottom reached, catch at ", catchAt))
	}
	return dive(n-1, catchAt) + 1000
}

func main() {
	fmt.Println("result", dive(5, 0))
	fmt.Println("result", dive(5, 2))
	fmt.Println("result", dive(5, 5))
}
