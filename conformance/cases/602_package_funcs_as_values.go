// issue 9: functions of other packages as func values: passed to a
// parameter (strings.TrimSpace, strconv.Atoi with its error wrapped by a
// deferred closure), stored in variables (fmt.Println, fmt.Sprintf),
// called in deferred calls and closures, their %T, and a panic raised
// inside one (strings.Repeat) recovered by a defer
package main

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
)

func apply(f func(string) string, s string) string { return f(s) }

func mapAll(xs []string, fs ...func(string) string) []string {
	out := []string{}
	for _, x := range xs {
		for _, f := range fs {
			x = f(x)
		}
		out = append(out, x)
	}
	return out
}

func parseAll(xs []string, parse func(string) (int, error)) (sum int, err error) {
	defer func() {
		if err != nil {
			err = fmt.Errorf("parseAll: %w", err)
		}
	}()
	for _, x := range xs {
		n, e := parse(x)
		if e != nil {
			return sum, e
		}
		sum += n
	}
	return sum, nil
}

func main() {
	fmt.Printf("%q\n", apply(strings.TrimSpace, "  hi  "))
	fmt.Println(mapAll([]string{" a ", "b "}, strings.TrimSpace, strings.ToUpper))
	fmt.Println(parseAll([]string{"1", "2"}, strconv.Atoi))
	_, err := parseAll([]string{"1", "x"}, strconv.Atoi)
	fmt.Println(err, errors.Unwrap(err) != nil)
	pr := fmt.Println
	pr("via value", 1, 2)
	sp := fmt.Sprintf
	fmt.Println(sp("%03d|%s", 7, "x"))
	has := strings.HasPrefix
	defer fmt.Println("deferred through a value:", has("golang", "go"))
	up := strings.ToUpper
	defer func() { fmt.Println(up("done")) }()
	itoa := strconv.Itoa
	fmt.Println(itoa(42) + "!")
	fmt.Printf("%T %T\n", strings.Repeat, strconv.Atoi)
	rep := strings.Repeat
	defer func() { fmt.Println("recovered:", recover()) }()
	fmt.Println(rep("ab", -1))
}
