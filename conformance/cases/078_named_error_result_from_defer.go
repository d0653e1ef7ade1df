// rule: A6, C4
package main

import (
	"errors"
	"fmt"
)

func parse(s string) (n int, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = errors.New(fmt.Sprint("parse failed: ", r))
		}
	}()
	if len(s) == 0 {
		panic("empty input")
	}
	return len(s), nil
}

func closeIt(fail bool) (err error) {
	defer func() {
		if fail && err == nil {
			err = errors.New("close failed")
		}
	}()
	return nil
}

func main() {
	n, err := parse("abc")
	fmt.Println(n, err)
	n, err = parse("")
	fmt.Println(n, err)
	fmt.Println(closeIt(false))
	fmt.Println(closeIt(true))
}
