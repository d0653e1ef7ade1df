// blocker: BUG untyped floating-point constant expressions are exact in Go (0.1+0.2 == 0.3), minigo folds them in float64
// uses: \b\d+\.\d+\s*[-+*/]\s*\d+\.\d+
package main

import "fmt"

func main() {
	const third = 1.0 / 3
	fmt.Println(0.1+0.2, 0.1+0.2 == 0.3, third*3 == 1)
}
