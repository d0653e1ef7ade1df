package main

// The # flag of fmt: %#x %#X %#o prefixes, %#q back-quotes a string when
// strconv.CanBackquote allows it, %#v quotes a string.

import (
	"errors"
	"fmt"
)

func main() {
	defer func() {
		r := recover()
		fmt.Printf("recovered %#q|%#v|%q\n", r, r, r)
	}()
	defer fmt.Printf("deferred %#x %#q\n", 255, errors.New("went `wrong`"))
	fmt.Printf("%#x %#X %#o %#q\n", 182, 182, 182, "hi")
	fmt.Printf("%#q|%#q|%#q|%#q|%8q|%#8q|%#-6q|\n", "a`b", "tab\there", "é", 'x', "w", "w", "l")
	fmt.Printf("%#q|%#q|%#q\n", "bell\a", "del\x7f", "\u0085ok")
	fmt.Printf("%#v|%#v|%#v|%#v|%#v\n", 42, "s", true, 1.0, nil)
	panic("plain text")
}
