package main

// gc evaluates every call of a statement, however deeply nested, before the
// reads left in it (its order pass copies call results into temporaries).

import "fmt"

type T struct{ v int }

func (t *T) m(k int) int { t.v += 10 * k; fmt.Println("m", k, t.v); return k }

var mp = map[string]int{"a": 1}

func bump() int { mp["a"] += 100; return 0 }

func g(a int, b bool) { fmt.Println("g", a, b) }
func h(a ...int)      { fmt.Println("h", a) }

func id(x int) int { return x }

type S struct{ A, B int }

func main() {
	x := &T{v: 1}
	g(x.v+x.m(1), x.v == x.m(2))
	x.v = 1
	h(x.v*2+id(x.m(1)), x.v)
	x.v = 1
	arr := []int{1, 2, 3}
	i := 0
	inc := func() int { i++; arr[0] += 100; return 0 }
	h(arr[i]+inc(), arr[i+inc()])
	// map index
	h(mp["a"]+bump(), mp["a"])
	// pointer deref
	p := &x.v
	x.v = 1
	h(*p+x.m(1), *p)
	// conversion
	x.v = 1
	h(int(int8(x.v))+x.m(1))
	// composite literal
	x.v = 1
	fmt.Println([]int{x.v, x.v + x.m(1)}, S{A: x.v, B: x.v + x.m(1)})
	// op-assign
	x.v = 1
	x.v += x.m(1)
	fmt.Println("opassign", x.v)
	// chan send
	ch := make(chan int, 1)
	x.v = 1
	ch <- x.v + x.m(1)
	fmt.Println("send", <-ch)
	// && / ||
	x.v = 1
	fmt.Println(x.v == 1 && x.m(1) == 1, x.v)
	x.v = 1
	fmt.Println(x.v+0 == x.m(1) || x.v == x.m(1))
	// nested calls in index
	x.v = 1
	fmt.Println(arr[x.v-1+0*x.m(0)])
	// string concat
	s := "a"
	fs := func() string { s += "b"; return "c" }
	fmt.Println(s+fs(), s)
	fmt.Println(named())
	x.v = 1
	defer h(x.v, x.v+x.m(1))
	x.v = 1
	// if condition
	if x.v+x.m(1) == 11 {
		fmt.Println("cond true")
	} else {
		fmt.Println("cond false")
	}
	x.v = 1
	y := x.v + x.m(1) + x.v
	fmt.Println("y", y)
	x.v = 1
	arr[x.v] = x.v + x.m(1)
	fmt.Println(arr)
	x.v = 1
}

func named() (r int) {
	x := &T{v: 1}
	r = 5
	return r + x.v + x.m(1)
}
