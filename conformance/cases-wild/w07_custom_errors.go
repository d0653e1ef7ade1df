// rule: issue9 (wild) custom error types with errors.Is / errors.As through %w chains and Unwrap
package main

import (
	"errors"
	"fmt"
)

var ErrNotFound = errors.New("not found")

type ValidationError struct {
	Field string
	Value any
}

func (e *ValidationError) Error() string {
	return fmt.Sprintf("invalid %s: %v", e.Field, e.Value)
}

type QueryError struct {
	Query string
	Err   error
}

func (e QueryError) Error() string { return "query " + e.Query + ": " + e.Err.Error() }
func (e QueryError) Unwrap() error { return e.Err }

type User struct {
	ID   int
	Name string
	Age  int
}

var users = map[int]User{1: {1, "ann", 31}, 2: {2, "bob", -4}}

func find(id int) (User, error) {
	u, ok := users[id]
	if !ok {
		return User{}, QueryError{Query: fmt.Sprintf("id=%d", id), Err: ErrNotFound}
	}
	if u.Age < 0 {
		return u, fmt.Errorf("find %d: %w", id, &ValidationError{"age", u.Age})
	}
	return u, nil
}

func main() {
	for _, id := range []int{1, 2, 3} {
		u, err := find(id)
		var ve *ValidationError
		var qe QueryError
		switch {
		case err == nil:
			fmt.Printf("found %+v\n", u)
		case errors.Is(err, ErrNotFound):
			errors.As(err, &qe)
			fmt.Printf("missing (%s): %v\n", qe.Query, err)
		case errors.As(err, &ve):
			fmt.Printf("bad field %q in %v: %v\n", ve.Field, u, err)
		}
	}
	wrapped := fmt.Errorf("outer: %w", fmt.Errorf("middle: %w", ErrNotFound))
	fmt.Println(wrapped)
	fmt.Println(errors.Unwrap(wrapped))
	fmt.Println(errors.Unwrap(errors.Unwrap(wrapped)) == ErrNotFound)
	joined := errors.Join(ErrNotFound, &ValidationError{"name", ""})
	fmt.Printf("%q\n", joined.Error())
	fmt.Println(errors.Is(joined, ErrNotFound))
}
