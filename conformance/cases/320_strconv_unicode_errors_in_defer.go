package main

import (
	"errors"
	"fmt"
	"strconv"
	"unicode"
)

func parse(s string) (n int, err error) {
	defer func() {
		if err != nil {
			err = fmt.Errorf("parse %q: %w", s, err)
		}
	}()
	return strconv.Atoi(s)
}

func main() {
	for _, s := range []string{"42", "-7", "x1", "99999999999999999999", ""} {
		n, err := parse(s)
		fmt.Println(n, err)
		var ne error
		fmt.Println(errors.Unwrap(err) != nil, ne == nil)
	}
	fmt.Println(strconv.Itoa(-15), strconv.Quote("a\"b"), strconv.FormatInt(255, 16), strconv.FormatInt(-8, 2))
	v, err := strconv.ParseInt("0x1f", 0, 64)
	fmt.Println(v, err)
	v, err = strconv.ParseInt("300", 10, 8)
	fmt.Println(v, err)
	b, err := strconv.ParseBool("T")
	fmt.Println(b, err, strconv.FormatBool(false))
	fmt.Println(unicode.IsUpper('A'), unicode.IsDigit('x'), string(unicode.ToUpper('é')), unicode.IsSpace('\t'))
}
