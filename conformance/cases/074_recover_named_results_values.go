// rule: C4, A6
package main

import "fmt"

func f() (a int, s string, err error) {
	defer func() {
		recover()
		a = a * 10
	}()
	a = 4
	s = "set before panic"
	panic("boom")
}

func g() (int, string) {
	defer func() { recover() }()
	x := 5
	if x > 0 {
		panic("boom")
	}
	return x, "never"
}

func main() {
	a, s, err := f()
	fmt.Println(a, s, err)
	n, t := g()
	fmt.Printf("%d %q\n", n, t)
}
