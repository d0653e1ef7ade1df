// rule: E2, E3, B5; issue9 error and Stringer values in the crash chain: a custom error re-panicked wrapped
package main

import "fmt"

type DBError struct {
	Op   string
	Code int
}

func (e *DBError) Error() string { return fmt.Sprintf("db %s failed (%d)", e.Op, e.Code) }

type Phase int

func (p Phase) String() string { return fmt.Sprintf("phase-%d", int(p)) }

func query() {
	defer func() {
		if r := recover(); r != nil {
			panic(fmt.Errorf("query: %w", r.(error)))
		}
	}()
	panic(&DBError{"select", 7})
}

func main() {
	defer func() {
		r := recover()
		fmt.Println("main recovered:", r)
		panic(Phase(2))
	}()
	query()
}
