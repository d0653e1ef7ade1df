// rule: A1, A2; issue9 fmt calls String/Error when the deferred call runs: the operands are evaluated at the defer statement, the methods see the values as they are then (a pointer's target changed later), elements of slices and arrays included
package main

import "fmt"

type Counter struct{ n int }

func (c *Counter) String() string { return fmt.Sprintf("counter=%d", c.n) }

type Code int

func (c Code) Error() string { return fmt.Sprintf("code %d", int(c)) }

type State int

func (s State) String() string { return [...]string{"idle", "busy", "done"}[s] }

func main() {
	c := &Counter{1}
	defer fmt.Println("deferred pointer:", c)
	defer fmt.Printf("deferred printf: %v %s %d\n", c, c, c.n)
	errs := []error{Code(1), Code(2)}
	defer fmt.Println("deferred slice of errors:", errs)
	states := [3]State{0, 1, 2}
	defer fmt.Println("deferred array of states:", states)
	byState := []State{2, 1}
	defer fmt.Print("deferred states: ", byState, "\n")
	defer func() { fmt.Println("closure:", c, errs, states, byState) }()
	c.n = 2
	errs[1] = Code(20)
	states[0] = 2
	byState[0] = 0
	fmt.Println(c, errs, states, byState, fmt.Sprint(State(1), Code(7)))
	c.n = 3
}
