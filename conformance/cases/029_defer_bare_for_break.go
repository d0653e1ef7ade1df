// rule: A1, A5
package main

import "fmt"

func main() {
	i := 0
	for {
		if i == 3 {
			break
		}
		i++
		if i == 2 {
			continue
		}
		defer fmt.Println("deferred in bare for, i =", i)
	}
	fmt.Println("after bare for, i =", i)
}
