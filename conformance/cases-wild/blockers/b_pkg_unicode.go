// blocker: packages unicode and unicode/utf8
// uses: "unicode(/utf8)?"
package main

import (
	"fmt"
	"unicode"
	"unicode/utf8"
)

func main() { fmt.Println(unicode.IsLetter('a'), utf8.RuneCountInString("héllo")) }
