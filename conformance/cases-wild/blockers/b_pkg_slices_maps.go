// blocker: packages slices and maps (Sort, Contains, Sorted(maps.Keys(m)), Collect)
// uses: "slices"|"maps"
package main

import (
	"fmt"
	"maps"
	"slices"
)

func main() { fmt.Println(slices.Sorted(maps.Keys(map[string]int{"b": 1, "a": 2})), slices.Contains([]int{1}, 1)) }
