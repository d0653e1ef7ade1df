// rule: A7
package main

import (
	"errors"
	"fmt"
)

func produce(n int) (int, error) {
	fmt.Println("produce called with", n)
	return n * 10, errors.New("ignored error")
}

func f() int {
	defer produce(1)
	defer func() int {
		fmt.Println("literal returning 99")
		return 99
	}()
	return 5
}

func main() {
	fmt.Println("f() =", f())
}
