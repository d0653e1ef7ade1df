package main

import "fmt"

// A type assertion between two types that print alike (both declared
// inside functions, or one at package level, under the same name) fails
// with the runtime's note "(types from different scopes)".

type Point struct{ x int }

var held any

func store() {
	type Point struct{ x int }
	held = Point{1}
}

func check(label string) {
	r := recover()
	err, ok := r.(error)
	fmt.Println(label, ok, err)
}

func local() {
	type Point struct{ x int }
	defer check("local:")
	_ = held.(Point)
}

func global() {
	defer check("global:")
	_ = held.(Point)
}

func differentNames() {
	type Other struct{ x int }
	defer check("other:")
	_ = held.(Other)
}

func viaError() {
	type Point struct{ x int }
	defer check("ptr:")
	var e any = &Point{2}
	_ = e.(*Point)
	store()
	held = &struct{ x int }{3}
	_ = held.(*Point)
}

func main() {
	store()
	local()
	global()
	differentNames()
	viaError()
	held = Point{4}
	local()
	v, ok := held.(Point)
	fmt.Println(v, ok)
}
