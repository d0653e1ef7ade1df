// rule: issue9 (wild) named results modified by deferred closures: doubling, error annotation, return values already set
package main

import (
	"errors"
	"fmt"
	"strconv"
)

func double(x int) (result int) {
	defer func() { result *= 2 }()
	return x + 1
}

func parseAll(ss []string) (sum int, err error) {
	defer func() {
		if err != nil {
			err = fmt.Errorf("parseAll(%v): %w", ss, err)
			sum = -1
		}
	}()
	for _, s := range ss {
		n, err := strconv.Atoi(s)
		if err != nil {
			return 0, err
		}
		sum += n
	}
	return sum, nil
}

func counter() (n int) {
	for i := 0; i < 3; i++ {
		defer func() { n += i }()
	}
	return 10
}

func shadow() (x int) {
	defer func() { fmt.Println("deferred sees x =", x) }()
	x = 5
	{
		x := 100
		_ = x
	}
	return x * 2
}

func main() {
	fmt.Println(double(4))
	fmt.Println(parseAll([]string{"1", "2", "3"}))
	s, err := parseAll([]string{"4", "five", "6"})
	fmt.Println(s, err)
	var numErr *strconv.NumError
	if errors.As(err, &numErr) {
		fmt.Printf("func=%s num=%q err=%v\n", numErr.Func, numErr.Num, numErr.Err)
	}
	fmt.Println(errors.Is(err, strconv.ErrSyntax))
	fmt.Println(counter())
	fmt.Println(shadow())
}
