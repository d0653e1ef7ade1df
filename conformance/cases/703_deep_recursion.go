// Recursion deeper than 100 000 calls is not a stack overflow (Go's limit
// is 1 GB of stack): a million plain frames run from a deferred closure
// while a panic unwinds, and 200 000 frames with a defer each whose
// deferred calls all run as a panic from the bottom unwinds them
package main

import "fmt"

func plain(n int) int {
	if n == 0 {
		return 0
	}
	return plain(n-1) + 1
}

var ran int

func withDefer(n int) int {
	if n == 0 {
		panic("bottom")
	}
	defer func() { ran++ }()
	return 1 + withDefer(n-1)
}

func main() {
	func() {
		defer func() {
			r := recover()
			fmt.Println("recovered:", r, "depth:", plain(1_000_000))
		}()
		panic("top")
	}()
	func() {
		defer func() { fmt.Println("recovered:", recover(), "deferred calls run:", ran) }()
		withDefer(200_000)
	}()
}
