// blocker: errors.Unwrap
// uses: errors\.Unwrap\(
package main

import (
	"errors"
	"fmt"
)

func main() { fmt.Println(errors.Unwrap(fmt.Errorf("w: %w", errors.New("a")))) }
