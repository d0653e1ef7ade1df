// blocker: errors.Is
// uses: errors\.Is\(
package main

import (
	"errors"
	"fmt"
)

var ErrX = errors.New("x")

func main() { fmt.Println(errors.Is(fmt.Errorf("w: %w", ErrX), ErrX)) }
