// blocker: BUG sort.Slice/sort.Sort must leave equal elements in the order Go's pdqsort leaves them (minigo's sort is stable)
// uses: sort\.(Slice|Sort)\(
package main

import (
	"fmt"
	"sort"
)

func main() {
	xs := make([]int, 30)
	for i := range xs {
		xs[i] = i
	}
	sort.Slice(xs, func(i, j int) bool { return xs[i]%5 < xs[j]%5 })
	fmt.Println(xs)
}
