// blocker: assignment of several values to fields or pointees (p.X, p.Y = 1, 2)
// uses: (?m)^\s*(\w+\.\w+\s*,|\w+\s*,\s*\*?\w+\.\w+)[^=:\n]*\s=\s
package main

import "fmt"

type P struct{ X, Y int }

func main() { p := &P{}; p.X, p.Y = 1, 2; fmt.Println(*p) }
