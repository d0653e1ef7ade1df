// rule: A1, A5; issue9 slices: append, copy, len/cap, defers in a range loop
package main

import "fmt"

func collect() (out []string) {
	words := []string{"a", "b", "c"}
	for i, w := range words {
		defer func() { out = append(out, fmt.Sprint(i, w)) }()
	}
	return []string{"start"}
}

func main() {
	fmt.Println(collect())
	src := []int{1, 2, 3, 4, 5}
	dst := make([]int, 3)
	n := copy(dst, src)
	fmt.Println(n, dst)
	n = copy(src[1:], src)
	fmt.Println(n, src)
	b := make([]byte, 5)
	n = copy(b, "hello world")
	fmt.Println(n, string(b))
	more := append([]int{0}, src...)
	more = append(more[:2], more[3:]...)
	fmt.Println(more, len(more))
	var grow []int
	caps := 0
	for i := range 20 {
		before := cap(grow)
		grow = append(grow, i)
		if cap(grow) != before {
			caps++
		}
	}
	fmt.Println(len(grow), caps > 1)
}
