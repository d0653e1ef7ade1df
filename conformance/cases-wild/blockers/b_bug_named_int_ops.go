// blocker: BUG ordering and arithmetic on a named integer type (type Level int; a < b, a + b) rejected
// uses: (?m)^type \w+ u?int\w*$|\b\w+ \w+ = iota
package main

import "fmt"

type Level int

func main() { var a, b Level = 1, 2; a++; fmt.Println(a < b, a+b, a*2) }
