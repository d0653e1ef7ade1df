// blocker: sort.Sort / sort.Stable / sort.Reverse on a Len/Less/Swap type
// uses: \bsort\.(Sort|Stable|Reverse)\(
package main

import (
	"fmt"
	"sort"
)

type ByLen []string

func (a ByLen) Len() int           { return len(a) }
func (a ByLen) Swap(i, j int)      { a[i], a[j] = a[j], a[i] }
func (a ByLen) Less(i, j int) bool { return len(a[i]) < len(a[j]) }

func main() {
	s := []string{"ccc", "a", "bb", "dd"}
	sort.Stable(ByLen(s))
	fmt.Println(s)
	sort.Sort(sort.Reverse(sort.IntSlice([]int{1, 3, 2})))
}
