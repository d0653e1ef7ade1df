// rule: A8, B3, C4, A5; issue9 structs with func fields: deferring a nil func field panics at exit, in its LIFO place
package main

import "fmt"

type Hooks struct {
	before func()
	after  func(string)
}

func run(h Hooks) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("hook failed: %v", r)
		}
	}()
	defer fmt.Println("runs before the recover, after the nil hook panics")
	defer h.after("done")
	h.after = func(s string) { fmt.Println("replaced hook: never deferred", s) }
	if h.before != nil {
		h.before()
	}
	fmt.Println("body ran")
	return nil
}

func main() {
	fmt.Println(run(Hooks{after: func(s string) { fmt.Println("after hook:", s) }}))
	fmt.Println(run(Hooks{before: func() { fmt.Println("before hook") }}))
}
