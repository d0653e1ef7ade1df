// blocker: BUG a local only updated with += counts as used in Go; minigo says "declared and not used"
// uses: (?!)
// also: w56_cancellation.go
package main

import "fmt"

func main() {
	processed := 0
	for _, n := range []int{1, 2} {
		processed += n
	}
	fmt.Println("done")
}
