package main

// The line of a call is the line of the call itself, also when it is an
// argument of a call spread over several lines, and for each call of a
// chain; a function value, a method value and a deferred call's body at
// skip 0.

import (
	"fmt"
	"runtime"
)

func line(skip int) int {
	_, _, l, _ := runtime.Caller(skip + 1)
	return l
}

func here() int { return line(1) }

func pair(a, b int) string { return fmt.Sprint(a, " ", b) }

type counter struct{ calls []int }

func (c *counter) mark() *counter {
	c.calls = append(c.calls, line(1))
	return c
}

func main() {
	fmt.Println(here())
	fmt.Println(pair(
		here(),
		here()))
	c := &counter{}
	c.mark().
		mark().
		mark()
	fmt.Println(c.calls)
	g := here
	fmt.Println(g())
	m := c.mark
	m()
	fmt.Println(c.calls[3])
	defer func() {
		_, _, l, ok := runtime.Caller(0)
		fmt.Println("deferred at", l, ok)
	}()
	for i := 0; i < 2; i++ {
		fmt.Println(i, here())
	}
}
