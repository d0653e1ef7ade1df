// rule: C4, B3, B1
package main

import (
	"errors"
	"fmt"
)

func capture(f func()) (out string) {
	defer func() {
		r := recover()
		out = fmt.Sprintf("%v|%q|100%%", r, fmt.Sprint(r))
	}()
	f()
	return "no panic"
}

func main() {
	fmt.Println(capture(func() { panic("quoted \"text\"") }))
	fmt.Println(capture(func() { panic(errors.New("err\tvalue")) }))
	fmt.Println(capture(func() { panic(7) }))
	fmt.Println(capture(func() {}))
	fmt.Printf("%d %s %v\n", 3, "s", true)
}
