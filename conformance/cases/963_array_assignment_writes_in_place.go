package main

// Arrays are storage: assigning a whole array (to a variable, a field, an
// element, through a pointer, or through a pointer converted from a
// slice) writes into the array already there, so slices of it, pointers
// to its elements and deferred closures that hold them see the new
// values.

import "fmt"

type Grid [2][2]int

type Box struct {
	name string
	vals [2]int
	in   struct{ deep [2]string }
}

var global [2]string

func fill() [3]int { return [3]int{4, 4, 4} }

func reset(p *[3]int) {
	defer func() { *p = [3]int{} }()
	*p = fill()
}

func main() {
	var arr [3]int
	s := arr[:]
	e := &arr[1]
	arr = [3]int{7, 8, 9}
	fmt.Println(s, *e, arr)
	b := [3]int{4, 5, 6}
	arr = b
	b[0] = 0
	fmt.Println(s, arr, b)

	buf := []int{1, 2, 3, 4}
	p := (*[2]int)(buf[2:])
	*p = [2]int{30, 40}
	fmt.Println(buf)

	var g Grid
	row := g[1][:]
	g[1] = [2]int{5, 6}
	fmt.Println(row, g)
	g = Grid{{1, 2}, {3, 4}}
	fmt.Println(row, g)
	i := 0
	g[i] = [2]int{-1, -2}
	fmt.Println(g)

	bx := &Box{name: "a"}
	v := bx.vals[:]
	d := bx.in.deep[:]
	*bx = Box{name: "b", vals: [2]int{5, 6}}
	bx.in.deep = [2]string{"x", "y"}
	fmt.Println(v, d, *bx)

	gs := global[:]
	global = [2]string{"g1", "g2"}
	fmt.Println(gs)

	func() {
		arr = [3]int{6, 6, 6}
	}()
	fmt.Println(s)
	reset(&arr)
	fmt.Println(s)

	defer func() {
		fmt.Println("recovered:", recover(), s)
	}()
	var np *[3]int
	*np = fill()
}
