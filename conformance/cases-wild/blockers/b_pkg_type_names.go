// blocker: types of other packages (strings.Builder, fmt.Stringer, runtime.PanicNilError, strconv.NumError)
// uses: \bstrings\.Builder\b|\bfmt\.Stringer\b|\bruntime\.PanicNilError\b|\bstrconv\.NumError\b
package main

import (
	"fmt"
	"strings"
)

func main() {
	var sb strings.Builder
	fmt.Fprintf(&sb, "%d-", 1)
	sb.WriteString("x")
	var x any = sb.String()
	_, ok := x.(fmt.Stringer)
	fmt.Println(sb.String(), sb.Len(), ok)
}
