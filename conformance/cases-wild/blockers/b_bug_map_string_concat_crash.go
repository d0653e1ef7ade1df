// blocker: BUG (CRASH) m[k] += "s" on a map[string]string ends minigo with "minigo: internal error: arithmetic on mismatched values" (exit 2) when k is missing
// uses: \w+\[[^\]]+\]\s*\+=\s*("|\w+\s*\+\s*")
package main

import "fmt"

func main() {
	groups := map[string]string{}
	for _, w := range []string{"apple", "avocado", "banana"} {
		groups[w[:1]] += w + ","
	}
	fmt.Println(groups)
}
