// rule: A5, C1; issue9 generics: a generic tree whose iterator method drives a range-over-func loop with defers in its body (run at main exit) and a break, a generic Result whose Unwrap panics with a wrapped error recovered by a generic Catch (a non-error panic re-panicked), comparisons and type switches over instances
package main

import (
	"errors"
	"fmt"
	"iter"
	"strings"
)

type Node[T any] struct {
	Val      T
	Children []*Node[T]
}

func (n *Node[T]) All() iter.Seq[T] {
	return func(yield func(T) bool) {
		n.walk(yield)
	}
}

func (n *Node[T]) walk(yield func(T) bool) bool {
	if !yield(n.Val) {
		return false
	}
	for _, c := range n.Children {
		if !c.walk(yield) {
			return false
		}
	}
	return true
}

type Result[T any] struct {
	val T
	err error
}

func Ok[T any](v T) Result[T]        { return Result[T]{val: v} }
func Err[T any](e error) Result[T]   { return Result[T]{err: e} }
func (r Result[T]) Unwrap() T {
	if r.err != nil {
		panic(fmt.Errorf("unwrap %T: %w", r, r.err))
	}
	return r.val
}

func Catch[T any](f func() T) (v T, err error) {
	defer func() {
		if r := recover(); r != nil {
			if e, ok := r.(error); ok {
				err = e
				return
			}
			panic(r)
		}
	}()
	return f(), nil
}

type Temp[T ~float64 | ~int] struct{ Deg T }

type Celsius float64

func main() {
	tree := &Node[string]{Val: "root", Children: []*Node[string]{{Val: "a"}, {Val: "b", Children: []*Node[string]{{Val: "b1"}}}}}
	var seen []string
	for v := range tree.All() {
		defer fmt.Println("deferred visit", v)
		seen = append(seen, v)
		if v == "b" {
			break
		}
	}
	fmt.Println(strings.Join(seen, " "))
	fmt.Println(Catch(func() int { return Ok(5).Unwrap() }))
	_, err := Catch(func() string { return Err[string](errors.New("boom")).Unwrap() })
	fmt.Println(err, errors.Unwrap(err))
	t1, t2 := Temp[Celsius]{20}, Temp[Celsius]{20}
	fmt.Println(t1 == t2, t1 != Temp[Celsius]{21})
	fmt.Printf("%+v %T\n", t1, t1)
	var x any = t1
	switch v := x.(type) {
	case Temp[float64]:
		fmt.Println("float64", v)
	case Temp[Celsius]:
		fmt.Println("celsius", v.Deg)
	}
	defer func() {
		fmt.Println("outer:", recover())
	}()
	Catch(func() int { panic("not an error") })
}
