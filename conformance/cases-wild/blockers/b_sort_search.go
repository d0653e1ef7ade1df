// blocker: sort.Search, sort.SearchInts, sort.IntsAreSorted, sort.Float64s
// uses: \bsort\.(Search\w*|\w+AreSorted|Float64s)\(
package main

import (
	"fmt"
	"sort"
)

func main() {
	s := []int{1, 3, 5, 8}
	fmt.Println(sort.SearchInts(s, 5), sort.Search(len(s), func(i int) bool { return s[i] >= 4 }), sort.IntsAreSorted(s))
}
