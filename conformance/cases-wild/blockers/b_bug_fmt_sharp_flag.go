// blocker: BUG the # flag of fmt (%#x prints 0xb6, %#o 0266, %#v Go syntax)
// uses: %#
package main

import "fmt"

func main() { fmt.Printf("%#x %#X %#o %#q\n", 182, 182, 182, "hi") }
