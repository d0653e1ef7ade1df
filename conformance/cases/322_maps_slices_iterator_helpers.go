package main

import (
	"fmt"
	"maps"
	"slices"
)

func main() {
	m := map[string]int{"b": 2, "a": 1, "c": 3}
	keys := slices.Sorted(maps.Keys(m))
	fmt.Println(keys)
	vals := slices.Sorted(maps.Values(m))
	fmt.Println(vals)
	sum := 0
	for k := range maps.Keys(m) {
		sum += len(k)
	}
	for v := range maps.Values(m) {
		sum += v
	}
	fmt.Println(sum)
	xs := []int{5, 8, 13}
	fmt.Println(slices.IndexFunc(xs, func(v int) bool { return v > 6 }), slices.ContainsFunc(xs, func(v int) bool { return v < 0 }))
	defer fmt.Println("deferred", slices.Collect(slices.Values(xs)))
}
