// blocker: fmt.Sscanf
// uses: fmt\.Sscan
package main

import "fmt"

func main() { var n int; fmt.Sscanf("42", "%d", &n); fmt.Println(n) }
