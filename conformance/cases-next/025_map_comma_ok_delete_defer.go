// rule: A1, A4, A5; issue9 maps: literals, comma-ok, delete, len, deferred delete
package main

import (
	"fmt"
	"sort"
)

var registry = map[string]int{"boot": 1}

func withKey(k string, v int) {
	registry[k] = v
	defer delete(registry, k)
	_, ok := registry[k]
	fmt.Println("inside:", k, ok, len(registry))
}

func main() {
	withKey("tmp", 2)
	v, ok := registry["tmp"]
	fmt.Println("after:", v, ok, len(registry))
	m := map[string][]int{}
	m["a"] = append(m["a"], 1)
	m["a"] = append(m["a"], 2)
	m["b"] = nil
	defer fmt.Println("map arg at defer:", m)
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	fmt.Println(keys, m)
	delete(m, "a")
	delete(m, "zzz")
	counts := map[rune]int{}
	for _, r := range "abracadabra" {
		counts[r]++
	}
	fmt.Println(counts['a'], counts['b'], counts['z'], len(counts))
	type key struct{ x, y int }
	grid := map[key]string{{1, 2}: "p"}
	fmt.Println(grid[key{1, 2}], grid)
}
