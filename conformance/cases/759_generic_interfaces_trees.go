// rule: issue9 generics: a generic interface satisfied by an instance, a recursive generic tree with methods on nil receivers, generic option types, type switches with a type parameter case, explicit partial instantiation with core-type inference, slices/cmp/min/max beside
package main

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"sort"
	"strings"
)

type Getter[T any] interface{ Get() T }

type Box[T any] struct{ v T }

func (b Box[T]) Get() T { return b.v }

type Tree[T cmp.Ordered] struct {
	Left, Right *Tree[T]
	Val         T
}

func (t *Tree[T]) Insert(v T) *Tree[T] {
	if t == nil {
		return &Tree[T]{Val: v}
	}
	if v < t.Val {
		t.Left = t.Left.Insert(v)
	} else {
		t.Right = t.Right.Insert(v)
	}
	return t
}

func (t *Tree[T]) Walk(f func(T)) {
	if t == nil {
		return
	}
	t.Left.Walk(f)
	f(t.Val)
	t.Right.Walk(f)
}

type Opt[T any] struct {
	val T
	ok  bool
}

func Some[T any](v T) Opt[T] { return Opt[T]{v, true} }
func None[T any]() Opt[T]    { return Opt[T]{} }

func (o Opt[T]) Get() (T, error) {
	if !o.ok {
		var z T
		return z, errors.New("empty " + fmt.Sprintf("%T", o))
	}
	return o.val, nil
}

func Is[T any](x any) bool {
	switch x.(type) {
	case T:
		return true
	}
	return false
}

func First[T any, S ~[]T](s S) (T, bool) {
	if len(s) == 0 {
		var z T
		return z, false
	}
	return s[0], true
}

type Num interface{ ~int | ~float64 }

func Scale[S ~[]E, E Num](s S, k E) S {
	out := make(S, len(s))
	for i, v := range s {
		out[i] = v * k
	}
	return out
}

type Vec []float64

func SortedKeys[K cmp.Ordered, V any](m map[K]V) []K {
	keys := make([]K, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i] < keys[j] })
	return keys
}

func main() {
	var g Getter[int] = Box[int]{5}
	fmt.Println(g.Get())
	fmt.Printf("%T\n", g)
	var t *Tree[string]
	for _, w := range strings.Fields("m c x a e") {
		t = t.Insert(w)
	}
	var ws []string
	t.Walk(func(s string) { ws = append(ws, s) })
	fmt.Println(ws)
	fmt.Println(Some(3).Get())
	fmt.Println(None[string]().Get())
	fmt.Println(Is[int](1), Is[string](1), Is[error](errors.New("x")), Is[fmt.Stringer](1))
	fmt.Println(First([]string{"z"}))
	fmt.Println(First[int]([]int{}))
	v := Scale(Vec{1, 2}, 2.5)
	fmt.Printf("%T %v\n", v, v)
	fmt.Println(SortedKeys(map[string]int{"b": 1, "a": 2}))
	xs := []int{3, 1, 2}
	slices.Sort(xs)
	fmt.Println(xs, slices.Index(xs, 2), slices.Contains(xs, 5))
	fmt.Println(cmp.Compare(2, 1), min(3, 1), max("a", "b"))
}
