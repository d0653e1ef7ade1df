package main

import (
	"errors"
	"fmt"
)

func main() {
	fmt.Printf("[%d] [%5d] [%-5d] [%05d] [%+d] [%x] [%X] [%o] [%b] [%c] [%q] [%U]\n", 42, 42, 42, 42, 42, 255, 255, 8, 5, 'A', 'B', 0x1F600)
	fmt.Printf("[%s] [%10s] [%-10s] [%.2s] [%q] [%x] [% x] [%X]\n", "go", "go", "go", "golang", "a\"b\n", "hi", "hi", "hi")
	fmt.Printf("[%v] [%t] [%v] [%5t]\n", true, false, nil, true)
	fmt.Printf("[%f] [%.2f] [%8.3f] [%-8.1f] [%e] [%E] [%g] [%g] [%g] [%G]\n", 3.14159, 3.14159, 3.14159, 2.5, 123456.789, 0.000123, 1e21, 1e20, 0.0001, 1e-7)
	fmt.Printf("[%v] [%v] [%v] [%v] [%v]\n", 1.0, 0.1, 1e6, 1e21, 123456789.0)
	fmt.Printf("[%T] [%T] [%T] [%T] [%T] [%T] [%T]\n", 1, "s", 1.5, true, nil, []int{}, map[string]bool{})
	fmt.Printf("[%v] [%d] [%s] [%q]\n", []int{1, 2}, []int{3, 4}, []string{"a", "b"}, []string{"c"})
	fmt.Printf("[%v] [%v]\n", map[string]int{"b": 2, "a": 1}, [2]bool{true})
	fmt.Printf("%d%%\n", 50)
	fmt.Printf("[%*d] [%-*d]\n", 4, 7, 3, 8)
	fmt.Printf("%d %s\n", "str", 5)
	fmt.Printf("%d\n")
	fmt.Printf("%d\n", 1, 2)
	fmt.Printf("%!\n")
	err := errors.New("bad thing")
	fmt.Printf("[%v] [%s] [%q]\n", err, err, err)
	var e error
	fmt.Printf("[%v]\n", e)
	s := fmt.Sprintf("%03d|%-4s|%x", 7, "ab", "é")
	fmt.Println(s, len(s))
	fmt.Println(fmt.Sprint(1, 2, "a", "b", 3), fmt.Sprint("x", 1.5, true))
	fmt.Print("p", 1, 2, "\n")
	fmt.Println(int8(-5), uint8(250), int64(1)<<40, 'x', byte('y'))
	var ip *int
	fmt.Println(ip == nil, []byte("hi"), []rune("hi"))
	fmt.Printf("%v %s\n", []byte("hi"), []byte("hi"))
	fmt.Printf("%6.2f|%-6.2f|%+.1e\n", 1.0, 2.0, 12345.0)
	fmt.Printf("%x %X\n", -255, []byte{1, 171})
}
