// blocker: errors.Join
// uses: errors\.Join\(
package main

import (
	"errors"
	"fmt"
)

func main() { fmt.Printf("%q\n", errors.Join(errors.New("a"), nil, errors.New("b")).Error()) }
