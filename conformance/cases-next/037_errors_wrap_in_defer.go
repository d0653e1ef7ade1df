// rule: A6, C4; issue9 errors: fmt.Errorf with %w in a deferred closure over a named error result, errors.Is and Unwrap
package main

import (
	"errors"
	"fmt"
	"io"
)

var ErrNotFound = errors.New("not found")

func lookup(key string) (val string, err error) {
	defer func() {
		if err != nil {
			err = fmt.Errorf("lookup %q: %w", key, err)
		}
	}()
	switch key {
	case "a":
		return "alpha", nil
	case "eof":
		return "", io.EOF
	}
	return "", ErrNotFound
}

func main() {
	for _, k := range []string{"a", "b", "eof"} {
		v, err := lookup(k)
		fmt.Printf("%q %v is-notfound=%t is-eof=%t\n", v, err, errors.Is(err, ErrNotFound), errors.Is(err, io.EOF))
		if err != nil {
			fmt.Println("  unwrapped:", errors.Unwrap(err), errors.Unwrap(errors.Unwrap(err)) == nil)
		}
	}
	e2 := fmt.Errorf("outer: %w", fmt.Errorf("middle: %w", ErrNotFound))
	fmt.Println(e2, errors.Is(e2, ErrNotFound))
	e3 := fmt.Errorf("no wrap: %v", ErrNotFound)
	fmt.Println(errors.Is(e3, ErrNotFound), errors.Unwrap(e3))
}
