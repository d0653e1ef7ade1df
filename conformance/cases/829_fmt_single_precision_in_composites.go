package main

import "fmt"

// fmt writes a float32 or complex64 with float32's shortest digits, and a
// uint64 as unsigned, also as an element of a slice, array or map, a field
// of a struct, or behind a pointer to a struct.

type Point struct {
	X, Y float32
	Z    complex64
	N    uint64
}

type Level float32

type Named float32

func (n Named) String() string { return fmt.Sprintf("named(%.1f)", float32(n)) }

func main() {
	big := uint64(1)<<63 + 5
	third := float32(1) / 3
	fmt.Println([]float32{0.1, third}, [2]complex64{0.1, 0.2i}, []uint64{big, 1})
	fmt.Println(map[uint64]float32{big: 0.1, 2: 0.3}, map[complex64]uint{0.1i: uint(big)})
	p := Point{0.1, 0.2, complex(0.3, 0.4), big}
	fmt.Println(p, []Point{p}, &p)
	fmt.Printf("%v|%+v|%.2f|%6.3f|%d\n", p, p, []float32{third}, [1]complex64{complex(third, 2)}, []uint64{big})
	fmt.Println([]Level{0.1}, []Named{0.25}, [][]float32{{0.7}, {0.9}})
	var anything interface{} = map[string][]complex64{"z": {0.1i}}
	fmt.Println(anything, fmt.Sprint([]float32{2.0 / 3}))
	defer fmt.Println("deferred", []float32{0.6}, p)
	p.X = 99
}
