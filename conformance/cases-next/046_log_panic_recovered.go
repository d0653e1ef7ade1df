// rule: B1, C4, E1; issue9 log.Panicf: logs, then panics with the message; recovered once, then unrecovered
package main

import (
	"fmt"
	"log"
)

func mustPositive(n int) int {
	defer fmt.Println("mustPositive defer", n)
	if n <= 0 {
		log.Panicf("not positive: %d", n)
	}
	return n
}

func safe(n int) (v int) {
	defer func() {
		if r := recover(); r != nil {
			fmt.Printf("recovered %T: %v\n", r, r)
			v = -1
		}
	}()
	return mustPositive(n)
}

func main() {
	log.SetFlags(0)
	fmt.Println(safe(3), safe(-2))
	mustPositive(0)
}
