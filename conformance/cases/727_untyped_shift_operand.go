// rule: in a shift whose count is not constant, an untyped constant left
// operand takes the type the expression would have without the shift: the
// other operand's, or the type of the assignment, argument, return value or
// conversion the expression stands in (`var u uint64 = 1 << s` shifts a
// uint64; `x | 1<<s` shifts x's type). A constant shift of a whole untyped
// float constant is an integer constant.
package main

import "fmt"

func mask(bits uint) uint32 { return 1<<bits - 1 }

func top(x uint64) uint64 { return x }

func main() {
	s := 63
	var u uint64 = 1 << s
	fmt.Println(u, top(1<<s), u>>60)

	var flags uint16 = 3
	flags = flags | 1<<(s-50)
	fmt.Println(flags, mask(12), mask(32))

	var b byte = 1 << (s % 8)
	var w uint8 = 1<<s + 1 // the shift wraps in uint8
	fmt.Println(b, w, uint16(1<<(s-48)), int8(1<<s))

	var i any = 1 << 3
	n := 1 << (s - 60)
	fmt.Printf("%T %v %T %v\n", i, i, n, n)

	const whole = 1.0 << 4
	fmt.Println(whole, -1<<uint(s-1) < 0)

	defer func() { fmt.Println("recovered:", recover()) }()
	neg := -1
	fmt.Println(uint32(1) << neg)
}
