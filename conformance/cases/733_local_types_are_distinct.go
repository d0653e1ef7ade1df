// rule: a type declared inside a function is a type of its own, even when a
// package-level type (or a type of another function) has the same name and
// the same underlying type: assertions and type switches tell them apart,
// interface values holding them are not equal, and %T prints both as
// main.NAME. A recovered panic value of a local type is asserted the same
// way.
package main

import "fmt"

type Point struct{ X, Y int }

func local(x any) (any, bool) {
	type Point struct{ X, Y int }
	if x == nil {
		return Point{1, 2}, false
	}
	_, ok := x.(Point)
	return x, ok
}

func other() any {
	type Point struct{ X, Y int }
	return Point{1, 2}
}

func panicky() (msg string) {
	type Code int
	defer func() {
		switch v := recover().(type) {
		case int:
			msg = fmt.Sprint("int ", v)
		case Code:
			msg = fmt.Sprint("local Code ", int(v))
		}
	}()
	panic(Code(7))
}

func main() {
	in, _ := local(nil)
	_, okIn := local(in)
	_, okOut := local(Point{1, 2})
	_, isPkg := in.(Point)
	fmt.Println(okIn, okOut, isPkg)
	fmt.Println(in == any(Point{1, 2}), in == other(), in == in)
	fmt.Printf("%T %T %v %+v\n", in, other(), in, other())
	fmt.Println(panicky())
}
