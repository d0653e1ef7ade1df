// rule: a pointer to an array is used as the array by len, cap, range,
// indexing and slicing. len/cap of an array or of a pointer to one is the
// type's length: a constant when the operand has no call or receive (then it
// is not evaluated, so a nil pointer is fine), else the operand is evaluated
// but not dereferenced. range over a pointer reads the elements through it at
// each iteration; with no value variable it never dereferences it; with one,
// a nil pointer panics before the first iteration.
package main

import "fmt"

var calls int

func nilArray() *[5]int {
	calls++
	return nil
}

type grid [3][4]int

func main() {
	a := [4]int{1, 2, 3, 4}
	p := &a
	var np *[6]string
	const n = len(np) + cap(p)
	var sized [len(a)]bool
	fmt.Println(n, len(sized), len(nilArray()), cap(nilArray()), calls)

	for i, v := range p {
		if i == 0 {
			a[3] = 40 // seen: the elements are read through p
		}
		fmt.Print(i, ":", v, " ")
	}
	fmt.Println()
	for i := range np {
		fmt.Print(i, " ")
	}
	fmt.Println()

	s := p[1:3]
	s[0] = 20
	fmt.Println(a, s, len(s), cap(s), len(p[:]))

	var g grid
	pg := &g
	pg[1][2] = 7
	fmt.Println(len(pg), len(pg[0]), g[1])

	defer func() {
		fmt.Println("recovered:", recover())
	}()
	for i, v := range np {
		fmt.Println("never", i, v)
	}
}
