package main

import (
	"fmt"
	"math"
)

// How fmt and the builtin print write complex numbers.

type pair struct {
	Z complex128
	W complex64
}

func main() {
	c := complex(1.5, -2.25)
	var s complex64 = complex(0.1, 1e-7)
	fmt.Println(c, s)
	fmt.Printf("%v|%g|%G|%f|%F|%e|%E\n", c, c, c, c, c, c, c)
	fmt.Printf("%.2f|%.3e|%.1g|%8.2f|%-8.1f|%+.1f|%+v\n", c, c, c, c, c, c, c)
	fmt.Printf("%v %.3v %g\n", s, s, s)
	fmt.Printf("%T %T\n", c, s)
	fmt.Printf("%d|%s|%t\n", c, c, s)
	fmt.Println(fmt.Sprint(c, s), fmt.Sprintf("%08.3f", c))

	inf, nan := math.Inf(1), math.NaN()
	fmt.Println(complex(inf, -inf), complex(nan, nan), complex(-inf, nan))
	fmt.Printf("%.2f %+.1e %5.1f\n", complex(nan, inf), complex(-inf, 0), complex(inf, nan))
	fmt.Println(complex(0, math.Copysign(0, -1)), complex(1e21, 1e-7), complex(123456789, 0.000012))

	// In composite values.
	p := pair{1 + 2i, 3 - 4i}
	fmt.Printf("%v %+v\n", p, p)
	fmt.Println([]complex128{1, 1i, -1}, [2]complex64{2i, 3})
	fmt.Println(map[complex128]string{1i: "i"})
	// fmt sorts complex keys by real, then imaginary part; NaN first.
	fmt.Println(map[complex128]int{3i: 1, 1 + 1i: 2, -1: 3, 1: 4, 1 - 1i: 5, complex(0, nan): 7, complex(-inf, 0): 8})
	fmt.Println(&p)

	// The builtin print and println (Go 1.27 writes them as fmt's %v).
	println(c, s, complex(inf, nan))
	print(c, "\n")
	println(complex64(complex(1.0/3, 2.0/3)), complex(1.0/3, 2.0/3))
}
