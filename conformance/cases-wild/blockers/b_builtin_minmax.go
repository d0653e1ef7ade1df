// blocker: the built-in functions max and min (Go 1.21)
// uses: \b(max|min)\(
package main

import "fmt"

func main() { fmt.Println(max(1, 3, 2), min("b", "a")) }
