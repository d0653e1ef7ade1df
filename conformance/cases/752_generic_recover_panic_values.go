// rule: A9, C1; issue9 generics: recover in generic functions, panics whose values are of generic types (error, Stringer, named string), a failed type assertion to a type parameter, and an unrecovered panic naming an instance
package main

import (
	"errors"
	"fmt"
	"strconv"
)

type NotFound[K comparable] struct{ Key K }

func (e NotFound[K]) Error() string { return fmt.Sprintf("key %v not found", e.Key) }

type Msg[T any] string

type Box[T any] struct{ V T }

func (b Box[T]) String() string { return fmt.Sprintf("Box(%v)", b.V) }

func Must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

func Try[T any](f func() T) (v T, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("recovered %T: %v", r, r)
		}
	}()
	return f(), nil
}

func Lookup[K comparable, V any](m map[K]V, k K) V {
	v, ok := m[k]
	if !ok {
		panic(NotFound[K]{k})
	}
	return v
}

func As[T any](x any) T { return x.(T) }

func main() {
	fmt.Println(Try(func() int { return Must(strconv.Atoi("12")) }))
	fmt.Println(Try(func() int { return Must(strconv.Atoi("x")) }))
	m := map[string]int{"a": 1}
	fmt.Println(Try(func() int { return Lookup(m, "a") }))
	var err error
	_, err = Try(func() int { return Lookup(m, "b") })
	fmt.Println(err)
	_, err = Try(func() bool { return Lookup(map[int]bool{}, 7) })
	fmt.Println(err)
	fmt.Println(Try(func() string { panic(Msg[int]("typed message")) }))
	b, err := Try(func() Box[int] { panic(Box[string]{"s"}) })
	fmt.Println(b, err)
	fmt.Println(Try(func() int { return As[int]("str") }))
	b, err = Try(func() Box[int] { return As[Box[int]](Box[int]{3}) })
	fmt.Println(b, err)
	b, err = Try(func() Box[int] { return As[Box[int]](Box[string]{"x"}) })
	fmt.Println(b, err)
	var nf NotFound[string]
	fmt.Println(errors.As(err, &nf), nf.Key)
	defer fmt.Println("deferred before the crash")
	panic(Msg[Box[int]]("unrecovered"))
}
