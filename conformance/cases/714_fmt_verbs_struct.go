package main

// fmt applies a verb other than %v to a struct field by field (%d, %x, %s,
// %q, widths per field), and the 0 flag zero-pads strings and bools too.

import "fmt"

type V struct{ A, B int }

type W struct {
	S string
	V V
	F float64
}

func main() {
	defer func() {
		r := recover()
		fmt.Printf("recovered %d|%x|%06v\n", r, r, "end")
	}()
	v := V{1, 2}
	defer fmt.Printf("deferred %d|%3d\n", v, v)
	v.A = 100
	fmt.Printf("%d|%x|%08v|%05s|\n", V{1, 2}, V{10, 11}, "ab", "cd")
	fmt.Printf("%s|%x|%q|%5d|%-4d|\n", W{"hi", V{1, 2}, 1.5}, V{255, 2}, W{"a", V{}, 0}, V{1, 2}, V{3, 4})
	fmt.Printf("%06d|%06s|%-06s|%06t|%06q|%+d\n", -42, "x", "y", true, "z", V{1, -2})
	panic(V{v.A, 255})
}
