// rule: E2, E3
package main

import "errors"

func main() {
	defer func() {
		recover()
		panic(errors.New("second error\nwith detail"))
	}()
	panic("first\nsecond line")
}
