package main

import (
	"fmt"
	"math"
)

// Arithmetic on complex128 and complex64 values, Go's division algorithm
// (Smith's, with C99's corrections) and its infinities and NaNs.

func show(label string, c complex128) {
	fmt.Println(label, c, real(c), imag(c))
}

func main() {
	a := complex(3.5, -2)
	b := complex(-1.25, 4)
	show("sum", a+b)
	show("difference", a-b)
	show("product", a*b)
	show("quotient", a/b)
	show("negation", -a)
	show("square of i", 1i*1i)

	var zero complex128
	one := complex(1, 1)
	show("0/0", zero/zero)
	show("1/0", one/zero)
	show("-1/0", complex(-1, 0)/zero)
	show("(0+1i)/0", complex(0, 1)/zero)
	inf := math.Inf(1)
	show("inf/2", complex(inf, 1)/complex(2, 0))
	show("2/inf", complex(2, 3)/complex(inf, 0))
	show("inf*inf", complex(inf, 0)*complex(inf, 0))
	show("nan+1", complex(math.NaN(), 0)+1)
	big, small := 1e300, 1e-300
	show("big/small", complex(big, big)/complex(small, small))
	tiny := 1e-310
	show("small parts", complex(tiny, 3)/complex(4*tiny, 10*tiny))
	show("by inf-nan", complex(1, 2)/complex(inf, math.NaN()))

	// complex64: each part rounded to float32 after every operation.
	var p complex64 = complex(0.1, 0.2)
	var q complex64 = complex(0.3, -0.7)
	fmt.Println("c64", p*q, p/q, p+q, p-q)
	fmt.Println("c64 parts", real(p*q), imag(p/q))
	fmt.Println("widened", complex128(p), complex64(complex128(p)) == p)

	// Equality: both parts; NaN is unequal to itself.
	n := complex(math.NaN(), 1)
	fmt.Println(a == a, a != b, n == n, n != n, complex(0, 0) == complex(math.Copysign(0, -1), 0))

	// Compound assignment and increments.
	c := complex(1, 1)
	c += 2
	c *= 1i
	c -= complex(0, 0.5)
	c /= 2
	fmt.Println(c)
	c++
	fmt.Println(c)
}
