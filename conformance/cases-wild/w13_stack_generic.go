// rule: issue9 (wild) a generic Stack[T] whose Pop panics on empty, recovered into an error
package main

import (
	"errors"
	"fmt"
)

type Stack[T any] struct {
	items []T
}

func (s *Stack[T]) Push(v T) { s.items = append(s.items, v) }

func (s *Stack[T]) Pop() T {
	if len(s.items) == 0 {
		panic("pop from empty stack")
	}
	v := s.items[len(s.items)-1]
	s.items = s.items[:len(s.items)-1]
	return v
}

func (s *Stack[T]) Len() int { return len(s.items) }

func TryPop[T any](s *Stack[T]) (v T, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = errors.New(fmt.Sprint(r))
		}
	}()
	return s.Pop(), nil
}

func Map[T, U any](xs []T, f func(T) U) []U {
	out := make([]U, 0, len(xs))
	for _, x := range xs {
		out = append(out, f(x))
	}
	return out
}

func evalRPN(tokens []string) (result int, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("evalRPN %v: %v", tokens, r)
		}
	}()
	var st Stack[int]
	for _, t := range tokens {
		switch t {
		case "+", "-", "*", "/":
			b, a := st.Pop(), st.Pop()
			switch t {
			case "+":
				st.Push(a + b)
			case "-":
				st.Push(a - b)
			case "*":
				st.Push(a * b)
			case "/":
				st.Push(a / b)
			}
		default:
			var n int
			fmt.Sscanf(t, "%d", &n)
			st.Push(n)
		}
	}
	return st.Pop(), nil
}

func main() {
	var s Stack[string]
	s.Push("a")
	s.Push("b")
	fmt.Println(TryPop(&s))
	fmt.Println(TryPop(&s))
	v, err := TryPop(&s)
	fmt.Printf("%q %v\n", v, err)
	fmt.Println(Map([]int{1, 2, 3}, func(i int) string { return fmt.Sprint(i * i) }))
	fmt.Println(evalRPN([]string{"3", "4", "+", "2", "*"}))
	fmt.Println(evalRPN([]string{"1", "+"}))
	fmt.Println(evalRPN([]string{"1", "0", "/"}))
}
