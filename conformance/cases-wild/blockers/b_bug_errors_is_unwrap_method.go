// blocker: BUG errors.Is/As must follow a user-defined Unwrap() error method (value receiver)
// uses: \) Unwrap\(\) error
package main

import (
	"errors"
	"fmt"
)

var ErrNotFound = errors.New("not found")

type QueryError struct{ Err error }

func (e QueryError) Error() string { return "query: " + e.Err.Error() }
func (e QueryError) Unwrap() error { return e.Err }

func main() { fmt.Println(errors.Is(QueryError{ErrNotFound}, ErrNotFound), errors.Unwrap(QueryError{ErrNotFound})) }
