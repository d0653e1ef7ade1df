package main

// Pointers to arrays are equal when they point to the same array storage:
// `&a`, `(*[N]T)(a[:])` and two conversions of the same slice are one
// pointer; a conversion of a slice further along is another; nil equals
// nil only. The same holds inside interfaces.

import "fmt"

type Pair struct {
	name string
	arr  [2]int
}

func main() {
	s := []int{1, 2, 3, 4}
	p := (*[2]int)(s)
	q := (*[2]int)(s)
	r := (*[2]int)(s[1:])
	fmt.Println(p == q, p != q, p == r, p == nil)

	var a [3]int
	pa := &a
	fmt.Println(pa == (*[3]int)(a[:]), &a == (*[3]int)(a[:]))
	var b [3]int
	fmt.Println(&a == &b)

	pr := &Pair{name: "x"}
	fmt.Println(&pr.arr == (*[2]int)(pr.arr[:]))

	var x, y any = p, q
	var z any = r
	fmt.Println(x == y, x == z)

	var n1, n2 *[2]int
	fmt.Println(n1 == n2, n1 == p)
	var nilS []int
	fmt.Println((*[0]int)(nilS) == nil, (*[0]int)(s[:0]) == nil)

	*q = [2]int{9, 8}
	fmt.Println(s, *p, p[0] == s[0])
}
