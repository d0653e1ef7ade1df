package main

import "fmt"

// Zero elements of make, array variables and &S{} of structs holding
// arrays each have their own arrays (make([]S, n) shared one).

type S struct{ a [2]int }

func main() {
	s := make([]S, 2)
	p := &s[0].a
	p[0] = 1
	s = append(s, S{})
	s = s[:cap(s)]
	q := &s[3].a
	q[1] = 2
	var arr [2]S
	r := &arr[0].a
	r[0] = 3
	m := map[int]*S{}
	for i := 0; i < 2; i++ {
		m[i] = &S{}
	}
	m[0].a[0] = 4
	fmt.Println(s, arr, *m[1])
	ms := make([][2][2]int, 2)
	ms[0][0][0] = 5
	fmt.Println(ms)
}
