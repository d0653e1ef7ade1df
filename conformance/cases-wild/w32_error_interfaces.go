// rule: issue9 (wild) errors.As into an interface target, a custom Is method, temporary/retryable errors with retry loops
package main

import (
	"errors"
	"fmt"
)

type temporary interface {
	Temporary() bool
}

type NetError struct {
	Op   string
	Code int
}

func (e *NetError) Error() string   { return fmt.Sprintf("%s: code %d", e.Op, e.Code) }
func (e *NetError) Temporary() bool { return e.Code >= 500 }

type StatusErr int

func (s StatusErr) Error() string { return fmt.Sprintf("status %d", int(s)) }
func (s StatusErr) Is(target error) bool {
	t, ok := target.(StatusErr)
	return ok && (t == 0 || t/100 == s/100)
}

var ErrClientErrors = StatusErr(400)

func call(attempt int, codes []int) error {
	c := codes[attempt]
	if c == 200 {
		return nil
	}
	return fmt.Errorf("attempt %d: %w", attempt+1, &NetError{"GET /api", c})
}

func withRetry(codes []int) (attempts int, err error) {
	defer func() {
		if err != nil {
			err = fmt.Errorf("after %d attempts: %w", attempts, err)
		}
	}()
	for attempts = 0; attempts < len(codes); {
		err = call(attempts, codes)
		attempts++
		if err == nil {
			return
		}
		var t temporary
		if !errors.As(err, &t) || !t.Temporary() {
			return
		}
	}
	return
}

func main() {
	fmt.Println(withRetry([]int{503, 502, 200}))
	fmt.Println(withRetry([]int{503, 404, 200}))
	fmt.Println(withRetry([]int{500, 500}))

	err := fmt.Errorf("handler: %w", StatusErr(404))
	fmt.Println(errors.Is(err, ErrClientErrors), errors.Is(err, StatusErr(500)), errors.Is(err, StatusErr(0)))
	var se StatusErr
	if errors.As(err, &se) {
		fmt.Printf("%d %v %T\n", se, se, se)
	}
	var ne *NetError
	fmt.Println(errors.As(err, &ne), ne == nil)
	multi := errors.Join(StatusErr(503), &NetError{"POST", 400})
	fmt.Println(errors.As(multi, &ne), ne.Op, errors.Is(multi, StatusErr(500)))
	defer func() {
		r := recover()
		fmt.Println("recovered:", r)
	}()
	errors.As(err, nil)
}
