// rule: E2, B1; issue9 errors.Join as a panic value: the crash report prints its multi-line Error() text with a tab after each newline
package main

import (
	"errors"
	"fmt"
)

func cleanup(name string) error { return errors.New("cleanup " + name + " failed") }

func main() {
	var errs []error
	for _, n := range []string{"db", "cache"} {
		defer func() { fmt.Println("deferred after the report is decided:", n) }()
		errs = append(errs, cleanup(n))
	}
	err := errors.Join(errs...)
	fmt.Printf("%q\n", err.Error())
	panic(err)
}
