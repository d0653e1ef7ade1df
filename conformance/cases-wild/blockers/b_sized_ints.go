// blocker: sized integer types (int8 ... uint64, uint) with wraparound
// uses: \bu?int(8|16|32|64)\b|\buint\b
package main

import "fmt"

func main() { var a int8 = 127; a++; var u uint8; u--; x := uint32(1 << 31); fmt.Println(a, u, x*2) }
