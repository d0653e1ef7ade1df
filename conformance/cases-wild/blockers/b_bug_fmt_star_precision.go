// blocker: BUG the * precision of fmt (%.*f) prints "%!*(int=2)f" (the * width works)
// uses: %[-+ 0#]*\*?\.\*
package main

import "fmt"

func main() { fmt.Printf("[%*d][%.*f][%*.*f]\n", 5, 42, 2, 3.14159, 8, 3, 2.0/3) }
