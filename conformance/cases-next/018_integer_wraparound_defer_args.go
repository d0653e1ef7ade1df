// rule: A1, A4; issue9 integer types of every size with wraparound, conversions
package main

import "fmt"

func main() {
	var i8 int8 = 127
	var u8 uint8 = 255
	var i16 int16 = -32768
	var u32 uint32 = 0
	var i64 int64 = 1<<63 - 1
	var u uint = 0
	defer fmt.Println("deferred args (evaluated before the wrap):", i8, u8, i16, u32, i64, u)
	i8++
	u8++
	i16--
	u32--
	i64++
	u--
	fmt.Println(i8, u8, i16, u32, i64, u)
	x := 300
	big, neg := 70000, int32(-1)
	fmt.Println(int8(x), uint8(x), byte(x), int16(big), uint16(neg))
	var b byte = 200
	fmt.Println(b+100, b*2, int(b)+100)
	fmt.Println(-7/2, -7%2, 7>>1, -7>>1, uint8(1)<<7, i8<<7)
	var r rune = 'A'
	fmt.Println(r+1, string(r+1), int32(r)*1000000)
	defer func() { fmt.Println("closure sees wrapped:", i8, u8) }()
}
