// rule: A1, A4; issue9 byte/rune, strings as bytes and runes, for range over strings
package main

import "fmt"

func main() {
	s := "héllo, 世界"
	defer fmt.Println("len in bytes and runes:", len(s), len([]rune(s)))
	for i, r := range s {
		defer fmt.Print(i, ":", string(r), " ")
	}
	fmt.Println(s[0], s[1], s[2], string(s[0]), s[1:3])
	b := []byte(s)
	b[0] = 'H'
	fmt.Println(string(b), s)
	rs := []rune(s)
	rs[1] = 'e'
	fmt.Println(string(rs), len(rs))
	var c byte = 'a'
	var r rune = '世'
	fmt.Println(c, r, string(rune(c)), string(r), 'x'-'a')
	fmt.Printf("%c %c %U %q %q\n", c, r, r, r, s)
	for i := 0; i < 3; i++ {
		fmt.Print(s[i], " ")
	}
	fmt.Println()
	bad := string([]byte{0xff, 'a'})
	for i, r := range bad {
		fmt.Println(i, r, r == '\uFFFD')
	}
}
