// issue 9: sort.IntSlice, StringSlice and Float64Slice: conversions,
// their methods, sort.Sort and sort.Reverse over them, and a deferred
// Sort method value evaluated at the defer statement
package main

import (
	"fmt"
	"math"
	"sort"
)

func main() {
	ys := []int{3, 1, 2}
	sort.Sort(sort.Reverse(sort.IntSlice(ys)))
	fmt.Println(ys)
	sort.IntSlice(ys).Sort()
	fmt.Println(ys, sort.IntSlice(ys).Search(2), sort.IntSlice(ys).Len())
	ss := sort.StringSlice{"b", "c", "a"}
	ss.Sort()
	fmt.Println(ss, ss.Search("b"), ss.Less(0, 1))
	fs := sort.Float64Slice{2.5, math.NaN(), -1}
	fmt.Println(fs.Less(1, 0), fs.Less(0, 1))
	sort.Sort(fs)
	fmt.Println(fs)
	fmt.Printf("%T\n", ss)
	zs := sort.IntSlice{9, 8, 7}
	defer fmt.Println("after deferred sort:", zs)
	defer zs.Sort()
	zs.Swap(0, 2)
	fmt.Println(zs)
}
