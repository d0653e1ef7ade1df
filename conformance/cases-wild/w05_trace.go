// rule: issue9 (wild) the defer trace("f")() idiom with indentation by depth
package main

import (
	"fmt"
	"strings"
)

var depth int

func trace(name string) func() {
	fmt.Printf("%sentering %s\n", strings.Repeat("  ", depth), name)
	depth++
	return func() {
		depth--
		fmt.Printf("%sleaving %s\n", strings.Repeat("  ", depth), name)
	}
}

func un(s string) { fmt.Println("un:", s) }

func a() {
	defer trace("a")()
	fmt.Printf("%sin a\n", strings.Repeat("  ", depth))
}

func b() {
	defer trace("b")()
	fmt.Printf("%sin b\n", strings.Repeat("  ", depth))
	a()
}

func fib(n int) (r int) {
	defer trace(fmt.Sprintf("fib(%d)", n))()
	if n < 2 {
		return n
	}
	return fib(n-1) + fib(n-2)
}

func main() {
	b()
	fmt.Println("fib(3) =", fib(3))
	defer un("main")
	func() {
		defer trace("panicky")()
		defer func() {
			fmt.Println("recovered:", recover())
		}()
		var m map[string]int
		m["x"] = 1
	}()
}
