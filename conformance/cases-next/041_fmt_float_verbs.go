// rule: A1; issue9 fmt float verbs %f %g %e %v with widths and precision, in deferred calls
package main

import "fmt"

func main() {
	x := 3.14159265
	defer fmt.Printf("deferred: %.3f %8.2f|%-8.2f|\n", x, x, x)
	x = 0
	vals := []float64{0, 1, -2.5, 1.0 / 3, 123456789.0, 1e21, 1e-7, 2.0e-5}
	for _, v := range vals {
		fmt.Printf("%v %f %.2f %g %e %.3g %E\n", v, v, v, v, v, v, v)
	}
	var f32 float32 = 1.0 / 3
	fmt.Printf("%v %g %.10f\n", f32, f32, f32)
	fmt.Println(1.0/3, float32(1.0)/3, 100.0, 1e6, 1e-4, 2.5e-5)
	fmt.Printf("%6.1f|%-6.1f|%+.1f|%06.2f\n", 2.25, 2.35, 3.0, -1.5)
	fmt.Printf("%T %T\n", 1.5, f32)
}
