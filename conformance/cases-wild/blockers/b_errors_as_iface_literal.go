// blocker: errors.As into a variable of an unnamed interface type (var t interface{ Timeout() bool })
// uses: var \w+ interface\s*\{\s*\w+\(
package main

import (
	"errors"
	"fmt"
)

func main() {
	var target interface{ Timeout() bool }
	fmt.Println(errors.As(errors.New("x"), &target), target == nil)
}
