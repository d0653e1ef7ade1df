package main

import (
	"errors"
	"fmt"
)

var ErrNotFound = errors.New("not found")

type QueryError struct {
	Query string
	Err   error
}

func (e *QueryError) Error() string { return e.Query + ": " + e.Err.Error() }
func (e *QueryError) Unwrap() error { return e.Err }

type Temporary struct{ code int }

func (t Temporary) Error() string       { return fmt.Sprint("temporary ", t.code) }
func (t Temporary) Is(target error) bool { return target == ErrNotFound && t.code == 404 }


func lookup(q string) (err error) {
	defer func() {
		if err != nil {
			err = fmt.Errorf("lookup: %w", err)
		}
	}()
	switch q {
	case "a":
		return &QueryError{q, ErrNotFound}
	case "b":
		return Temporary{404}
	case "c":
		return errors.Join(errors.New("x"), &QueryError{"inner", ErrNotFound})
	}
	return nil
}

func main() {
	for _, q := range []string{"a", "b", "c", "d"} {
		err := lookup(q)
		var qe *QueryError
		fmt.Println(q, err, errors.Is(err, ErrNotFound), errors.As(err, &qe))
		if qe != nil {
			fmt.Println("  query:", qe.Query, errors.Unwrap(qe) == ErrNotFound)
		}
		fmt.Println("  unwrap:", errors.Unwrap(err))
	}
	fmt.Println(errors.Is(nil, ErrNotFound), errors.Is(nil, nil), errors.Unwrap(ErrNotFound))
}
