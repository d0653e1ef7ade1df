package main

import "fmt"

func main() {
	s := "héllo, 世界"
	fmt.Println(len(s), s[1], s[0:1], s[7:])
	for i, r := range s {
		fmt.Print(i, ":", string(r), " ")
	}
	fmt.Println()
	for i := range "ab" {
		fmt.Print(i)
	}
	fmt.Println()
	b := []byte(s)
	b[0] = 'H'
	fmt.Println(string(b), len(b), s)
	rs := []rune(s)
	fmt.Println(len(rs), string(rs[1]), string(rs[7:]))
	rs[0] = 'J'
	fmt.Println(string(rs))
	bad := string([]byte{0xff, 'a'})
	for i, r := range bad {
		fmt.Println(i, r, r == '\uFFFD')
	}
	fmt.Println(string(rune(65)), string(rune(0x4e16)), "\x41\u00e9")
	x := 'a' + 1
	fmt.Println(x, string(x))
	var by byte = 'z'
	fmt.Println(by, string(by))
	defer func(s string) { fmt.Println("deferred string", s) }(string(b[:5]))
	b[1] = 'E'
	cmp := "abc" < "abd"
	fmt.Println(cmp, "a"+"b" == "ab", s[len(s)-3:])
}
