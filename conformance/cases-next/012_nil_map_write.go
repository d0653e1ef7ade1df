// rule: B3, C4, E1; issue9 maps: assignment to entry in nil map, recovered then unrecovered
package main

import (
	"fmt"
	"runtime"
)

func set(m map[string]int, k string, v int) (err error) {
	defer func() {
		if r := recover(); r != nil {
			_, isRT := r.(runtime.Error)
			fmt.Println("runtime.Error:", isRT)
			err = r.(error)
		}
	}()
	m[k] = v
	return nil
}

func main() {
	var m map[string]int
	fmt.Println("read from nil map:", m["x"], len(m))
	delete(m, "x")
	fmt.Println("set:", set(m, "a", 1))
	m = map[string]int{}
	fmt.Println("set:", set(m, "a", 1), m)
	defer fmt.Println("deferred before the crash")
	var n map[int]bool
	n[1] = true
}
