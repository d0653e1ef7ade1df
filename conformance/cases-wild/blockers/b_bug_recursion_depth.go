// blocker: BUG minigo reports "goroutine stack exceeds 1000000000-byte limit" near 100 000 nested calls; Go runs 1 000 000 small frames (with a defer each) in a few MB
// uses: (?!)
package main

import "fmt"

func depth(n int) int {
	if n == 0 {
		return 0
	}
	defer func() {}()
	return 1 + depth(n-1)
}

func main() { fmt.Println(depth(1_000_000)) }
