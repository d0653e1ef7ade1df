// rule: B1, E2
package main

import (
	"errors"
	"fmt"
)

func main() {
	err := errors.New("disk is full")
	fmt.Println("about to panic with", err)
	panic(err)
}
