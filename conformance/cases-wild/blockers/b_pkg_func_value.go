// blocker: package functions as values (strings.TrimSpace, strconv.Atoi passed as func values)
// uses: \b(strings|strconv|unicode)\.(?!Err)[A-Z]\w*[ \t]*[,)]
package main

import (
	"fmt"
	"strings"
)

func apply(f func(string) string, s string) string { return f(s) }

func main() { fmt.Printf("%q\n", apply(strings.TrimSpace, "  hi  ")) }
