// Named results (A6, C4, C5): deferred calls read and replace them; after a
// recovery the function returns them as they stand, zero values otherwise.
package main

import (
	"errors"
	"fmt"
)

func double() (r int) {
	defer func() { r *= 2 }()
	return 3
}

func unnamed() int {
	x := 3
	defer func() { x *= 2 }()
	return x
}

func lastWriter() (r int) {
	defer func() { r = 1 }()
	defer func() { r = 2 }()
	return 0
}

func safeDiv(a, b int) (q int, err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("recovered: %v", p)
		}
	}()
	if b == 0 {
		panic("division by zero")
	}
	return a / b, nil
}

func partial() (r int) {
	defer func() { recover() }()
	r = 5
	panic("x")
}

func unnamedZero() int {
	defer func() { recover() }()
	panic("x")
}

func c5() (r int) {
	defer func() {
		if p := recover(); p != nil {
			fmt.Println("c5 recovered", p)
		}
	}()
	defer func() { panic("late") }()
	return 7
}

func main() {
	fmt.Println("double", double())
	fmt.Println("unnamed", unnamed())
	fmt.Println("lastWriter", lastWriter())
	q, err := safeDiv(7, 2)
	fmt.Println("safeDiv", q, err)
	q, err = safeDiv(7, 0)
	fmt.Println("safeDiv", q, err)
	fmt.Println("partial", partial())
	fmt.Println("unnamedZero", unnamedZero())
	fmt.Println("c5", c5())
	_ = errors.New
}
