// rule: issue9 generics: constraints as written — unions with ~, constraint interfaces embedding others, methods in constraints, comparable (an interface type argument panics at run time on uncomparable dynamic values, recovered), cmp.Ordered
package main

import (
	"cmp"
	"errors"
	"fmt"
)

type Signed interface {
	~int | ~int8 | ~int16 | ~int32 | ~int64
}

type Unsigned interface {
	~uint | ~uint8 | ~uint16 | ~uint32 | ~uint64
}

type Integer interface{ Signed | Unsigned }

type Float interface{ ~float32 | ~float64 }

type Ordered interface {
	Integer | Float | ~string
}

type Shower interface {
	~int | ~string
	Show() string
}

type Level int

func (l Level) Show() string { return fmt.Sprintf("L%d", int(l)) }

type Tag string

func (t Tag) Show() string { return "#" + string(t) }

func Min[T Ordered](xs ...T) T {
	m := xs[0]
	for _, x := range xs[1:] {
		if x < m {
			m = x
		}
	}
	return m
}

func Clamp[T cmp.Ordered](x, lo, hi T) T {
	return max(lo, min(x, hi))
}

func ShowAll[T Shower](xs []T) []string {
	var out []string
	for _, x := range xs {
		out = append(out, x.Show())
	}
	return out
}

func Count[T comparable](xs []T, x T) (n int, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("Count: %v", r)
		}
	}()
	for _, v := range xs {
		if v == x {
			n++
		}
	}
	return n, nil
}

func Abs[T Signed | Float](x T) T {
	if x < 0 {
		return -x
	}
	return x
}

func Div[T Integer](a, b T) (q T, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = errors.New(fmt.Sprint(r))
		}
	}()
	return a / b, nil
}

var errX = errors.New("x")

func main() {
	fmt.Println(Min(3, 1, 2), Min("b", "a", "c"), Min(2.5, -1), Min[uint8](200, 100))
	fmt.Println(Clamp(15, 0, 10), Clamp(-3.5, -1, 1), Clamp("m", "a", "k"))
	fmt.Println(ShowAll([]Level{1, 2}), ShowAll([]Tag{"a", "b"}))
	fmt.Println(Count([]string{"a", "b", "a"}, "a"))
	fmt.Println(Count([]any{1, "x", 1, 2.5}, any(1)))
	fmt.Println(Count([]any{1, []int{2}}, any([]int{2})))
	fmt.Println(Count([]error{nil, errX}, errX))
	fmt.Println(Abs(-3), Abs(int8(-128)), Abs(-2.5))
	fmt.Println(Div(7, 2))
	fmt.Println(Div(uint16(7), 0))
	var d Level = 9
	q, err := Div(d, 4)
	fmt.Printf("%T %v %v\n", q, q, err)
	fmt.Println(cmp.Compare(1, 2), cmp.Compare("b", "a"), cmp.Less(1.5, 2.5))
}
