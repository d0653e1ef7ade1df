// blocker: errors.As
// uses: errors\.As\(
package main

import (
	"errors"
	"fmt"
)

type E struct{ C int }

func (e *E) Error() string { return fmt.Sprint("e", e.C) }

func main() {
	var e *E
	fmt.Println(errors.As(fmt.Errorf("w: %w", &E{3}), &e), e.C)
}
