// blocker: BUG type assertion from a non-empty interface (error) to a concrete type is rejected as "impossible type assertion"
// uses: \.\(\*?[A-Z]\w*\)
package main

import "fmt"

type E int

func (e E) Error() string { return "e" }

func main() { var err error = E(1); v, ok := err.(E); fmt.Println(v, ok) }
