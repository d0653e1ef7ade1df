// blocker: BUG %v of floats inside composite values (struct fields, slice elements, map values) prints 2.5e0, 1e-1, 1e21 for 2.5, 0.1, 1e+21
// uses: (?s)struct \{[^}]*\bfloat(32|64)\b
package main

import "fmt"

type Item struct {
	Name  string
	Price float64
}

func main() { fmt.Println(Item{"w", 2.5}, []float64{0.1, 100}, map[string]float64{"a": 1e21}) }
