// blocker: BUG the crash report of a panic with a float, a sized integer or a named numeric value prints "(T) 0xc000012000" for "3.5", "main.Code(3)"
// uses: panic\(\w+\((\d|-)|panic\(-?\d+\.\d
package main

import "fmt"

type Code int
type Ratio float64

func main() {
	defer func() {
		fmt.Println(recover())
		defer func() { fmt.Println(recover()); panic(uint8(200)) }()
		panic(Ratio(0.5))
	}()
	panic(Code(3))
}
