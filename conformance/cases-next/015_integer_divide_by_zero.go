// rule: B3, A3, C4; issue9 integer sizes: divide by zero for every integer type, in a defer operand too
package main

import "fmt"

func try(name string, f func()) {
	defer func() { fmt.Println(name, "->", recover()) }()
	f()
}

func main() {
	var z8 int8
	var zu uint16
	var z32 int32
	var zu64 uint64
	z := 0
	try("int8 /", func() { fmt.Println(int8(7) / z8) })
	try("uint16 %", func() { fmt.Println(uint16(7) % zu) })
	try("int32 /", func() { fmt.Println(int32(7) / z32) })
	try("uint64 /", func() { fmt.Println(uint64(7) / zu64) })
	try("defer operand", func() {
		defer fmt.Println("registered before")
		defer fmt.Println("never registered", 10/z)
	})
	try("float is fine", func() {
		f := 0.0
		fmt.Println(1/f, -1/f)
	})
}
