// rule: issue9 generics: the pointer-method constraint pattern (PT interface{ *T; Set(string) error }) with PT inferred from T, a method returning another instance (Pair[V,K]), an instantiated generic function passed as a func value
package main

import (
	"fmt"
	"strconv"
)

type Setter[T any] interface {
	*T
	Set(string) error
}

type IntVal struct{ v int }

func (i *IntVal) Set(s string) error {
	n, err := strconv.Atoi(s)
	i.v = n
	return err
}

func ParseAll[T any, PT Setter[T]](ss []string) ([]T, error) {
	out := make([]T, len(ss))
	for i, s := range ss {
		if err := PT(&out[i]).Set(s); err != nil {
			return nil, err
		}
	}
	return out, nil
}

type Pair[K comparable, V comparable] struct {
	K K
	V V
}

func (p Pair[K, V]) Swap() Pair[V, K] { return Pair[V, K]{p.V, p.K} }

func Identity[T any](x T) T { return x }

func Apply[T any](xs []T, f func(T) T) []T {
	for i := range xs {
		xs[i] = f(xs[i])
	}
	return xs
}

func main() {
	vs, err := ParseAll[IntVal]([]string{"1", "2"})
	fmt.Println(vs, err)
	_, err = ParseAll[IntVal]([]string{"x"})
	fmt.Println(err)
	p := Pair[string, int]{"a", 1}
	fmt.Printf("%v %T\n", p.Swap(), p.Swap())
	fmt.Println(Apply([]int{1, 2}, Identity[int]))
}
