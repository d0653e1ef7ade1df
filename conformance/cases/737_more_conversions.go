// rule: conversions Go allows between types that share a representation:
// a pointer to pointers whose base types have identical underlying types
// (*int to *Celsius), strings to and from declared byte and rune slice types
// (both ways), and an integer constant to string, which is a constant (the
// code point's UTF-8, U+FFFD when it is not a valid code point). A
// conversion through a nil pointer stays nil until dereferenced.
package main

import "fmt"

type Celsius int
type Bytes []byte
type Runes []rune
type Name string

const letters = string('a'+iota) + string(0x4e16) + string(-1)

func main() {
	n := 20
	c := (*Celsius)(&n)
	*c += 5
	fmt.Println(n, *c)

	b := Bytes("héllo")
	r := Runes("héllo")
	fmt.Println(len(b), len(r), string(b), string(r[1:]), Name(b), []byte(Name("x")))
	b[0] = 'H'
	fmt.Println(string(b), Bytes(""), len(Runes("")))
	fmt.Println(letters, len(letters))

	var np *int
	cp := (*Celsius)(np)
	fmt.Println(cp == nil)
	defer func() { fmt.Println("recovered:", recover()) }()
	fmt.Println(*cp)
}
