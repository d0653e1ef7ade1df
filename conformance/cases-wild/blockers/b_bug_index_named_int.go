// blocker: BUG indexing with a value of a named integer type rejected ("must be integer")
// uses: \]\[\w+\]$|\]string\{.*\}\[\w+\]
// also: w14_iota_enum.go w28_state_machine.go
package main

import "fmt"

type State int

func main() { s := State(1); fmt.Println([]string{"a", "b"}[s], [...]string{"x", "y"}[s]) }
