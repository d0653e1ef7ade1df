package main

import "fmt"

// Go 1.26's new(expr): a pointer to a new variable initialized with the
// value (an untyped constant takes its default type; an array or struct
// is copied). The operand is evaluated where new is, so a panic there
// is recovered like any other.

type Point struct{ X, Y int }

var calls int

func next() int { calls++; return calls * 10 }

func deref(p *int) (v int, err any) {
	defer func() { err = recover() }()
	return *new(*p), nil
}

func main() {
	p := new(123)
	q := new(1.5)
	r := new("text")
	fmt.Printf("%T %v %T %v %T %v\n", p, *p, q, *q, r, *r)
	pt := Point{1, 2}
	s := new(pt)
	s.X = 100
	fmt.Println(pt, *s)
	arr := [2]int{1, 2}
	t := new(arr)
	t[0] = 7
	fmt.Println(arr, *t)
	u, w := new(next()), new(next())
	*u++
	fmt.Println(*u, *w, calls)
	v := new(int64(7))
	b := new(3 > 2)
	fmt.Printf("%T %v %v\n", v, *v, *b)
	for i := range 2 {
		ptrs := []*int{new(i), new(i * 2)}
		defer fmt.Println("deferred", *ptrs[0], *ptrs[1])
	}
	x := 5
	fmt.Println(deref(&x))
	fmt.Println(deref(nil))
}
