// issue 9: strings.NewReplacer: replacements in the order they appear in
// the text, the first pair (in argument order) that matches at a position
// wins, no overlaps; a Replacer used by a deferred call and a goroutine-free
// helper; the odd-argument panic recovered by a defer
package main

import (
	"fmt"
	"strings"
)

var html = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;")

func escape(s string) (out string) {
	defer func() { out = "[" + out + "]" }()
	return html.Replace(s)
}

func main() {
	fmt.Println(escape("<a href='x'>Tom & Jerry</a>"))
	r := strings.NewReplacer("a", "1", "aa", "2", "b", "")
	fmt.Println(r.Replace("aaab abba"))
	r2 := strings.NewReplacer("aa", "2", "a", "1")
	fmt.Println(r2.Replace("aaab abba"))
	fmt.Println(strings.NewReplacer().Replace("same"))
	defer fmt.Println("deferred:", html.Replace("1 < 2"))
	defer func() { fmt.Println("recovered:", recover()) }()
	strings.NewReplacer("odd")
}
