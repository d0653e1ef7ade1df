// rule: the integer types beyond int work wherever Go allows any integer:
// x[i]++ and x[i] op= v on elements of sized integer and float types wrap
// in the element's type (bitwise operators too); make's sizes and index
// expressions of any integer type; make, send, receive and close on a
// declared channel type; `defer copy(dst, src)` evaluates both slices at the
// defer statement and copies when the function returns.
package main

import "fmt"

type Queue chan string
type Bytes []byte
type Counts map[string]int

var a [4]byte
var i byte

func next() *byte {
	i++
	return &a[i-1]
}

func main() {
	buf := make(Bytes, 3)
	buf[0]--
	buf[1] += 200
	buf[1] += 100
	buf[2] |= 0x81
	buf[2] &^= 1
	buf[2] <<= 1
	var small [2]int8
	small[0] = 127
	small[0]++
	small[1] -= 3
	fl := []float32{1.5}
	fl[0] *= 3
	ints := []int{6}
	ints[0] ^= 3
	ints[0] >>= 1
	fmt.Println(buf, small, fl, ints)

	*next() = 'x'
	*next() = 'y'
	fmt.Println(string(a[:i]), i)

	var n64 int64 = 3
	var n8 uint8 = 5
	s := make([]int, n64, n8)
	s[n8-3] = 9
	fmt.Println(s, len(s), cap(s), s[uint16(2)])

	q := make(Queue, n8)
	q <- "a"
	q <- "b"
	close(q)
	for v := range q {
		fmt.Print(v, " ")
	}
	c := make(Counts)
	c["k"]++
	fmt.Println(len(q), c)

	dst := make([]int, 3)
	src := []int{1, 2, 3}
	func() {
		defer copy(dst, src)
		src = []int{7, 8, 9} // not seen: the slice was evaluated at the defer
		fmt.Println("before return:", dst)
	}()
	fmt.Println("after return:", dst)

	defer func() { fmt.Println("recovered:", recover()) }()
	var idx uint8 = 200
	fmt.Println(s[idx])
}
