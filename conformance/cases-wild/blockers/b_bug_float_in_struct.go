// blocker: BUG %v of a float64 field inside a struct prints 2.5e0 instead of 2.5
// uses: (?s)struct \{[^}]*\bfloat(32|64)\b
package main

import "fmt"

type Item struct {
	Name  string
	Price float64
}

func main() { fmt.Println(Item{"w", 2.5}, []float64{0.1, 100}, map[string]float64{"a": 1e21}) }
