// rule: issue9 generics (Go 1.27): methods with type parameters of their own on generic and plain types, value and pointer receivers (the address taken as for any pointer method), inferred and explicit method type arguments, recover in a generic method
package main

import (
	"errors"
	"fmt"
	"strconv"
)

type List[T any] struct{ xs []T }

func (l List[T]) Map[U any](f func(T) U) List[U] {
	var out List[U]
	for _, x := range l.xs {
		out.xs = append(out.xs, f(x))
	}
	return out
}

func (l *List[T]) TryEach[E error](f func(T) error) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("recovered: %v", r)
		}
	}()
	for _, x := range l.xs {
		if e := f(x); e != nil {
			var target E
			if errors.As(e, &target) {
				return fmt.Errorf("typed %T: %w", target, e)
			}
			return e
		}
	}
	return nil
}

type Conv struct{ name string }

func (c Conv) To[T any](x any) T { return x.(T) }

func (c *Conv) Rename[S ~string](s S) { c.name = string(s) }

type Label string

func main() {
	l := List[int]{[]int{1, 2}}
	m := l.Map(func(i int) string { return fmt.Sprint(i, "!") })
	fmt.Printf("%T %v\n", m, m.xs)
	n := m.Map(strconv.Quote)
	fmt.Println(n.xs, l.Map[float64](func(i int) float64 { return float64(i) / 2 }).xs)
	var c Conv
	fmt.Println(c.To[string]("s"))
	c.Rename(Label("x"))
	pc := &c
	pc.Rename("y")
	fmt.Println(c.name, pc.To[int](3))
	err := l.TryEach[*strconv.NumError](func(i int) error {
		_, err := strconv.Atoi(fmt.Sprint("z", i))
		return err
	})
	fmt.Println(err)
	err = (&l).TryEach[*strconv.NumError](func(i int) error { return errors.New("plain") })
	fmt.Println(err)
	defer func() { fmt.Println("main recovered:", recover()) }()
	fmt.Println(c.To[float64]("not a float"))
}
