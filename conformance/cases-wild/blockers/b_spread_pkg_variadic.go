// blocker: passing a slice with ... to a variadic function of another package than fmt (errors.Join(errs...))
// uses: \b(errors|strings|slices|sort)\.\w+\([^()]*\.\.\.\)
package main

import (
	"errors"
	"fmt"
)

func main() {
	errs := []error{errors.New("a"), nil, errors.New("b")}
	args := []any{1, "x"}
	fmt.Println(args...)
	fmt.Printf("%q\n", errors.Join(errs...).Error())
}
