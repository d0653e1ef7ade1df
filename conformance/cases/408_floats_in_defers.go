// rule: A1, A2; issue9 float64 and float32: arguments evaluated at the defer statement, conversions truncate, division by zero is not a panic
package main

import "fmt"

type Celsius float64

func (c Celsius) String() string { return fmt.Sprintf("%.1f°C", float64(c)) }



func ratio(a, b float64) (r float64) {
	defer func() { r = float64(int(r*100)) / 100 }()
	return a / b
}

func main() {
	t := Celsius(21.5)
	defer fmt.Println("deferred:", t, float32(t)/3)
	t += 0.25
	var f32 float32 = 0.1
	f := 0.1
	fmt.Println(f32+0.2, f+0.2, float64(f32) == f, f32 == 0.1)
	fmt.Println(ratio(10, 3), ratio(1, 0), ratio(-1, 0), -7/2.0, 7/2)
	z := 0.0
	fmt.Println(1/z, -1/z, z/z == z/z, int(z+2.99), int(z-2.99), uint8(int(z+300.7)))
	fmt.Printf("%.2f %8.3f|%-8.1f|%e %g %v %T\n", 3.14159, 2.5, 2.25, 123456.789, 1e-7, t, t)
	println(1.5, 1e21, f)
	var total float64
	for i := 1; i <= 4; i++ {
		defer func(v float64) { total += v; fmt.Println("total", total) }(float64(i) / 2)
	}
}
