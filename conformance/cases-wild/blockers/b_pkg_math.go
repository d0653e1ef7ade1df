// blocker: package math (Sqrt, Inf, MaxInt64, ...)
// uses: "math"
package main

import (
	"fmt"
	"math"
)

func main() { fmt.Println(math.Sqrt(2), math.MaxInt64, math.Inf(1)) }
