// issue 9: strconv errors as Go defines them: *strconv.NumError (Func,
// Num, Err) found with errors.As through a deferred fmt.Errorf wrap,
// errors.Is against strconv.ErrSyntax/ErrRange, a NumError recovered from
// a panic, a deferred call whose strconv.Atoi argument runs at the defer
// statement, and an unrecovered NumError panic
package main

import (
	"errors"
	"fmt"
	"strconv"
)

func parsePort(s string) (port int, err error) {
	defer func() {
		if err != nil {
			err = fmt.Errorf("config: %w", err)
		}
	}()
	return strconv.Atoi(s)
}

func mustAtoi(s string) int {
	n, err := strconv.Atoi(s)
	if err != nil {
		panic(err)
	}
	return n
}

func safeAtoi(s string) (n int, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = r.(error)
		}
	}()
	return mustAtoi(s), nil
}

func main() {
	for _, s := range []string{"8080", "x1", "99999999999999999999", ""} {
		p, err := parsePort(s)
		var ne *strconv.NumError
		if errors.As(err, &ne) {
			fmt.Println(p, err, "|", ne.Func, ne.Num, ne.Err, errors.Is(err, strconv.ErrSyntax), errors.Is(err, strconv.ErrRange))
		} else {
			fmt.Println(p, err)
		}
	}
	v, err := strconv.ParseInt("300", 10, 8)
	fmt.Println(v, err)
	fmt.Printf("%T %v\n", err, errors.Unwrap(err) == strconv.ErrRange)
	b, err := strconv.ParseBool("maybe")
	fmt.Println(b, err, err.(*strconv.NumError).Func)
	n, err := safeAtoi("12a")
	fmt.Println(n, err)
	defer fmt.Println("deferred Atoi evaluated at the defer:", mustAtoi("7"))
	fmt.Println(strconv.ErrSyntax, strconv.ErrRange)
	fmt.Printf("%T\n", strconv.ErrSyntax)
	e := &strconv.NumError{Func: "Mine", Num: "q", Err: errors.New("custom")}
	fmt.Println(e, e.Unwrap())
	fmt.Printf("%T\n", e)
	var target *strconv.NumError
	fmt.Println(errors.As(errors.New("plain"), &target), target == nil)
	mustAtoi("zz")
}
