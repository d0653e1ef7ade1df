package main

import "fmt"

// Untyped complex constants are exact; they take a type where they are
// used, and one with a zero imaginary part may become an integer or a float.

const (
	re   = 5
	im   = 6i
	sum  = re + im
	prod = sum * sum
	quot = sum / (2 - 3i)
	back = quot * (2 - 3i)
	flat = (1 + 2i) * (1 - 2i) // 5 + 0i
	tiny = 1e-200i * 1e-200i   // -1e-400, exact until typed
)

const typed complex64 = 1.1 + 2.2i

type Celsius complex128

func main() {
	fmt.Println(sum, prod, quot, back == sum)
	fmt.Println(real(quot), imag(quot), real(back), imag(back))

	// A complex constant with a zero imaginary part is a valid int, float.
	var n int = flat
	var f float32 = flat
	var u uint8 = 2 + 0i
	fmt.Println(n, f, u, int64(flat), float64(flat)+0.5)
	fmt.Printf("%T %T %T\n", flat, real(flat), imag(2i))

	// real and imag of constants are constants.
	const r = real(sum) * 2
	const i = imag(sum) / 4
	var arr [int(r)]bool
	fmt.Println(r, i, len(arr))

	// Literals in every base.
	fmt.Println(2i, 1.5e3i, 0x1p-2i, 0o7i, 0b101i, 0x10i, 017i, 1_000i, .5i, 1e2i)

	// Typed constants round to their type.
	fmt.Println(typed, complex128(typed), real(typed))
	fmt.Printf("%T %v\n", typed*2, typed*2)
	fmt.Println(tiny == 0, -tiny)

	// Constants compared and folded.
	fmt.Println(sum == 5+6i, sum != re, complex(3, 4) == 3+4i)

	// A declared complex type.
	var t Celsius = 3 - 1i
	t *= 2
	fmt.Printf("%v %T %.1f\n", t, t, t)
	var x interface{} = t
	fmt.Println(x)

	// Untyped constants default to complex128 in interfaces and :=.
	var y interface{} = 1 + 1i
	z := 3i
	fmt.Printf("%T %T %v\n", y, z, z)
}
