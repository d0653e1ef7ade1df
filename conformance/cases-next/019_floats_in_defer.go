// rule: A1, A6; issue9 float64/float32, conversions, printing by println and fmt
package main

import (
	"fmt"
	"math"
)

func average(xs []float64) (avg float64) {
	defer func() {
		if math.IsNaN(avg) {
			avg = 0
		}
	}()
	sum := 0.0
	for _, x := range xs {
		sum += x
	}
	return sum / float64(len(xs))
}

func main() {
	fmt.Println(average([]float64{1, 2, 4}))
	fmt.Println(average(nil))
	var f32 float32 = 0.1
	f64 := 0.1
	defer fmt.Println("deferred:", f32, f64, float64(f32) == f64)
	defer println("println floats:", f64, float64(f32))
	fmt.Println(3/2, 3.0/2, float64(3)/2, int(f64*29), int(-f64*29))
	fmt.Println(math.Inf(1), -math.MaxFloat64, math.Sqrt(2), 1e21, 1e20, 1e-7)
	f := 7.0
	f /= 3
	fmt.Println(f, float32(f))
}
