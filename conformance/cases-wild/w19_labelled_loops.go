// rule: issue9 (wild) labelled break/continue, goto, 2D slices, defers in a loop with closures capturing per-iteration vars
package main

import "fmt"

func findPair(grid [][]int, target int) (r, c int, found bool) {
outer:
	for i, row := range grid {
		for j, v := range row {
			if v < 0 {
				continue outer
			}
			if v == target {
				r, c, found = i, j, true
				break outer
			}
		}
	}
	return
}

func primes(n int) []int {
	var ps []int
next:
	for i := 2; len(ps) < n; i++ {
		for _, p := range ps {
			if i%p == 0 {
				continue next
			}
		}
		ps = append(ps, i)
	}
	return ps
}

func retry(max int) (attempts int) {
	i := 0
again:
	i++
	if i < max {
		goto again
	}
	return i
}

func main() {
	grid := [][]int{
		{1, 2, 3},
		{4, -1, 9},
		{7, 8, 9},
	}
	fmt.Println(findPair(grid, 9))
	fmt.Println(findPair(grid, 42))
	fmt.Println(primes(10))
	fmt.Println(retry(4))
	for i := range 3 {
		defer func() { fmt.Println("deferred i =", i) }()
	}
	var fs []func() int
	for _, v := range []int{10, 20, 30} {
		fs = append(fs, func() int { return v })
	}
	for _, f := range fs {
		fmt.Print(f(), " ")
	}
	fmt.Println()
	matrix := make([][]string, 3)
	for i := range matrix {
		matrix[i] = make([]string, 3)
		for j := range matrix[i] {
			matrix[i][j] = fmt.Sprintf("%c%d", 'a'+i, j)
		}
	}
	fmt.Println(matrix)
}
