// rule: issue9 generics: type arguments inferred from arguments (typed, untyped constants by default type, core types), explicit and partial instantiation, %T of the results
package main

import (
	"fmt"
	"strconv"
)

type Number interface {
	~int | ~int8 | ~int64 | ~float64
}

type Celsius float64

type IDs []int

func Map[T, U any](xs []T, f func(T) U) []U {
	out := make([]U, 0, len(xs))
	for _, x := range xs {
		out = append(out, f(x))
	}
	return out
}

func Filter[S ~[]E, E any](s S, keep func(E) bool) S {
	var out S
	for _, v := range s {
		if keep(v) {
			out = append(out, v)
		}
	}
	return out
}

func Reduce[T, A any](xs []T, init A, f func(A, T) A) A {
	acc := init
	for _, x := range xs {
		acc = f(acc, x)
	}
	return acc
}

func Sum[T Number](xs ...T) T {
	var s T
	for _, x := range xs {
		s += x
	}
	return s
}

func Max[T Number](a, b T) T {
	if a > b {
		return a
	}
	return b
}

func Convert[To, From Number](x From) To { return To(x) }

func Zero[T any]() T {
	var z T
	return z
}

func Ptr[T any](v T) *T { return &v }

func Keys[M ~map[K]V, K comparable, V any](m M) []K {
	var ks []K
	for k := range m {
		ks = append(ks, k)
	}
	return ks
}

func main() {
	sq := Map([]int{1, 2, 3}, func(i int) string { return strconv.Itoa(i * i) })
	fmt.Printf("%T %q\n", sq, sq)
	evens := Filter(IDs{1, 2, 3, 4, 5, 6}, func(i int) bool { return i%2 == 0 })
	fmt.Printf("%T %v\n", evens, evens)
	fmt.Println(Reduce([]string{"a", "bb", "ccc"}, 0, func(n int, s string) int { return n + len(s) }))
	a, b, c := Sum(1, 2, 3), Sum(1, 2.5), Sum[int8](100, 27)
	fmt.Printf("%T %v, %T %v, %T %v\n", a, a, b, b, c, c)
	fmt.Printf("%T %v\n", Sum(Celsius(20), 1.5), Sum(Celsius(20), 1.5))
	fmt.Println(Sum[float64](), Sum([]int{4, 5}...))
	fmt.Println(Max(3, 7), Max(2.5, 1), Max[int64](-1, -2))
	fmt.Printf("%T %v\n", Convert[int](3.9), Convert[int](3.9))
	fmt.Printf("%T %v\n", Convert[float64, int8](-5), Convert[float64, int8](-5))
	fmt.Printf("%q %v %v %v\n", Zero[string](), Zero[int](), Zero[*int]() == nil, Zero[[]int]() == nil)
	p := Ptr(42)
	*p++
	fmt.Printf("%T %d\n", p, *p)
	fmt.Println(len(Keys(map[string]bool{"x": true, "y": false})))
	f := Max[float64]
	fmt.Printf("%T %v\n", f, f(1, 2))
	g := Map[int, bool]
	fmt.Println(g([]int{0, 1}, func(i int) bool { return i > 0 }))
}
