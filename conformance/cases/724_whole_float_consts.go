package main

import (
	"fmt"
	"math"
)

func main() {
	defer fmt.Println("deferred:", [2.0]string{1.0: "one"}[1], 1<<3.0, 7.0/2 == 3.5)
	const m = min(1.5, 0.1+0.2, 2)
	fmt.Println(m, max(0.5, 1), min(3, 2.5))
	x := 0.3
	switch x {
	case 0.1 + 0.2:
		fmt.Println("exact")
	default:
		fmt.Println("no")
	}
	s := make([]int, 2.0, 4.0)
	var a [3.0]int
	fmt.Println(len(s), cap(s), len(a), a[1.0], 1<<2.0, math.Pi*2, math.Sqrt(2.0), float32(0.1))
	var f32 float32 = 1.0 / 3
	fmt.Println(f32, f32*3, 1e-400 == 0, -(0.5))
}
