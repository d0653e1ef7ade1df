// rule: issue9 (wild) a panic in a deferred function replaces the one in flight; recover sees the newest
package main

import (
	"errors"
	"fmt"
)

type Resource struct{ name string }

func (r *Resource) Close() error {
	if r.name == "flaky" {
		panic(errors.New("close " + r.name + ": device busy"))
	}
	fmt.Println("closed", r.name)
	return nil
}

func use(names ...string) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("use: %v", r)
		}
	}()
	for _, n := range names {
		r := &Resource{n}
		defer r.Close()
	}
	panic("work failed")
}

func nested() {
	defer func() {
		r := recover()
		fmt.Printf("outermost recovered: %v (%T)\n", r, r)
	}()
	defer func() {
		defer func() {
			fmt.Println("inner recover:", recover())
			panic("third")
		}()
		panic("second")
	}()
	panic("first")
}

func main() {
	fmt.Println(use("a", "b"))
	fmt.Println(use("a", "flaky", "c"))
	nested()
	defer func() {
		panic(fmt.Sprintf("deferred panic %d", 2))
	}()
	panic(fmt.Errorf("original %d", 1))
}
