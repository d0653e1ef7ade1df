package main

// Type assertions and type switch cases whose type is a type parameter:
// Go allows them whatever the operand's interface (a type parameter is
// an interface by its constraint), and decides at run time; cases that
// become the same type in one instance are not duplicates.

import (
	"fmt"
)

type Shape interface {
	Area() int
	Name() string
}

type Sq struct{ s int }

func (q Sq) Area() int     { return q.s * q.s }
func (q Sq) Name() string  { return "square" }

type Label string

func (l Label) Name() string { return string(l) }

type Getter[T any] interface{ Get() T }

type cell struct{ v byte }

func (c cell) Get() byte { return c.v }

// An assertion to a type parameter is legal whatever the operand's
// interface: only the run time knows.
func As[T any](s Shape) (T, bool) {
	v, ok := s.(T)
	return v, ok
}

func Must[T any](x any) (r T, err error) {
	defer func() {
		if e := recover(); e != nil {
			err = fmt.Errorf("Must: %v", e)
		}
	}()
	return x.(T), nil
}

func Kind[T, U any](g Getter[T]) string {
	switch v := g.(type) {
	case U:
		return fmt.Sprintf("U %T", v)
	case nil:
		return "nil"
	default:
		return fmt.Sprintf("other %T", v)
	}
}

func Which[A, B any](x any) string {
	switch x.(type) {
	case A:
		return "A"
	case B:
		return "B"
	}
	return "neither"
}

func main() {
	fmt.Println(As[bool](Sq{2}))
	fmt.Println(As[Sq](Sq{3}))
	fmt.Println(As[Label](Sq{1}))
	fmt.Println(Must[int](7))
	_, err := Must[string](7)
	fmt.Println(err)
	_, err = Must[Shape](Label("x"))
	fmt.Println(err)
	fmt.Println(Kind[byte, string](cell{1}))
	fmt.Println(Kind[byte, cell](cell{2}))
	fmt.Println(Kind[byte, fmt.Stringer](cell{3}))
	fmt.Println(Kind[byte, cell](nil))
	fmt.Println(Which[int, int](5), Which[string, int](5), Which[bool, Sq](Sq{}), Which[bool, bool]("s"))
}
