package main

import (
	"fmt"
	"math"
	"math/cmplx"
	"runtime"
)

// math/cmplx's basics, and division by zero of every kind: integers
// panic with a runtime.Error, floats and complex numbers do not.

func try(name string, f func() interface{}) {
	defer func() {
		if r := recover(); r != nil {
			err, ok := r.(runtime.Error)
			fmt.Println(name, "panics:", err, ok)
		}
	}()
	fmt.Println(name, "=", f())
}

func main() {
	z := complex(3, -4)
	fmt.Println(cmplx.Abs(z), cmplx.Conj(z), cmplx.Abs(cmplx.Inf()))
	fmt.Println(cmplx.IsInf(cmplx.Inf()), cmplx.IsNaN(cmplx.NaN()), cmplx.IsNaN(z))
	fmt.Println(cmplx.IsNaN(complex(math.NaN(), math.Inf(1))), cmplx.IsInf(complex(math.NaN(), math.Inf(-1))))
	fmt.Println(cmplx.Abs(complex(1e200, 1e200)), cmplx.Abs(complex(3e-320, 4e-320)))

	var i, zero int
	var u8, zero8 uint8 = 7, 0
	var f, fzero float64 = 1, 0
	var c, czero complex128 = 1 + 1i, 0
	var c64, czero64 complex64 = -1, 0
	i = 5
	try("int", func() interface{} { return i / zero })
	try("int rem", func() interface{} { return i % zero })
	try("uint8", func() interface{} { return u8 / zero8 })
	try("float", func() interface{} { return f / fzero })
	try("-float", func() interface{} { return -f / fzero })
	try("0/0 float", func() interface{} { return fzero / fzero })
	try("complex", func() interface{} { return c / czero })
	try("complex64", func() interface{} { return c64 / czero64 })
	try("0/0 complex", func() interface{} { return czero / czero })
}
