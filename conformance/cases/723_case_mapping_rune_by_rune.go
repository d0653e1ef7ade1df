package main

import (
	"fmt"
	"strings"
	"unicode"
)

// strings.ToUpper/ToLower map rune by rune (Unicode's simple mapping).
func main() {
	defer fmt.Println("deferred:", strings.ToUpper("straße"), string(unicode.ToUpper('ß')))
	fmt.Println(strings.ToUpper("Straße ǰ ŉ é"), strings.ToLower("İSTANBUL ÉTÉ"))
	fmt.Println(unicode.ToUpper('ß') == 'ß', unicode.ToLower('İ'), unicode.ToUpper('é'), len(strings.ToUpper("ß")))
}
