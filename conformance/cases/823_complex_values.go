package main

import (
	"fmt"
	"math"
)

// Complex values everywhere values go: interfaces, type switches, map
// keys, struct fields, arrays, slices, pointers, channels, methods.

type Shape interface {
	Center() complex128
}

type Disk struct {
	c complex64
	r float32
}

func (d Disk) Center() complex128 { return complex128(d.c) }

type Turn complex128

func (t Turn) Apply(z complex128) complex128 { return z * complex128(t) }

func kind(v interface{}) string {
	switch x := v.(type) {
	case complex64:
		return fmt.Sprintf("complex64 %v", x)
	case complex128:
		return fmt.Sprintf("complex128 %v", x)
	case Turn:
		return fmt.Sprintf("Turn %v", x)
	case float64:
		return "float64"
	}
	return "other"
}

func pair() (float64, float64) { return 2, -7 }

func main() {
	var s Shape = Disk{1 + 2i, 3}
	fmt.Println(s.Center(), s)
	fmt.Println(kind(1i), kind(complex64(2i)), kind(Turn(1i)), kind(1.0), kind(1))

	// Interfaces holding complex numbers compare by value.
	var a, b interface{} = 1 + 1i, complex(1, 1)
	var c interface{} = complex64(1 + 1i)
	fmt.Println(a == b, a == c, a != nil)
	if z, ok := c.(complex64); ok {
		fmt.Println("asserted", z)
	}
	_, ok := c.(complex128)
	fmt.Println(ok)

	// Map keys: -0 equals +0; a NaN key never matches, even itself.
	m := map[complex128]int{}
	m[complex(0, 0)] = 1
	m[complex(math.Copysign(0, -1), 0)]++
	nan := complex(math.NaN(), 0)
	m[nan] = 5
	m[nan] = 6
	_, found := m[nan]
	fmt.Println(len(m), m[0], found)
	total := 0
	for k, v := range m {
		if k != k {
			total += v
		}
	}
	fmt.Println("nan values", total)
	delete(m, nan)
	fmt.Println(len(m))

	// Arrays, slices, pointers, struct fields.
	var arr [3]complex64
	for i := range arr {
		arr[i] = complex(float32(i), -float32(i))
	}
	sl := append([]complex128(nil), 1, 2i, complex(3, 3))
	p := &sl[1]
	*p *= 2
	d := Disk{c: arr[2]}
	d.c += 1i
	fmt.Println(arr, sl, *p, d.c, arr == [3]complex64{0, 1 - 1i, 2 - 2i})

	// Channels and goroutines.
	ch := make(chan complex128, 1)
	go func() { ch <- Turn(1i).Apply(2 + 3i) }()
	fmt.Println(<-ch)

	// A two-result call spread into complex.
	fmt.Println(complex(pair()))

	// Switch on complex values.
	switch z := 2i * 2i; z {
	case -4:
		fmt.Println("minus four")
	default:
		fmt.Println("other", z)
	}
}
