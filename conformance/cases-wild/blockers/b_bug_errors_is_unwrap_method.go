// blocker: BUG errors.Is/As/Unwrap must follow a user-defined Unwrap() error method (value or pointer receiver)
// uses: \) Unwrap\(\) error
// also: w06_named_results.go
package main

import (
	"errors"
	"fmt"
)

var ErrNotFound = errors.New("not found")

type QueryError struct{ Err error }

func (e QueryError) Error() string { return "query: " + e.Err.Error() }
func (e QueryError) Unwrap() error { return e.Err }

type PtrErr struct{ Err error }

func (e *PtrErr) Error() string { return "ptr: " + e.Err.Error() }
func (e *PtrErr) Unwrap() error { return e.Err }

func main() {
	fmt.Println(errors.Is(QueryError{ErrNotFound}, ErrNotFound), errors.Unwrap(QueryError{ErrNotFound}), errors.Is(fmt.Errorf("w: %w", &PtrErr{ErrNotFound}), ErrNotFound))
}
