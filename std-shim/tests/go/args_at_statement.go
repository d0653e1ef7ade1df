// defer f(a, b): the function value and the arguments are evaluated at the
// defer statement (GO-SEMANTICS A1, A2); defer trace("f")() calls trace now.
package main

import "fmt"

func show(s string, x int) { fmt.Println(s, x) }

func trace(s string) func() {
	fmt.Println("enter", s)
	return func() { fmt.Println("leave", s) }
}

func a(x int) { fmt.Println("a", x) }
func b(x int) { fmt.Println("b", x) }

type conn struct{ name string }

func (c conn) Close() { fmt.Println("close", c.name) }

func f() {
	x := 1
	defer show("deferred x", x)
	g := a
	defer g(x + 10)
	g = b
	defer trace("f")()
	c := conn{"first"}
	defer c.Close()
	c = conn{"second"}
	x = 2
	g(x)
	fmt.Println("body x", x, c.name)
}

func main() { f() }
