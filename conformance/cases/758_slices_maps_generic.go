// rule: issue9 packages: the generic functions of slices, maps and cmp written in Go (iterators, Insert with its capacity, DeleteFunc, Sorted/Collect over maps.Keys, MinFunc/MaxFunc, BinarySearch, Concat, Grow, Clip, maps.Clone/Equal/DeleteFunc/Copy/Collect), cmp.Compare[int] as a value, and the empty-list panic recovered
package main

import (
	"cmp"
	"fmt"
	"maps"
	"slices"
	"strings"
)

type Person struct {
	Name string
	Age  int
}

func main() {
	s := []int{1, 2, 3}
	for i, v := range slices.All(s) {
		fmt.Print(i, v, " ")
	}
	for i, v := range slices.Backward(s) {
		fmt.Print(i, v, " ")
	}
	fmt.Println()
	s2 := slices.Insert(s, 1, 10, 11)
	fmt.Println(s2, len(s2), cap(s2), s)
	s3 := make([]int, 3, 10)
	s4 := slices.Insert(s3, 1, 7)
	fmt.Println(s4, len(s4), cap(s4), s3)
	fmt.Println(slices.DeleteFunc([]int{1, 2, 3, 4, 5, 6}, func(x int) bool { return x%2 == 0 }))
	m := map[string]int{"b": 2, "a": 1, "c": 3}
	keys := slices.Collect(maps.Keys(m))
	slices.Sort(keys)
	fmt.Println(keys, slices.Sorted(maps.Values(m)))
	for _, k := range slices.Sorted(maps.Keys(m)) {
		fmt.Print(k, "=", m[k], " ")
	}
	fmt.Println()
	m2 := maps.Clone(m)
	m2["d"] = 4
	fmt.Println(len(m), len(m2), maps.Equal(m, m2))
	maps.DeleteFunc(m2, func(k string, v int) bool { return v > 2 })
	fmt.Println(len(m2), maps.Equal(m2, map[string]int{"a": 1, "b": 2}))
	maps.Copy(m2, map[string]int{"z": 26})
	fmt.Println(len(m2))
	people := []Person{{"Al", 30}, {"Bo", 25}, {"Cy", 35}}
	oldest := slices.MaxFunc(people, func(a, b Person) int { return cmp.Compare(a.Age, b.Age) })
	youngest := slices.MinFunc(people, func(a, b Person) int { return cmp.Compare(a.Age, b.Age) })
	fmt.Println(oldest, youngest)
	i, found := slices.BinarySearch([]string{"a", "c", "e"}, "c")
	j, found2 := slices.BinarySearch([]int{1, 3, 5}, 4)
	fmt.Println(i, found, j, found2)
	k, ok := slices.BinarySearchFunc(people, 25, func(p Person, age int) int { return cmp.Compare(p.Age, age) })
	fmt.Println(k, ok)
	c := slices.Concat([]int{1}, []int{2, 3}, nil, []int{4})
	fmt.Println(c, len(c), cap(c))
	g := slices.Grow([]int{1}, 10)
	fmt.Println(len(g), cap(g) >= 11)
	cl := slices.Clip(make([]int, 2, 5))
	fmt.Println(len(cl), cap(cl))
	fmt.Println(slices.EqualFunc([]int{1, 2}, []string{"1", "2"}, func(a int, b string) bool { return fmt.Sprint(a) == b }))
	words := slices.SortedFunc(slices.Values([]string{"bb", "a", "ccc"}), func(a, b string) int { return cmp.Compare(len(b), len(a)) })
	fmt.Println(strings.Join(words, ","))
	col := maps.Collect(maps.All(map[int]bool{1: true}))
	fmt.Println(col)
	defer func() { fmt.Println("recovered:", recover()) }()
	slices.MaxFunc([]int{}, cmp.Compare[int])
}
