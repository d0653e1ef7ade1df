package main

// Blank type parameters: `_` in a generic type's declaration, in the
// receivers of its methods (value and pointer, method values and method
// expressions), in a function's list and in a Go 1.27 generic method.

import "fmt"

type tag[_ any] struct{ n int }

func (t tag[_]) show() string   { return fmt.Sprintf("%T %d", t, t.n) }
func (t *tag[_]) inc()          { t.n++ }
func (tag[_]) zero() int        { return 0 }

type pair[K comparable, _ any] struct{ k K }

func (p pair[K, _]) key() K { return p.k }
func (p pair[_, V]) val() (v V) { return }

func (p pair[_, _]) both() string { return fmt.Sprintf("%T", p) }

func first[T, _ any](a T) T { return a }

type list[T any] []T

func (l list[_]) Map[U any](f func(int) U) []U {
	out := make([]U, len(l))
	for i := range l {
		out[i] = f(i)
	}
	return out
}

func main() {
	t := tag[string]{1}
	t.inc()
	fmt.Println(t.show(), t.zero())
	var u tag[[]int]
	defer func() { fmt.Println("deferred", u.show()) }()
	f := u.inc
	f()
	f()
	p := pair[string, float64]{"a"}
	fmt.Println(p.key(), p.val(), p.both())
	fmt.Println(first[int, bool](3))
	l := list[bool]{true, false, true}
	fmt.Println(l.Map(func(i int) string { return fmt.Sprint("#", i) }))
	g := tag[int].show
	fmt.Println(g(tag[int]{9}))
}
