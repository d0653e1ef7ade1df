// blocker: BUG range over a pointer to an array (for i := range v with v *[3]int, as in a pointer-receiver method of type Vec [3]int) rejected
// uses: (?m)^type \w+ \[\d+\]
package main

import "fmt"

type Vec [3]int

func (v *Vec) Scale(k int) { for i := range v { v[i] *= k } }

func main() { v := Vec{1, 2, 3}; v.Scale(2); fmt.Println(v, len(&v)) }
