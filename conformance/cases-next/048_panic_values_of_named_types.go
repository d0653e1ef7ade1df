// rule: E2, B1; issue9 named types as panic values: the crash report prints error and Stringer values by their methods, other named types with their type
package main

import (
	"fmt"
	"os"
)

type Code int
type Label string
type Status struct{ c int }

func (s Status) String() string { return fmt.Sprintf("status %d", s.c) }

type Failure struct{ why string }

func (f Failure) Error() string { return "failure: " + f.why }

func show(v any) {
	defer func() { fmt.Printf("recovered %T: %v\n", recover(), v) }()
	panic(v)
}

func main() {
	show(Code(3))
	show(Label("lbl"))
	show(Status{4})
	show(Failure{"disk"})
	show(3.5)
	show(uint8(7))
	defer fmt.Println("main defer")
	if len(os.Args) > 5 {
		return
	}
	panic(Code(42))
}
