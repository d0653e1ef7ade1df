// blocker: BUG fmt calls String()/Error() only at top level: slice elements, struct fields (a nil *T too) and map values print raw
// uses: \) String\(\) string
package main

import "fmt"

type State int

func (s State) String() string { return [...]string{"A", "B"}[int(s)] }

type Tree struct{ Left *Tree }

func (t *Tree) String() string { return "()" }

func main() { fmt.Println([]State{0, 1}, Tree{}, map[string]State{"k": 1}, []error{fmt.Errorf("e")}) }
