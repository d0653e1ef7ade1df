// rule: conversions to slice, channel, map and func types written as
// literals — of nil (`[]int(nil)`, `(chan int)(nil)`, `(func())(nil)`) and of
// values whose underlying type is identical — and the builtin print/println
// of nil references as Go's runtime prints them: a nil slice as [0/0]0x0, a
// nil channel, map, pointer or func as 0x0. A deferred println evaluates its
// arguments at the defer statement; a deferred nil func panics when called.
package main

import "fmt"

type Names []string
type Handler func(string) string
type Pipe chan int

func main() {
	defer println("deferred:", []int(nil), (chan int)(nil), (map[string]int)(nil), (func())(nil), (*int)(nil), byte(255))
	var p Pipe = make(Pipe, 1)
	var names Names = Names{"a", "b"}
	s := []string(names)
	c := (chan int)(p)
	var recvOnly <-chan int = (<-chan int)(c)
	h := Handler(func(x string) string { return x + "!" })
	f := (func(string) string)(h)
	c <- 4
	fmt.Println(s, len(s), <-recvOnly, f("hi"), []byte(nil) == nil, (map[int]bool)(nil) == nil)
	var ns []int
	println("nil slice:", ns, "nil map:", map[int]int(nil))

	defer func() { fmt.Println("recovered:", recover()) }()
	defer ((func())(nil))()
	fmt.Println("body done")
}
