// issue 9: strconv.Unquote (double-quoted with every escape, raw, rune
// literals; its error is strconv.ErrSyntax itself), FormatFloat in the
// e/E/f/g/G formats with and without precision and at 32 bits, and
// AppendInt; a deferred call's FormatFloat argument evaluated at the
// defer statement, and an Unquote error panicked and recovered
package main

import (
	"errors"
	"fmt"
	"strconv"
)

func mustUnquote(s string) string {
	v, err := strconv.Unquote(s)
	if err != nil {
		panic(fmt.Errorf("unquote %s: %w", s, err))
	}
	return v
}

func main() {
	for _, s := range []string{`"hi\n"`, `"\x41\101\u00e9\U0001F600\t\\\""`, "`raw\\n`", `'x'`, `'\n'`, `"bad`, `noquotes`, `'ab'`, `"a"b"`, `"\q"`, `""`, "``"} {
		v, err := strconv.Unquote(s)
		fmt.Printf("%q %v %v\n", v, err, errors.Is(err, strconv.ErrSyntax))
	}
	f := 3.14159265
	for _, c := range []byte{'e', 'E', 'f', 'g', 'G'} {
		fmt.Println(strconv.FormatFloat(f, c, -1, 64), strconv.FormatFloat(f, c, 2, 64), strconv.FormatFloat(f, c, -1, 32), strconv.FormatFloat(1e21, c, -1, 64), strconv.FormatFloat(-0.000012, c, -1, 64))
	}
	fmt.Println(strconv.FormatFloat(0, 'e', -1, 64), strconv.FormatFloat(100, 'f', -1, 64), strconv.FormatFloat(2.5, 'f', 0, 64), strconv.FormatFloat(0.1, 'f', 20, 64))
	fmt.Println(string(strconv.AppendInt([]byte("n="), -42, 16)), strconv.AppendInt(nil, 7, 2))
	defer fmt.Println("deferred:", strconv.FormatFloat(f, 'f', 3, 64))
	f = 0
	defer func() { fmt.Println("recovered:", recover()) }()
	mustUnquote(`"oops`)
}
