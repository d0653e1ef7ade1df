// issue 9: unicode/utf8 on strings and byte slices: counting, decoding
// from the front and the back (invalid bytes as RuneError, one at a
// time), validity, rune lengths and the package's constants; a deferred
// call whose utf8 argument is evaluated at the defer statement
package main

import (
	"fmt"
	"unicode"
	"unicode/utf8"
)

func main() {
	s := "héllo, 世界!"
	fmt.Println(len(s), utf8.RuneCountInString(s), utf8.ValidString(s))
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		fmt.Printf("%c:%d ", r, size)
		i += size
	}
	fmt.Println()
	r, size := utf8.DecodeLastRuneInString(s)
	fmt.Printf("%c %d\n", r, size)
	b := []byte("añb")
	fmt.Println(utf8.RuneCount(b), utf8.Valid(b))
	r, size = utf8.DecodeRune(b[1:])
	fmt.Println(r, size)
	bad := string([]byte{'a', 0xff, 0xe4, 0xb8, 'z'})
	fmt.Println(utf8.RuneCountInString(bad), utf8.ValidString(bad))
	r, size = utf8.DecodeRuneInString(bad[1:])
	fmt.Println(r == utf8.RuneError, size)
	r, size = utf8.DecodeLastRuneInString(bad[:4])
	fmt.Println(r == utf8.RuneError, size)
	r, size = utf8.DecodeRuneInString("")
	fmt.Println(r, size)
	for _, x := range []rune{'a', 'é', '世', '😀', -1, 0xD800, 0x110000} {
		fmt.Print(utf8.RuneLen(x), utf8.ValidRune(x), " ")
	}
	fmt.Println()
	fmt.Println(utf8.RuneError, utf8.UTFMax, utf8.RuneSelf, utf8.MaxRune, unicode.IsUpper('É'))
	defer fmt.Println("deferred:", utf8.RuneCountInString(s))
	s = ""
}
