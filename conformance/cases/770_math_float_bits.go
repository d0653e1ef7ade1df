package main

import (
	"fmt"
	"math"
)

// The bit patterns of floats: math.Float32bits, Float32frombits,
// Float64bits, Float64frombits; signed zeros, NaN payloads, float32
// rounding of constants, and a deferred recover around a check.

const zero = 0.0

func check(name string, got, want uint64) {
	if got != want {
		panic(fmt.Sprintf("%s: got %#x want %#x", name, got, want))
	}
}

func main() {
	defer func() {
		r := recover()
		fmt.Println("recovered:", r)
	}()
	x := -zero
	fmt.Println(math.Float64bits(x), math.Float64bits(-x))
	fmt.Printf("%#x %#x\n", math.Float64bits(1.5), math.Float64bits(math.Inf(-1)))
	var f32 float32 = 1e-45
	fmt.Printf("%#08x %#08x\n", math.Float32bits(f32), math.Float32bits(-2.5))
	nz := math.Float32frombits(1 << 31)
	fmt.Println(nz, nz == 0, math.Signbit(float64(nz)))
	nan := float32(math.NaN())
	other := math.Float32frombits(math.Float32bits(nan) ^ 2)
	fmt.Println(other != other, math.Float32bits(other) == math.Float32bits(nan)^2)
	m := map[float32]int{nan: 1, other: 2, nz: 3}
	m[0] = 4
	fmt.Println(len(m), m[nz])
	d := math.Float64frombits(0x3ff8000000000000)
	fmt.Println(d, math.Float64frombits(math.Float64bits(d)+1) > d)
	fmt.Printf("%T %T %T %T\n", math.Float32bits(1), math.Float32frombits(1), math.Float64bits(1), math.Float64frombits(1))
	for _, c := range []struct {
		v    float32
		bits uint32
	}{{0.5e-45, 0}, {0.8e-45, 1}, {3e-45, 2}, {1.1e-44, 8}} {
		check(fmt.Sprint(c.v), uint64(math.Float32bits(c.v)), uint64(c.bits))
	}
	check("max", math.Float64bits(math.MaxFloat64), 0x7fefffffffffffff)
	check("wrong on purpose", math.Float64bits(2), 0)
}
