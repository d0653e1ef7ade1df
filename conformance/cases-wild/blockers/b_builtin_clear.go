// blocker: the built-in function clear (Go 1.21) on maps and slices
// uses: \bclear\(
package main

import "fmt"

func main() { s, m := []int{1, 2}, map[int]int{1: 1}; clear(s); clear(m); fmt.Println(s, len(m)) }
