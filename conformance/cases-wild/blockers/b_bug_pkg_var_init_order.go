// blocker: BUG package-level variables are initialised in dependency order, not source order: var a = b + 1 before var b = f() is rejected ("mismatched types untyped nil and int")
// uses: (?!)
package main

import "fmt"

var a = b + 1
var b = f()

func f() int { fmt.Println("f called"); return 10 }

func main() { fmt.Println(a, b) }
