// rule: a switch on a value of a type comparable only to nil (func, map,
// slice) may have `case nil`; a conversion to an interface type literal
// (interface{}(x), any(x)) boxes the value; a switch without a tag compares
// each case with true, so an interface case holding true matches. A
// deferred function chooses by such a switch after a recovered panic.
package main

import "fmt"

func kind(f func(), m map[string]int, s []int) string {
	out := ""
	switch f {
	case nil:
		out += "nil-func "
	default:
		out += "func "
	}
	switch m {
	case nil:
		out += "nil-map "
	default:
		out += "map "
	}
	switch s {
	case nil:
		out += "nil-slice"
	default:
		out += "slice"
	}
	return out
}

func main() {
	fmt.Println(kind(nil, nil, nil))
	fmt.Println(kind(func() {}, map[string]int{}, []int{}))

	switch i := interface{}("hello"); i {
	case 1:
		fmt.Println("int one")
	case "hello":
		fmt.Println("the string")
	}
	switch b := interface{}(true); {
	case b:
		fmt.Println("interface holding true")
	default:
		fmt.Println("default")
	}

	defer func() {
		r := recover()
		switch e := interface{}(r); {
		case e == nil:
			fmt.Println("no panic")
		default:
			fmt.Println("panic:", e)
		}
	}()
	var f func()
	f()
}
