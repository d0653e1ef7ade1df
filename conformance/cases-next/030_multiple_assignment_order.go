// rule: A1, A6; issue9 multiple assignment with Go's evaluation order (operands first, then assignments left to right)
package main

import "fmt"

func pair() (a, b int) {
	defer func() { a, b = b, a }()
	return 1, 2
}

func trace(s string, v int) int {
	fmt.Println("eval", s)
	return v
}

func main() {
	x, y := 1, 2
	x, y = y, x
	fmt.Println(x, y)
	fmt.Println(pair())
	s := []int{0, 0, 0}
	i := 0
	i, s[i] = 1, 9
	fmt.Println(i, s)
	a := []int{1, 2, 3}
	j := 1
	a[j], j = trace("left", 10), trace("right", 2)
	fmt.Println(a, j)
	m := map[string]int{}
	k := "a"
	m[k], k = 1, "b"
	fmt.Println(m, k)
	var p struct{ v int }
	q := &p
	q.v, q = 5, nil
	fmt.Println(p.v, q == nil)
	defer func(a, b int) { fmt.Println("deferred swap:", a, b) }(y, x)
	x, y = x+y, x*y
	fmt.Println(x, y)
}
