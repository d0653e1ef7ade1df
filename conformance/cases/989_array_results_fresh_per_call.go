package main

import "fmt"

// Each call's results start as zero values of their own: a named result
// of array type (or holding one) that a call writes into, or that a
// recovered panic leaves unassigned, does not carry a value over from an
// earlier call.

type Grid struct{ Cells [2][2]int }

func toPair(s []int) (p [2]int, err any) {
	defer func() { err = recover() }()
	p = [2]int(s)
	return
}

func count(n int) (c [3]int) {
	for i := range n {
		c[i%3]++
	}
	return
}

func mark(x, y int) (g Grid) {
	defer func() { g.Cells[1][1] += 10 }()
	g.Cells[x][y] = 1
	return
}

func unnamed(s []int) [2]int { return [2]int(s) }

func main() {
	fmt.Println(toPair([]int{1, 2, 3}))
	fmt.Println(toPair(nil))
	fmt.Println(count(4), count(1))
	fmt.Println(mark(0, 0), mark(0, 1))
	a, b := unnamed([]int{1, 2}), unnamed([]int{3, 4})
	fmt.Println(a, b)
	f := func(n int) (r [2]int) { r[1] += n; return }
	fmt.Println(f(1), f(2))
}
