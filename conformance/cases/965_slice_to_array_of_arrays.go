package main

// [N]T(s) copies the slice's first N elements, arrays inside them too:
// the new array shares nothing with the slice.

import "fmt"

type P struct {
	tag string
	xy  [2]int
}

func main() {
	s := [][2]int{{1, 2}, {3, 4}, {5, 6}}
	a := [2][2]int(s)
	a[0][0] = 100
	s[1][1] = 400
	fmt.Println(a, s)
	ps := []P{{"a", [2]int{1, 1}}, {"b", [2]int{2, 2}}}
	b := [1]P(ps)
	b[0].xy[0] = 9
	fmt.Println(b, ps)
	defer func() { fmt.Println(recover()) }()
	_ = [4][2]int(s)
}
