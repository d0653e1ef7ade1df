// rule: issue9 (wild) integer sizes with wraparound, conversions, bit operations, float formatting verbs
package main

import (
	"fmt"
	"math"
)

func main() {
	var i8 int8 = 127
	i8++
	var u8 uint8 = 0
	u8--
	var i32 int32 = math.MaxInt32
	i32 += 2
	var u16 uint16 = 65535
	u16 *= 2
	fmt.Println(i8, u8, i32, u16)
	big := int64(1) << 40
	fmt.Println(int32(big), int16(big+70000), uint8(300&0xff), int(-7)/2, -7%3, 7>>1, -7>>1)
	x := 0b1011_0110
	fmt.Printf("%d %b %o %x %X %#x %08b\n", x, x, x, x, x, x, x&0x0f)
	fmt.Println(x&^0x06, x|1, x^0xff, 1<<3|1<<1)
	f := 3.0 / 7
	fmt.Printf("%v %.2f %8.3f|%-8.1f|%e %g %G\n", f, f, f, f, f*1e6, f*1e21, 1e-7)
	fmt.Println(math.Sqrt(2), math.Floor(-2.5), math.Round(2.5), math.Trunc(-2.7), math.Abs(-3))
	fmt.Println(math.Inf(1), -math.Inf(1), math.NaN() == math.NaN(), math.MaxInt64, math.MinInt64)
	var f32 float32 = 0.1
	fmt.Println(f32, float64(f32), f32*3, 0.1+0.2)
	fl := 3.99
	fmt.Println(int(fl), int(-fl), float64(7)/2, 7/2, 7.0/2)
	fmt.Printf("%5d|%-5d|%05d|%+d|%x\n", 42, 42, 42, 42, -255)
	fmt.Printf("%t %v %q %v %c\n", true, 'A', 65, byte('A'), 0x1F600)
	h := uint32(2166136261)
	for _, c := range []byte("hello") {
		h ^= uint32(c)
		h *= 16777619
	}
	fmt.Println("fnv32a(hello) =", h)
	defer func() { fmt.Println(recover()) }()
	var d int8 = -128
	zero := int8(0)
	fmt.Println(d/-1, -d, d*-1)
	fmt.Println(d / zero)
}
