package main

import "fmt"

// Value receivers and range values holding arrays are copies however the
// method is called (directly, through an interface, as a method value
// or expression) and whatever is ranged over.

type A [3]int

func (a A) Set() A { a[0] = 5; p := &a; p[1] = 6; return a }

type S struct{ a A }

func (s S) Mut() int { q := &s.a; q[2] = 7; return s.a[2] }

type M interface{ Mut() int }

func main() {
	var s S
	var m M = s
	fmt.Println(m.Mut(), m, s)
	f := s.Mut
	fmt.Println(f(), s)
	g := S.Mut
	fmt.Println(g(s), s)
	var a A
	fmt.Println(a.Set(), a)
	for _, v := range [][2]int{{1, 2}} {
		v[0] = 9
		p := &v
		p[1] = 8
	}
	xs := [][2]int{{1, 2}}
	for _, v := range xs {
		p := &v
		p[1] = 8
	}
	ms := map[string]S{"k": {}}
	for _, v := range ms {
		v.a[0] = 3
		r := &v.a
		r[1] = 4
	}
	fmt.Println(xs, ms)
}
