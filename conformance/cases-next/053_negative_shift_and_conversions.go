// rule: B3, C4, A3; issue9 integer sizes: shift by a negative amount is a run-time error; large shifts and conversions wrap
package main

import "fmt"

func shift(x, n int) (r int, err any) {
	defer func() { err = recover() }()
	return x << n, nil
}

func main() {
	fmt.Println(shift(1, 3))
	fmt.Println(shift(1, 64))
	fmt.Println(shift(1, -1))
	var u8 uint8 = 1
	n := 9
	fmt.Println(u8<<n, u8<<7, int8(-1)>>1, uint32(1)<<31)
	neg := -1
	func() {
		defer func() { fmt.Println("defer operand shift:", recover()) }()
		defer fmt.Println("shifted", 1>>neg)
	}()
	f := 1e10
	fmt.Println(int32(int64(f)), int64(f), uint8(int(f)))
	var i64 int64 = -1
	fmt.Println(uint64(i64), uint32(i64), int8(i64), uint(i64) > 0)
}
