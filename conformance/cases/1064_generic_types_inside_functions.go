// Go 1.27 allows generic types declared inside functions: their bodies
// see the function's own types and constants, each instance is a type of
// its own (%T: main.Box[int]), two declarations of one name are distinct
// types, and inside an instance of a generic function gc names them with
// that instance's type arguments first (main.acc[int;string]).

package main

import "fmt"

type Closer struct{ name string }

func (c *Closer) Close() { fmt.Println("close", c.name) }

type Number interface{ ~int | ~float64 }

func Sum[T Number](xs ...T) (total T) {
	type acc[U any] struct {
		sum  T
		seen []U
	}
	type pair struct{ a, b T }
	var a acc[string]
	defer func() {
		fmt.Printf("%T %v %T\n", a, a, pair{})
		total = a.sum
	}()
	for _, x := range xs {
		a.sum += x
		a.seen = append(a.seen, fmt.Sprint(x))
	}
	return 0
}

func wrapped() (err error) {
	type Result[T any] struct {
		*Closer
		val T
	}
	r := Result[int]{Closer: &Closer{"r"}, val: 7}
	defer r.Close()
	defer func() {
		if v := recover(); v != nil {
			err = fmt.Errorf("recovered %v (%T)", v, v)
		}
	}()
	panic(Result[string]{val: "boom"})
}

func main() {
	const N = 2
	type local struct{ s string }
	type Box[T any] struct {
		v    T
		arr  [N]T
		l    local
		next *Box[T]
	}
	b := Box[int]{v: 1, l: local{"x"}}
	b.next = &Box[int]{v: 2}
	fmt.Printf("%T %v %v %v\n", b, b.v, b.next.v, b.arr)
	var i any = b
	_, ok := i.(Box[int])
	_, ok2 := i.(Box[string])
	fmt.Println(ok, ok2)
	{
		type Box[T any] struct{ v T }
		x := Box[int]{3}
		var j any = x
		_, same := j.(Box[int])
		_, outer := i.(Box[int])
		fmt.Printf("%T %v %v %v\n", x, x, same, outer)
	}
	fmt.Println(Sum(1, 2, 3), Sum(1.5, 2))
	fmt.Println(wrapped())
	type Stack[T any] []T
	var s Stack[func()]
	for k := range 3 {
		s = append(s, func() { fmt.Println("popped", k) })
	}
	for len(s) > 0 {
		f := s[len(s)-1]
		s = s[:len(s)-1]
		defer f()
	}
	type Pair[K comparable, V any] struct {
		k K
		v V
	}
	m := map[Pair[string, int]]bool{{"a", 1}: true}
	fmt.Printf("%T %v %v\n", m, m[Pair[string, int]{"a", 1}], m[Pair[string, int]{"a", 2}])
}
