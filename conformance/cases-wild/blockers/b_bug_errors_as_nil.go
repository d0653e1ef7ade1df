// blocker: BUG errors.As(err, nil) compiles in Go (only vet objects) and panics at run time: "errors: target cannot be nil"
// uses: errors\.As\([^,]+, nil\)
package main

import (
	"errors"
	"fmt"
)

func main() {
	defer func() { fmt.Println("recovered:", recover()) }()
	errors.As(errors.New("x"), nil)
}
