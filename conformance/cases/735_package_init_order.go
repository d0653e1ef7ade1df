// rule: package-level variables are initialised in dependency order, not
// source order: repeatedly the earliest declared variable whose initialiser
// refers to no variable still uninitialised — directly, or through the
// functions and methods it calls, at any depth. A deferred call inside an
// initialiser runs when that initialiser's function returns, and a panic
// recovered there leaves the variable with what the function returned.
package main

import "fmt"

var (
	total = first + second // after both
	first = next()
	second = next()
	counter = 10
)

func next() int {
	counter++
	return counter
}

type Config struct{ name string }

func (c Config) Label() string { return c.name + "/" + suffix }

var label = Config{"cfg"}.Label() // through a method: after suffix
var suffix = mark("suffix", "v1")

var guarded = safe()
var limit = mark("limit", "3")

func mark(what, v string) string {
	fmt.Println("init", what)
	return v
}

func safe() (r string) {
	defer func() {
		if p := recover(); p != nil {
			r = fmt.Sprint("recovered ", p, " with limit ", limit)
		}
	}()
	fmt.Println("init guarded")
	panic("in initialiser")
}

func main() {
	fmt.Println(total, first, second, counter)
	fmt.Println(label, guarded)
}
