// blocker: fmt.Fprint/Fprintf/Fprintln (to os.Stderr, a strings.Builder, ...)
// uses: fmt\.Fprint
package main

import (
	"fmt"
	"os"
)

func main() { fmt.Fprintln(os.Stderr, "to stderr"); fmt.Fprintf(os.Stdout, "%d\n", 1) }
