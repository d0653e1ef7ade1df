// rule: fmt.Printf, Sprintf and Errorf called with one call that returns
// the format and the operands (f(g()) form) use its results as the
// arguments; deferred, the call g() is made at the defer statement and the
// formatting when the function returns.
package main

import (
	"errors"
	"fmt"
)

func two() (int, string) { return 1, "a" }
func fmter() (string, int, string) { return "%d %q\n", 100, "hello" }
func wrapf() (string, error) { return "wrapped: %w", errors.New("inner") }
func justFormat() string { return "plain %%\n" }

func main() {
	fmt.Println(fmt.Sprintf(fmter()))
	fmt.Printf(fmter())
	fmt.Printf(justFormat())
	err := fmt.Errorf(wrapf())
	fmt.Println(err, errors.Unwrap(err))
	defer fmt.Printf(fmter())
	defer fmt.Println(two())
}
