// rule: issue9 (wild) os.Exit skips deferred calls; a CLI-style run() error pattern with exit codes
package main

import (
	"errors"
	"fmt"
	"os"
	"strings"
)

type exitError struct {
	code int
	msg  string
}

func (e *exitError) Error() string { return e.msg }

func run(args []string) (err error) {
	defer fmt.Println("run: deferred (runs)")
	if len(args) == 0 {
		return &exitError{2, "usage: tool CMD"}
	}
	switch args[0] {
	case "greet":
		fmt.Println("hello,", strings.Join(args[1:], " "))
		return nil
	case "fail":
		return fmt.Errorf("fail: %w", &exitError{3, "something went wrong"})
	}
	return fmt.Errorf("unknown command %q", args[0])
}

func main() {
	defer fmt.Println("main: deferred (never printed)")
	for _, args := range [][]string{{"greet", "gopher", "friend"}, {"bogus"}, {}} {
		if err := run(args); err != nil {
			fmt.Fprintln(os.Stderr, "error:", err)
		}
	}
	err := run([]string{"fail"})
	var ee *exitError
	if errors.As(err, &ee) {
		fmt.Fprintln(os.Stderr, "fatal:", err)
		os.Exit(ee.code)
	}
}
