// rule: A1, A4, C4; issue9 sort/slices basics; a comparison function that panics is recovered in the caller
package main

import (
	"fmt"
	"slices"
	"sort"
	"strings"
)

type byLen []string

func (b byLen) Len() int           { return len(b) }
func (b byLen) Less(i, j int) bool { return len(b[i]) < len(b[j]) }
func (b byLen) Swap(i, j int)      { b[i], b[j] = b[j], b[i] }

func sortChecked(xs []int) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("sort aborted: %v", r)
		}
	}()
	sort.Slice(xs, func(i, j int) bool {
		if xs[i] < 0 || xs[j] < 0 {
			panic("negative value")
		}
		return xs[i] < xs[j]
	})
	return nil
}

func main() {
	xs := []int{5, 2, 8, 1}
	defer fmt.Println("deferred view of xs:", xs)
	sort.Ints(xs)
	fmt.Println(xs, sort.IntsAreSorted(xs), sort.SearchInts(xs, 5))
	ws := []string{"ccc", "a", "bb"}
	sort.Sort(byLen(ws))
	fmt.Println(ws)
	names := []string{"bob", "Alice", "carol"}
	slices.Sort(names)
	fmt.Println(names, slices.Contains(names, "bob"), slices.Index(names, "carol"))
	slices.SortFunc(names, func(a, b string) int { return strings.Compare(strings.ToLower(a), strings.ToLower(b)) })
	fmt.Println(names, slices.Max(xs), slices.Min(xs))
	fmt.Println(sortChecked([]int{3, 1, 2}))
	fmt.Println(sortChecked([]int{3, -1, 2}))
	xs[0] = 100
}
