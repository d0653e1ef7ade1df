// blocker: BUG errors.Is must call a user-defined Is(error) bool method on the chain
// uses: \) Is\(\w+ error\) bool
package main

import (
	"errors"
	"fmt"
)

type StatusErr int

func (s StatusErr) Error() string        { return fmt.Sprint("status ", int(s)) }
func (s StatusErr) Is(target error) bool { t, ok := target.(StatusErr); return ok && t/100 == s/100 }

func main() { fmt.Println(errors.Is(fmt.Errorf("w: %w", StatusErr(404)), StatusErr(400))) }
