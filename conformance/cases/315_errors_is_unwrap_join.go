package main

import (
	"errors"
	"fmt"
)

var ErrNotFound = errors.New("not found")
var ErrClosed = errors.New("closed")

func find(k string) (err error) {
	defer func() {
		if err != nil {
			err = fmt.Errorf("find %q: %w", k, err)
		}
	}()
	if k == "" {
		return ErrNotFound
	}
	return nil
}

func closeAll() (err error) {
	for _, name := range []string{"a", "b", "c"} {
		defer func() {
			if name != "b" {
				err = errors.Join(err, fmt.Errorf("close %s: %w", name, ErrClosed))
			}
		}()
	}
	return nil
}

func main() {
	err := find("")
	fmt.Println(err)
	fmt.Println(errors.Is(err, ErrNotFound), errors.Is(err, ErrClosed), errors.Unwrap(err) == ErrNotFound)
	fmt.Println(errors.Unwrap(errors.Unwrap(err)), find("x"))
	two := fmt.Errorf("%w and %w", ErrNotFound, ErrClosed)
	fmt.Println(two, errors.Is(two, ErrClosed), errors.Unwrap(two))
	j := closeAll()
	fmt.Println(j)
	fmt.Println(errors.Is(j, ErrClosed), errors.Join(nil, nil) == nil)
	fmt.Printf("%v|%s\n", errors.Join(errors.New("x"), nil), fmt.Errorf("plain %d", 1))
	wrapped := fmt.Errorf("ctx: %v", ErrNotFound)
	fmt.Println(errors.Is(wrapped, ErrNotFound), errors.Unwrap(wrapped) == nil)
	defer func() {
		r := recover()
		e, ok := r.(error)
		fmt.Println("recovered error:", e, ok, errors.Is(e, ErrNotFound))
	}()
	panic(fmt.Errorf("fatal: %w", ErrNotFound))
}
