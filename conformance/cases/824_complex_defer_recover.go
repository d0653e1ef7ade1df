package main

import (
	"errors"
	"fmt"
)

// A deferred call's complex arguments are evaluated at the defer
// statement; a panic with a complex value is recovered and printed.

type Phasor complex64

func report(label string, z complex128, w Phasor) {
	fmt.Println(label, z, w, real(z)+imag(z))
}

func accumulate() (total complex128) {
	z := complex(1, 1)
	defer report("deferred with", z*2, Phasor(z))
	defer func() { total *= 1i }()
	for i := 0; i < 3; i++ {
		defer func(step complex128) { total += step }(z)
		z += 1i
	}
	z = 100
	return z
}

func divide(a, b complex128) (q complex128, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("recovered %v (%T)", r, r)
		}
	}()
	if b == 0 {
		panic(a)
	}
	return a / b, nil
}

func phase() {
	defer func() {
		r := recover()
		p, ok := r.(Phasor)
		fmt.Println("phasor", p, ok, r)
	}()
	panic(Phasor(3 - 4i))
}

func main() {
	fmt.Println(accumulate())
	fmt.Println(divide(4+2i, 2))
	fmt.Println(divide(4+2i, 0))
	phase()

	err := errors.New("wrapped")
	func() {
		defer func() {
			fmt.Println("again:", recover())
		}()
		defer func() {
			r := recover()
			panic(fmt.Sprint(r, " then ", complex(real(r.(complex128)), 0), err))
		}()
		panic(complex(0.5, -0.25))
	}()
}
