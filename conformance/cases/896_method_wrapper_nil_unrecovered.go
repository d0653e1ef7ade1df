package main

import "fmt"

// An unrecovered panic of gc's method wrapper: a method of T called
// through a nil *T held in a package-level interface variable. The report
// is the wrapper's plain text (no signal line: the wrapper checks the
// pointer, nothing faults); the deferred calls run first.

type Counter struct{ hits int }

func (c Counter) Hits() int { return c.hits }

type HitSource interface{ Hits() int }

var source HitSource = (*Counter)(nil)

func main() {
	defer fmt.Println("deferred print runs")
	defer func() {
		r := recover()
		fmt.Println("recovered once:", r)
		panic(r)
	}()
	fmt.Println(source.Hits())
}
