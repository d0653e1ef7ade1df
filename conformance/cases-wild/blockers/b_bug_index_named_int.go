// blocker: BUG indexing with a value of a named integer type rejected ("must be integer")
// uses: \]\[\w+\]$|\]string\{.*\}\[\w+\]
package main

import "fmt"

type State int

func main() { s := State(1); fmt.Println([]string{"a", "b"}[s], [...]string{"x", "y"}[s]) }
