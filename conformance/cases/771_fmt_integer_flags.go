package main

import "fmt"

// fmt's integer verbs: the 0 flag with a width counts digits after the
// sign and the 0x prefix, a precision is a minimum of digits (and .0 of
// zero prints nothing), the space flag, %+v of an integer, and unsigned
// 64-bit values above int64's range, printed by a deferred call.

type S struct {
	A int
	B uint8
}

func main() {
	var u uint64 = 1<<64 - 1
	var w uint32 = 1
	defer func() {
		fmt.Printf("%x %#x %X %#o %b %d %v\n", u, u, u, u, u, u, u)
	}()
	fmt.Printf("%#08x|%#8x|%-#8x|%08x|%#08X|%#08o|%08d|%+08d\n", w, w, w, w, w, w, -5, 5)
	fmt.Printf("%#x %#x %x\n", -255, int8(-1), -1)
	fmt.Printf("[%-08d][% d][% d][%.0d][%5.0d][%6.3d][%-6.3x][%+v][%#v][%#o][%#o][%#b][%O][%O]\n", 5, 5, -5, 0, 0, 7, 255, 3, 4, 0, 8, 5, 8, -8)
	fmt.Printf("[%03d][%x][%+d][%08.3d][%#X][% x][% 05d][%+05d]\n", []int{1, -2}, S{10, 255}, []int8{-1, 2}, -4, -255, 255, 3, -3)
	fmt.Printf("[%5v][%-5v][%05v][%x]\n", 12, -12, -12, uint8(200))
	var n uint = 1<<64 - 1
	var up uintptr = 1 << 63
	fmt.Printf("%v %d %x %o %b\n", n, up, up, uint32(1<<32-1), uint16(1<<16-1))
	fmt.Println(fmt.Sprint(n), fmt.Sprintf("%6d|%-4d|%+.2d", int64(-9), int16(3), 1))
}
