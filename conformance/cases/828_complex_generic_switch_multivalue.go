package main

import "fmt"

// Complex numbers through generic functions, switches with complex cases,
// and multi-valued calls spread into complex, append and fmt.

type Number interface {
	~int | ~float64 | ~complex64 | ~complex128
}

func Sum[T Number](xs ...T) T {
	var s T
	for _, x := range xs {
		s += x
	}
	return s
}

func Square[T ~complex64 | complex128](x T) T { return x * x }

type Rotor complex64

func parts(z complex128) (float64, float64) { return real(z), imag(z) }

func values() ([]complex128, complex128, complex128) {
	return []complex128{1}, 2i, 3 + 3i
}

func classify(z complex128) string {
	switch z {
	case 0:
		return "zero"
	case 1i, -1i:
		return "unit imaginary"
	case complex(1, 0):
		return "one"
	}
	switch {
	case real(z) > 0 && imag(z) > 0:
		return "first quadrant"
	case z == z:
		return "elsewhere"
	}
	return "nan"
}

func main() {
	fmt.Println(Sum(1+1i, 2, 3i), Sum[complex64](0.5, 0.25i), Sum(Rotor(1i), Rotor(2)))
	fmt.Printf("%T %v\n", Square(Rotor(1+1i)), Square(2i))
	var zero complex128
	nan := zero / zero
	for _, z := range []complex128{0, 1i, -1i, 1, 2 + 3i, -2, nan} {
		fmt.Println(z, classify(z))
	}
	fmt.Println(complex(parts(4 - 5i)))
	s := append(values())
	fmt.Println(s, len(s))
	fmt.Println(parts(complex(0.5, 0.25)))
	defer fmt.Println(parts(1i))
}
