package main

import (
	"fmt"
	"math"
)

// Untyped constant expressions are exact: integers far beyond 64 bits,
// float constants that are whole numbers shifted like integers, and
// tiny floats built from huge integer denominators.
const (
	huge     = 1 << 300
	hugeDiv  = huge / (1 << 290)
	hugeRem  = (huge + 12345) % 1000
	mixed    = -(1 << 200) >> 190
	tiny     = 1.0 / (1 << 149)
	tinier   = tiny * tiny / (1 << 2)
	wholeRsh = 1e100 >> 320
	wholeShl = 2.0 << 10
	zeroRsh  = 1e100 >> 1000
	maxU64   = 1<<64 - 1
	notMask  = ^(1 << 70) >> 69
	andNot   = (1<<80 | 1<<3) &^ (1 << 80)
	minInt   = -9223372036854775808
	negMin   = -minInt - 1
	bigRatio = (1 << 100) / 3.0
)

const typedF float64 = huge >> 250

func main() {
	fmt.Println(hugeDiv, hugeRem, mixed, wholeRsh, wholeShl, zeroRsh)
	fmt.Println(uint64(maxU64), notMask, andNot, negMin)
	fmt.Println(math.Float32bits(float32(tiny)), float32(tiny) == math.SmallestNonzeroFloat32)
	fmt.Println(tinier == 0, float64(tinier) > 0)
	fmt.Println(typedF, bigRatio, huge > maxU64, float64(huge))
	var u8 uint8 = huge >> 295
	var i8 int8 = -(huge >> 293)
	fmt.Println(u8, i8)
	x := 1e100 >> 330
	fmt.Printf("%T %v\n", x, x)
	defer func() {
		fmt.Println("recovered:", recover())
	}()
	var s uint = 70
	panic(fmt.Sprint(1<<(s-60) == huge>>290, maxU64>>63, uint64(math.MaxUint64)))
}
