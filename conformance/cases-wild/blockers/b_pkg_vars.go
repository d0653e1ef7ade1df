// blocker: package-level variables of other packages (strconv.ErrSyntax, strconv.ErrRange, os.ErrNotExist)
// uses: \bstrconv\.Err\w+|\bio\.EOF\b|\bos\.Args\b|\bos\.Err\w+
package main

import (
	"errors"
	"fmt"
	"strconv"
)

func main() { _, err := strconv.Atoi("x"); fmt.Println(errors.Is(err, strconv.ErrSyntax), strconv.ErrRange) }
