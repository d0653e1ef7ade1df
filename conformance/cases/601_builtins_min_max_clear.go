// issue 9: the built-ins of Go 1.21: min and max over every ordered type
// (constants folded, NaN wins, -0 below +0, unsigned order), clear of maps
// and slices; a deferred call's min/max arguments are evaluated at the
// defer statement, and a deferred clear runs at the function's end
package main

import (
	"fmt"
	"math"
)

type Celsius float64
type ID uint64

func drain(m map[string]int) (n int) {
	defer clear(m)
	defer func() { n = len(m) }()
	m["z"] = 26
	return 0
}

func main() {
	x, y := 3, 7
	fmt.Println(min(x, y), max(x, y), min(x, 1, y), max(2, x))
	const c = max(1, 2.5, 2)
	fmt.Println(c, min(1, 2.0))
	var f float64 = max(1, 2)
	fmt.Println(f)
	fmt.Println(min("b", "a", "c"), max("b", "a", "c"))
	nan := math.NaN()
	fmt.Println(min(1.0, nan), max(nan, 1.0), min(2.0, 1.0))
	negz := 1 / math.Inf(-1)
	fmt.Println(math.Signbit(min(0.0, negz)), math.Signbit(max(negz, 0.0)), math.Signbit(min(negz, 0.0)))
	var a, b Celsius = 20.5, -3
	fmt.Printf("%v %T\n", max(a, b), min(a, b))
	var u1, u2 ID = 1 << 63, 5
	fmt.Println(max(u1, u2), min(u1, u2))
	var i8 int8 = -5
	fmt.Println(min(i8, 3))
	s := []int{1, 2, 3}
	m := map[string]int{"a": 1, "b": 2}
	defer fmt.Println("deferred max evaluated at defer:", max(s[0], s[2]))
	s[2] = 100
	clear(s)
	fmt.Println(drain(m), len(m), m)
	fmt.Println(s, len(s))
	var nm map[int]int
	clear(nm)
	type P struct{ X, Y int }
	ps := []P{{1, 2}, {3, 4}}
	clear(ps[:1])
	fmt.Println(ps)
}
