// blocker: package sort (Strings, Ints, Slice, Sort)
// uses: "sort"
package main

import (
	"fmt"
	"sort"
)

func main() {
	s := []string{"b", "c", "a"}
	sort.Strings(s)
	fmt.Println(s)
}
