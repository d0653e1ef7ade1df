// blocker: BUG fmt.Errorf("%w", nil) prints "%!w(<nil>)" in Go, "<nil>" in minigo
// uses: (?!)
package main

import (
	"errors"
	"fmt"
)

func main() { err := fmt.Errorf("wrap: %w", nil); fmt.Println(err, errors.Unwrap(err) == nil) }
