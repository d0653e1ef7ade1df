// rule: f(g()) where f is variadic and g returns several values: g's
// results fill f's fixed parameters in order and the rest become the
// variadic slice (converted to its element type, an interface too); the
// call g() happens once, before f runs. A panic raised in f is recovered by
// the caller's deferred function as usual.
package main

import "fmt"

var calls int

func pair() (int, int) { calls++; return 3, 4 }

func triple() (string, int, int) { calls++; return "t", 5, 6 }

func one() (string, int) { return "only", 1 }

func sum(xs ...int) int {
	t := 0
	for _, x := range xs {
		t += x
	}
	return t
}

func label(p string, xs ...int) string { return fmt.Sprint(p, xs, len(xs)) }

func count(vs ...any) string { return fmt.Sprint(len(vs), vs) }

func strict(p string, xs ...int) string {
	if len(xs) > 1 {
		panic(fmt.Sprint("too many for ", p, ": ", len(xs)))
	}
	return p
}

func main() {
	fmt.Println(sum(pair()), label(triple()), count(pair()), label(one()), calls)
	defer func() { fmt.Println("recovered:", recover(), calls) }()
	fmt.Println(strict(one()))
	fmt.Println(strict(triple()))
}
