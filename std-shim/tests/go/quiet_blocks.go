// Deferred calls of functions that cannot recover (none of their deferred
// calls calls recover itself): when one of those calls runs as a panic's
// call, a helper's recover still returns nil (C2). The panic runs them in
// three ways: a deferred function whose own panic runs its calls, a later
// call that panics during the normal return (C5), also in a deferred
// function, and the same with the calls registered in a loop.
package main

import "fmt"

func helper() interface{} { return recover() }

func cleanup() {
	defer func() { fmt.Println("helper in cleanup:", helper()) }()
	panic("in cleanup")
}

func deferCleanup() {
	defer func() {
		if p := recover(); p != nil {
			fmt.Println("deferCleanup recovered:", p)
		}
	}()
	defer cleanup()
}

func lateQuiet() {
	defer func() { fmt.Println("helper in lateQuiet:", helper()) }()
	defer func() { panic("late") }()
}

func deferLate() {
	defer func() {
		if p := recover(); p != nil {
			fmt.Println("deferLate recovered:", p)
		}
	}()
	defer lateQuiet()
}

func loopQuiet() {
	for i := 0; i < 2; i++ {
		defer func() { fmt.Println("helper in loopQuiet", i, helper()) }()
	}
	defer func() { panic("loop late") }()
}

func catchAll(name string, f func()) {
	defer func() {
		if p := recover(); p != nil {
			fmt.Println(name, "caught:", p)
		}
	}()
	f()
}

func main() {
	deferCleanup()
	catchAll("lateQuiet", lateQuiet)
	catchAll("loopQuiet", loopQuiet)
	deferLate()
}
