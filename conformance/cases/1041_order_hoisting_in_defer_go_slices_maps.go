package main

// gc's order in defer/go arguments, named results, map and slice operands
// (a slice bound that is not a name is read at its place), &&/||.

import "fmt"

type T struct{ v int }

func (t *T) m(k int) int { t.v += 10 * k; fmt.Println("m", k, t.v); return k }

func show(a, b int) { fmt.Println("show", a, b) }

type P struct{ a, b int }

type I interface{ M() int }

func (t *T) M() int { return t.v }

func named() (r int, s int) {
	x := &T{v: 1}
	defer func() { fmt.Println("deferred sees", r, s) }()
	return x.v * 2, x.v + x.m(1)
}

func main() {
	x := &T{v: 1}
	defer show(x.v, x.v+x.m(1))
	x.v = 1
	done := make(chan bool)
	go func(a, b int) { fmt.Println("go", a, b); done <- true }(x.v, x.v+x.m(2))
	<-done
	fmt.Println(named())
	x.v = 1
	m := map[int]int{1: 5, 21: 7}
	fmt.Println(m[x.v] + x.m(1) + m[x.v])
	x.v = 1
	var p *T = x
	fmt.Println(p.v+x.m(1), *p)
	x.v = 1
	var i I = x
	fmt.Println(i.M()+x.m(1), x.v)
	x.v = 1
	arr := [3]int{}
	k := 0
	for k = 0; k+x.m(0) < 2 && k < x.v; k++ {
		arr[k] = k
	}
	fmt.Println(arr, k)
	x.v = 1
	s := []int{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23}
	fmt.Println(s[x.v:x.v+x.m(1)])
	x.v = 1
	fmt.Println(struct{ A, B int }{x.v, x.m(1)})
	x.v = 1
	ch := make(chan int, 3)
	ch <- 100
	fmt.Println(x.v+<-ch+x.m(1), x.v)
	x.v = 1
	var e interface{} = x.v + x.m(1)
	fmt.Println(e, len(s[x.v:])+x.m(0))
	x.v = 1
	f := func(a int) int { return a }
	fmt.Println(f(x.v)+x.m(1), -x.v+f(x.m(0)))
	x.v = 1
	z := [2]int{x.v, x.m(1) + x.v}
	fmt.Println(z)
	x.v = 1
	x.v, k = x.v+x.m(1), x.v
	fmt.Println(x.v, k)
	x.v = 1
	fmt.Println(x.v == 1 || x.m(1) > 0, x.v, x.v != 1 || x.m(1)+x.v > 0, x.v)
	x.v = 1
	mm := map[string]int{}
	mm[fmt.Sprint(x.v)] = x.v + x.m(1)
	fmt.Println(mm)
	x.v = 1
	fmt.Println(*x, x.m(1))
	x.v = 1
	fmt.Println(x.v, x.m(1))
	pp := &P{1, 2}
	f2 := func() int { pp.a = 100; return 0 }
	fmt.Println(*pp, f2())
	pp.a = 1
	var e2 interface{} = *pp
	fmt.Println(e2, f2())
	pp.a = 1
	fmt.Println([]interface{}{*pp, f2()})
	str := "ab"
	g := func() int { str = "zz"; return 0 }
	fmt.Println(str, g())
	arr2 := []int{1, 2, 3, 4}
	x.v = 1
	fmt.Println(arr2[x.v:][x.m(0)+x.v-1:])
}
