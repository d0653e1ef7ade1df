package main

import (
	"fmt"
	"sort"
)

func keys(m map[string]int) []string {
	var ks []string
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}

func main() {
	m := map[string]int{"a": 1, "b": 2}
	// Maps are references: a deferred call sees later changes.
	defer func(mm map[string]int) { fmt.Println("deferred sees", keys(mm), len(mm)) }(m)
	m["c"] = 3
	v, ok := m["b"]
	fmt.Println(v, ok)
	v, ok = m["z"]
	fmt.Println(v, ok)
	delete(m, "a")
	delete(m, "nope")
	fmt.Println(len(m), keys(m))
	counts := make(map[rune]int)
	for _, r := range "abracadabra" {
		counts[r]++
	}
	fmt.Println(counts['a'], counts['b'], counts['r'], counts['z'], len(counts))
	sum := 0
	for _, n := range m {
		sum += n
	}
	fmt.Println("sum", sum)
	nested := map[string][]int{}
	nested["x"] = append(nested["x"], 1, 2)
	nested["x"][0] = 10
	fmt.Println(nested["x"], len(nested["y"]))
	im := map[int]string{1: "one", 2: "two"}
	if s, ok := im[2]; ok {
		fmt.Println("found", s)
	}
	for k := range m {
		delete(m, k)
	}
	fmt.Println("emptied", len(m))
	fmt.Println(map[string]bool{"t": true}, map[int]int{2: 4, 1: 1})
}
