// blocker: package strings (Join, Repeat, Fields, Builder, ...)
// uses: "strings"
package main

import (
	"fmt"
	"strings"
)

func main() {
	fmt.Println(strings.Join(strings.Fields(" a b "), ","), strings.Repeat("ab", 2))
}
