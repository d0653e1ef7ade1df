package main

// (*[N]T)(s): a pointer to the slice's first N elements, sharing its
// backing array; nil for a nil slice, a run-time error (recoverable as a
// runtime.Error) when the slice is shorter; `fmt` writes a pointer to an
// array, slice or map as `&` and the value at the top, an address below.

import (
	"errors"
	"fmt"
	"runtime"
)

type Buf []int
type Quad [4]int
type PQuad *[4]int

func head(s []int) (p *[2]int, err error) {
	defer func() {
		if r := recover(); r != nil {
			var re runtime.Error
			if errors.As(r.(error), &re) {
				err = re
			}
		}
	}()
	return (*[2]int)(s), nil
}

var (
	gs  = make([]string, 4)
	gp  = (*[3]string)(gs[1:])
	gn  []string
	gpn = (*[0]string)(gn)
)

func main() {
	s := []int{1, 2, 3, 4, 5}
	p := (*[3]int)(s[1:])
	p[0] = 20
	s[3] = 40
	fmt.Println(s, *p, len(p), cap(p[:]), p)
	for i, v := range p {
		fmt.Print(i, ":", v, " ")
	}
	fmt.Println()
	q := p[1:]
	q[0] = 30
	fmt.Println(s, p[1], &p[2] == &s[3], &p[0] == &s[0])
	fmt.Printf("%v %d %T\n", p, p, p)
	a := *p
	a[0] = 99
	fmt.Println(a, s)

	var nilS []int
	pn := (*[0]int)(nilS)
	fmt.Println(pn == nil, pn)
	pe := (*[0]int)(s[:0])
	fmt.Println(pe != nil, len(pe))

	for _, in := range [][]int{nil, {}, {1}, {1, 2}, {1, 2, 3}} {
		p, err := head(in)
		fmt.Println(p, err)
	}

	b := Buf{1, 2, 3, 4}
	qp := (*Quad)(b)
	qp[3] = 7
	pq := PQuad(b)
	pq[0] = -1
	fmt.Println(b, *qp, [4]int(b) == *qp)

	func() {
		defer fmt.Println("deferred with", (*[2]int)(s)[1])
		defer func() { fmt.Println("recovered:", recover()) }()
		_ = (*[6]int)(s)
	}()

	grid := [][2]string{{"a", "b"}, {"c", "d"}}
	gp2 := (*[2][2]string)(grid)
	gp2[1][0] = "X"
	fmt.Println(grid, []any{gp2 != nil})
	(*[1]int)(s)[0] = -1
	fmt.Println(s)

	gp[0] = "one"
	fmt.Printf("%q %v %v\n", gs, gpn == nil, len(gpn))

	m := map[string]int{"k": 1}
	ss := []string{"x"}
	fmt.Println(&m, &ss)
	fmt.Printf("%v %+v\n", &[2]bool{true}, &[]string{"y"})

	_ = (*[1]int)(nilS)
}
