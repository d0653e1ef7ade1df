// blocker: BUG verbs applied field by field: %d of a struct prints {1 2} (minigo %!d(?={1 2})), %08v zero-pads a string
// uses: (?!)
package main

import "fmt"

type V struct{ A, B int }

func main() { fmt.Printf("%d|%x|%08v|%05s|\n", V{1, 2}, V{10, 11}, "ab", "cd") }
