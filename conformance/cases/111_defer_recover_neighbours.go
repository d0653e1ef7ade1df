// rule: A9, C1, C2, B4
// Where `defer recover()` does not recover: directly in the panicking
// function, in a function run by a normal return (even while a panic runs
// an outer deferred call), one deferred level deeper, in a helper deferred
// by the deferred function, and when the panic runs the builtin itself
// (the deferred function panicked). And where it does: a deferred named
// function, and after a newer panic was recovered during the exit.
package main

import "fmt"

func report(name string) {
	fmt.Println(name, "-> outer recover():", recover())
}

func direct() {
	defer report("direct")
	func() {
		defer recover()
		panic("direct panic")
	}()
}

func normalReturn() {
	defer report("normal return")
	defer func() {
		defer recover()
	}()
	fmt.Println("normal return: no panic")
}

func helperWithDeferRecover() {
	defer recover()
	fmt.Println("helper returns normally")
}

func calledByDeferred() {
	defer report("called by deferred")
	defer func() {
		helperWithDeferRecover()
	}()
	panic("called-by-deferred panic")
}

func nestedDeeper() {
	defer report("nested deeper")
	defer func() {
		defer func() {
			defer recover()
		}()
	}()
	panic("nested panic")
}

func recoverHelper() {
	fmt.Println("  recoverHelper: recover() =", recover())
}

func deferredHelper() {
	defer report("deferred helper")
	defer func() {
		defer recoverHelper()
	}()
	panic("deferred-helper panic")
}

func namedDeferred() {
	defer report("named deferred")
	defer helperWithDeferRecover()
	panic("named panic")
}

func panicsItself() {
	defer report("panics itself")
	defer func() {
		defer recover()
		panic("second panic")
	}()
	panic("first panic")
}

func afterInnerRecovery() {
	defer report("after inner recovery")
	defer func() {
		defer recover()
		defer func() {
			fmt.Println("  inner literal: recover() =", recover())
		}()
		defer panic("inner panic")
	}()
	panic("outer panic")
}

func consumedFirst() {
	defer report("consumed first")
	defer func() {
		defer recover()
		defer func() {
			fmt.Println("  run by a normal return: recover() =", recover())
		}()
		fmt.Println("  body: recover() =", recover())
	}()
	panic("consumed panic")
}

func main() {
	direct()
	normalReturn()
	calledByDeferred()
	nestedDeeper()
	deferredHelper()
	namedDeferred()
	panicsItself()
	afterInnerRecovery()
	consumedFirst()
}
