package main

import "fmt"

// `range n` works over every integer type, and its iteration values have
// n's type; a length, capacity or index of any integer type (a declared
// one included) is accepted, and out-of-range values are run-time errors
// a deferred recover sees.

type Count uint8
type Size int
type Slot int16

func sum[T ~uint8](n T) (s T) {
	for i := range n {
		s += i
	}
	return s
}

func try(name string, f func()) {
	defer func() {
		if r := recover(); r != nil {
			fmt.Println(name, "recovered:", r)
		}
	}()
	f()
	fmt.Println(name, "ok")
}

func main() {
	for i := range uint(3) {
		fmt.Printf("%T %v\n", i, i)
	}
	var c Count = 2
	for i := range c {
		fmt.Printf("%T %v\n", i, i)
	}
	for i := range int8(2) {
		fmt.Printf("%T %v\n", i, i)
	}
	fmt.Println(sum[uint8](5), sum[Count](4))
	var sz Size = 2
	var u uint16 = 3
	s := make([]int, sz, u)
	m := make(map[string]int, sz)
	ch := make(chan int, Count(1))
	fmt.Println(len(s), cap(s), len(m), cap(ch))
	var k Slot = 1
	s[k] = 7
	fmt.Println(s, s[k], s[:k])
	try("index", func() {
		var bad Slot = 5
		s[bad] = 1
	})
	try("make", func() {
		var neg int8 = -1
		_ = make([]int, neg)
	})
	try("make size", func() {
		var n Size = -3
		_ = make([]byte, n)
	})
	try("range", func() {
		var n Size = 3
		total := Size(0)
		for i := range n {
			total += i
		}
		fmt.Printf("%T %v\n", total, total)
	})
}
