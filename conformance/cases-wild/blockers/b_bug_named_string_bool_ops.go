// blocker: BUG operators on named string and bool types with untyped constants: Red + "dish" ("mismatched types main.Color and string"), f && true ("operator && not defined on main.Flag")
// uses: (?m)^type \w+ (string|bool)$
package main

import "fmt"

type Color string
type Flag bool

const Red Color = "red"

func main() { var f Flag = true; c := Red + "dish"; fmt.Println(c, c == "reddish", f && !false, !f) }
