package main

import "fmt"

// Package-level variables are initialized earliest-first among those
// whose initializers (through the functions they call) use no variable
// still uninitialized. A function's local, parameter or result with the
// name of a package-level variable is not a use of that variable.

var counter int
var trace []string

func next(name string) int {
	c := counter // a local c, not the package-level c
	counter++
	trace = append(trace, name)
	return c
}

func viaParam(b int) int { return b + next("viaParam") }

func viaVar() int {
	var e = 100
	return e + next("viaVar")
}

func viaRange() (total int) {
	for d := range 2 {
		total += d
	}
	return total + next("viaRange")
}

func safeDiv(x, y int) (q int) {
	defer func() {
		if r := recover(); r != nil {
			trace = append(trace, fmt.Sprint("recovered: ", r))
			q = -1
		}
	}()
	return x / y
}

var a, b = next("a"), next("b")
var c = viaParam(10)
var d = viaVar()
var e = viaRange()
var f = usesG() // depends on g: g is initialized first
var g = next("g")
var h = safeDiv(c, counter-counter)

func usesG() int { return g * 10 }

func main() {
	fmt.Println(a, b, c, d, e, f, g, h)
	for _, t := range trace {
		fmt.Println(t)
	}
}
