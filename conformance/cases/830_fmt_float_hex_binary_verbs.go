package main

import (
	"fmt"
	"math"
)

// %x, %X and %b of floats and complex numbers (strconv's 'x' and 'b'
// formats: hex mantissa with a binary exponent, decimal mantissa with a
// binary exponent), with precision, width and flags; Inf and NaN keep
// their spelling under the upper-case verbs.

func main() {
	for _, f := range []float64{1, 1.5, 0.1, -3.75, 0, 1e300, 5e-324, 2.5e-310, 1 << 60, 0.9999999999999999} {
		fmt.Printf("%x %X %.2x %.0x %b %10.1x %+x\n", f, f, f, f, f, f, f)
	}
	var g float32 = 0.1
	fmt.Printf("%x %b %.3x %X\n", g, g, g, float32(1)/3)
	c := complex(1.5, -0.1)
	fmt.Printf("%x %X %.1x %b\n", c, c, c, c)
	fmt.Printf("%x %x\n", complex64(c), []float32{0.5, 3})
	inf, nan := math.Inf(1), math.NaN()
	fmt.Printf("%E %G %F %X %x %b\n", inf, nan, -inf, complex(inf, nan), -inf, nan)
	defer fmt.Printf("%.3x\n", complex(1/3.0, 2/3.0))
}
