// rule: A1, A2, B3; issue9 integer types of every size: deferred arguments are evaluated before the wrap; unsigned division and shifts; run-time errors recovered by type
package main

import (
	"fmt"
	"runtime"
)

type Count uint8

func (c Count) String() string { return fmt.Sprintf("count(%d)", uint8(c)) }

func div(a, b uint32) (q uint32, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = r.(runtime.Error)
		}
	}()
	return a / b, nil
}

func shift(x int16, n int) (r int16) {
	defer func() {
		if e, ok := recover().(runtime.Error); ok {
			fmt.Println("shift recovered:", e)
			r = -1
		}
	}()
	return x << n
}

func main() {
	var a int8 = 120
	var u uint16 = 65530
	var c Count = 250
	defer fmt.Println("deferred:", a, u, c)
	for i := 0; i < 10; i++ {
		a++
		u++
		c++
	}
	fmt.Println(a, u, c, c+10, ^u, -a)
	fmt.Println(div(7, 2))
	fmt.Println(div(7, 0))
	fmt.Println(shift(3, 14), shift(3, 20), shift(3, -2))
	var big uint64
	big--
	var i64 int64 = -9223372036854775807 - 1
	fmt.Println(big, big/3, big>>60, i64/-1, i64%-1, uint32(big), int8(big))
	x := 0x7f
	fmt.Println(x&0x0f, x|0x100, x^0xff, x&^0x0f, x<<4>>2)
	var b byte = 'z'
	var r rune = 'é'
	fmt.Println(b, r, string(r), b-'a', r>>8)
	fmt.Printf("%v %d %T %T %T\n", c, c, c, b, r)
}
