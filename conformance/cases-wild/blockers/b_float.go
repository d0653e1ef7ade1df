// blocker: floating point (float64/float32 values, float literals, %f %e %g)
// uses: \bfloat(32|64)\b|\b\d+\.\d+|%[-+ 0-9.]*[feg]\b
package main

import "fmt"

func main() { var f float64 = 1; fmt.Println(f/3, float32(0.1)); fmt.Printf("%.2f %e %g\n", 3.14159, 1234.5, 1e21) }
