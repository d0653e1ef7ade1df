// issue 9: byte escapes >= 0x80 in string literals whose bytes are UTF-8
// after all (a character spelled byte by byte), next to \u, octal and
// rune escapes; printed with %q and as bytes by a deferred call
package main

import "fmt"

func main() {
	s := "\xe4\xb8\x96\u754c\x41\101\t"
	fmt.Println(s, len(s), []byte(s), '\xff', '\377')
	defer fmt.Printf("%q\n", "caf\xc3\xa9")
}
