// rule: issue9 (wild) runtime.Goexit called from a helper on main: defers run, recover sees nothing, then the fatal error
package main

import (
	"fmt"
	"runtime"
)

type Step struct {
	Name string
	Fail bool
}

func run(steps []Step) {
	defer fmt.Println("run: deferred cleanup")
	for i, s := range steps {
		fmt.Printf("step %d: %s\n", i, s.Name)
		if s.Fail {
			fmt.Println("giving up on", s.Name)
			runtime.Goexit()
		}
	}
	fmt.Println("all steps done")
}

func main() {
	defer func() {
		r := recover()
		fmt.Println("main: recover() =", r)
	}()
	defer fmt.Println("main: first deferred")
	run([]Step{{"fetch", false}, {"build", false}})
	run([]Step{{"fetch", false}, {"test", true}, {"deploy", false}})
	fmt.Println("unreachable")
}
