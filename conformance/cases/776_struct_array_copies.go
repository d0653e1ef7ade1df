package main

import "fmt"

// Copies of structs holding arrays (also arrays of such structs, nested):
// by assignment, argument, value receiver, return, slice and map
// element, channel, interface, range value, closure; each copy has its
// own arrays (writes through pointers into a copy leave the original);
// a deferred call prints them.

type S struct {
	a [2]int
	n int
}

type W struct {
	s   [2]S
	tag string
}

func (w W) bump() W { w.s[0].a[0]++; p := &w.s[1].a; p[1] = 50; return w }

func (w *W) bumpP() { w.s[0].a[1] += 10 }

func mod(w W) { w.s[0].a[0] = 99; q := &w.s[0]; q.a[1] = 98 }

func main() {
	var w W
	mod(w)
	w2 := w.bump()
	w.bumpP()
	fmt.Println(w, w2)
	ws := []W{w, w2}
	x := ws[0]
	x.s[1].a[0] = 7
	m := map[int]W{1: w}
	y := m[1]
	y.s[0].a[0] = 8
	ch := make(chan W, 1)
	ch <- w
	z := <-ch
	z.s[1].a[1] = 9
	var i any = w
	u := i.(W)
	u.s[0].a[0] = 11
	for _, v := range ws {
		v.s[0].a[0] = 12
		r := &v.s[1].a
		r[0] = 13
	}
	f := func() W { c := w; c.s[0].a[0] = 14; return c }
	g := f()
	arr := [2]W{w, w}
	arr2 := arr
	arr2[0].s[0].a[0] = 15
	st := struct{ in W }{w}
	st2 := st
	st2.in.s[0].a[0] = 16
	defer func() {
		fmt.Println(w, ws, m, i, x.s[1].a[0], y.s[0].a[0], z.s[1].a[1], u.s[0].a[0], g.s[0].a[0])
		fmt.Println(arr, st, w == ws[0], i == any(w))
	}()
}
