package main

// A store's target (an index, a pointer, a map key) is read after the calls
// of the statement, its right-hand side's included (gc: `a[i] = f()`).

import "fmt"

type N struct{ v int }

func main() {
	arr := []int{0, 0, 0, 0}
	i := 0
	f := func() int { i++; return 7 }
	arr[i] = f()
	fmt.Println(arr, i)
	arr[i] += f()
	fmt.Println(arr, i)
	a, b := &N{1}, &N{2}
	p := a
	g := func() int { p = b; return 5 }
	p.v = g()
	fmt.Println(*a, *b)
	p = a
	*p = N{g()}
	fmt.Println(*a, *b)
	m := map[string]int{}
	k := "x"
	h := func() int { k = "y"; return 1 }
	m[k] = h()
	fmt.Println(m)
	k = "x"
	m[k] += h()
	fmt.Println(m)
	i = 0
	var c int
	arr[i], c = f(), i
	fmt.Println(arr, c, i)
	i = 0
	arr[i], c = 1, f()
	fmt.Println(arr, c, i)
	i = 0
	type S struct{ arr [3]int }
	var s S
	s.arr[i] = f()
	fmt.Println(s, i)
}
