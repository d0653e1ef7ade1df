// rule: A1, A5; issue9 labels with break/continue/goto, defers registered in labelled loops
package main

import "fmt"

func search(grid [][]int, want int) (pos string) {
	defer func() { fmt.Println("search done:", pos) }()
outer:
	for i, row := range grid {
		for j, v := range row {
			if v < 0 {
				continue outer
			}
			if v == want {
				pos = fmt.Sprint(i, ",", j)
				break outer
			}
			defer fmt.Print("visited ", v, "; ")
		}
	}
	if pos == "" {
		pos = "none"
	}
	return
}

func retry() {
	n := 0
again:
	n++
	defer fmt.Println("retry defer", n)
	if n < 3 {
		goto again
	}
	fmt.Println("retried", n)
}

func main() {
	grid := [][]int{{1, -1, 9}, {2, 3}, {4, 5}}
	fmt.Println(search(grid, 3))
	fmt.Println()
	fmt.Println(search(grid, 42))
	fmt.Println()
	retry()
	i := 0
loop:
	for {
		switch {
		case i >= 3:
			break loop
		default:
			i++
			continue loop
		}
	}
	fmt.Println("i =", i)
}
