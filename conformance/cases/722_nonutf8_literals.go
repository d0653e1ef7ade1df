package main

import "fmt"

// Go strings are bytes: a literal may hold bytes that are not UTF-8.
func main() {
	s := "a\xffb\x80"
	defer fmt.Println("deferred:", len(s), []byte(s), fmt.Sprintf("%x", s))
	defer func() {
		for i, r := range "x\xff\xe4\xb8\x96\x80" {
			fmt.Println(i, r)
		}
	}()
	fmt.Println(len(s), []byte(s), s[1], s == "a\xffb\x80", "\xff"+"\xfe" < "\xff\xff")
	fmt.Println([]rune(s), len([]rune(s)))
	const c = "\x80abc"
	fmt.Println(len(c), c[0], c[1:], string(c[0]) == "\u0080", c[:1] == "\x80")
	m := map[string]int{"\xff": 1, "\xfe": 2}
	fmt.Println(m["\xff"], m["\xfe"], len(m), "\377" == "\xff")
}
