package main

import "fmt"

// In an array, slice or map literal, an element of type *T written {...}
// stands for &T{...} whatever T is: a struct, a map, a slice or an array.
// Each such element is a new variable; deferred calls see it through the
// pointer, and a nil one from a later assignment faults as Go's does.

type Counts map[string]int
type Names []string
type Pair [2]int
type Box struct{ N int }

func main() {
	counts := []*Counts{{"a": 1}, &Counts{"b": 2}, {}}
	names := map[string]*Names{"x": {"p", "q"}, "y": {}}
	pairs := [2]*Pair{{1, 2}, {3}}
	boxes := []*Box{{1}, {N: 2}}
	raw := []*[]int{{1}, {2, 3}}

	defer func() {
		fmt.Println("deferred:", *counts[0], *names["x"], *pairs[1], *boxes[1], *raw[0])
		if r := recover(); r != nil {
			fmt.Println("recovered:", r)
		}
	}()

	(*counts[0])["c"] = 3
	(*counts[2])["new"] = 1
	*names["x"] = append(*names["x"], "r")
	pairs[1][1] = 9
	boxes[1].N++
	*raw[0] = append(*raw[0], 4)
	fmt.Println(*counts[0], *counts[1], *counts[2], len(*names["y"]))
	fmt.Println(counts[0] != counts[1], pairs[0] != pairs[1])

	counts[1] = nil
	(*counts[1])["boom"] = 1
	fmt.Println("not reached")
}
