package main

import (
	"fmt"
	"slices"
	"sort"
)

func main() {
	xs := []int{5, 2, 8, 1, 9}
	defer fmt.Println("deferred sees sorted:", xs)
	sort.Ints(xs)
	fmt.Println(xs, sort.IntsAreSorted(xs), sort.SearchInts(xs, 8))
	ss := []string{"pear", "apple", "fig"}
	sort.Strings(ss)
	fmt.Println(ss)
	people := []string{"bob:30", "al:25", "cy:35"}
	sort.Slice(people, func(i, j int) bool { return people[i][len(people[i])-2:] > people[j][len(people[j])-2:] })
	fmt.Println(people)
	ys := []int{3, 1, 2}
	slices.Sort(ys)
	fmt.Println(ys, slices.Contains(ys, 2), slices.Index(ys, 3), slices.Index(ys, 7))
	fmt.Println(slices.Max(ys), slices.Min(ys), slices.Equal(ys, []int{1, 2, 3}))
	zs := slices.Clone(ys)
	zs[0] = 100
	slices.Reverse(zs)
	fmt.Println(ys, zs)
	slices.SortFunc(zs, func(a, b int) int { return b - a })
	fmt.Println(zs)
	stable := []string{"bb", "a", "cc", "d"}
	sort.SliceStable(stable, func(i, j int) bool { return len(stable[i]) < len(stable[j]) })
	fmt.Println(stable)
	func() {
		defer func() { fmt.Println("recovered from less:", recover()) }()
		sort.Slice(xs, func(i, j int) bool { panic("less panics") })
	}()
	fmt.Println(xs)
}
