// rule: constant expressions that Go folds at compile time: comparisons of
// constants (iota == 0, "a" < "b") are untyped boolean constants; len of a
// constant string is a constant; a typed unsigned constant's complement
// and shifts are computed in its type (^uint(0) >> 1 is the largest int),
// including 64-bit values above the signed range, and usable as array
// lengths and in further constants.
package main

import "fmt"

const dots = "...."

const (
	first  = iota == 0
	second = iota == 0
	less   = "a" < "b"
	width  = uint(len(dots))
	maxInt = ^uint(0) >> 1
	top    = ^uint64(0)
	half   = top / 2
	low8   = ^uint8(1)
)

var table [len(dots) * 2]bool

func main() {
	fmt.Println(first, second, less, width, len(table))
	fmt.Println(maxInt, top, half, top%10, top > half, low8)
	fmt.Printf("%T %T %T\n", first, maxInt, low8)
	defer func() { fmt.Println("recovered:", recover()) }()
	var idx = int(width)
	fmt.Println(table[idx*2])
}
