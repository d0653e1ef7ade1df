// rule: B1, B5, E2; issue9 the crash report prints error and Stringer panic values by their methods, re-panicked through deferred method calls
package main

import "fmt"

type OpError struct {
	Op   string
	Code int
}

func (e *OpError) Error() string { return fmt.Sprintf("%s failed with %d", e.Op, e.Code) }

type Level int

func (l Level) String() string { return fmt.Sprintf("level-%d", int(l)) }

type Cleaner struct{ name string }

func (c *Cleaner) Cleanup() {
	r := recover()
	fmt.Println(c.name, "recovered:", r)
	panic(fmt.Errorf("cleanup of %s: %w", c.name, r.(error)))
}

func work() {
	c := &Cleaner{"job"}
	defer c.Cleanup()
	panic(&OpError{"write", 5})
}

func main() {
	defer func() {
		r := recover()
		fmt.Println("main recovered:", r)
		panic(Level(3))
	}()
	work()
}
