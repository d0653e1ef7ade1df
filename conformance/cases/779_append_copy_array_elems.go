package main

import "fmt"

// append into a new array, append(s, t...) and copy give elements that
// hold arrays their own copies: writes through pointers into the new
// slice leave the old one (and the room past the length is distinct
// zero values); a deferred call prints after a recovered index panic.

type S struct{ a [2]int }

func main() {
	s := []S{{}}
	s2 := append(s, S{})
	p := &s2[0].a
	p[0] = 1
	t := [][2]int{{0, 0}}
	t2 := append(t, [2]int{})
	t2[0][1] = 5
	u := make([]S, 1)
	copy(u, s)
	q := &u[0].a
	q[1] = 7
	v := append([]S(nil), s...)
	v[0].a[0] = 8
	w := append(make([]S, 5), S{})
	w = w[:cap(w)]
	r := &w[9].a
	r[0] = 9
	defer func() {
		fmt.Println(recover())
		fmt.Println(s, s2, t, t2, u, v, w)
	}()
	fmt.Println(w[len(w)+1])
}
