// rule: A1, A2; issue9 generics: deferred method calls on instances of a generic type evaluate the receiver at the defer statement (a value receiver is copied, a pointer receiver is not), a deferred Pop that panics on empty is recovered
package main

import "fmt"

type Stack[T any] struct {
	items []T
	name  string
}

func (s *Stack[T]) Push(v T) { s.items = append(s.items, v) }

func (s *Stack[T]) Pop() T {
	if len(s.items) == 0 {
		panic(fmt.Sprintf("pop from empty %T %q", s, s.name))
	}
	v := s.items[len(s.items)-1]
	s.items = s.items[:len(s.items)-1]
	fmt.Println("popped", v, "from", s.name)
	return v
}

func (s Stack[T]) Report(when string) {
	fmt.Printf("%s: %s has %d %v\n", when, s.name, len(s.items), s.items)
}

func drain[T any](s *Stack[T]) (n int, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("drain: %v", r)
		}
	}()
	for i := 0; i < 3; i++ {
		defer s.Pop()
		n++
	}
	return n, nil
}

func main() {
	s := &Stack[int]{name: "ints"}
	s.Push(1)
	s.Push(2)
	defer s.Report("deferred value receiver (copied at defer)")
	defer s.Pop()
	s.Push(3)
	s.Report("now")
	t := Stack[string]{name: "strs"}
	t.Push("a")
	t.Push("b")
	fmt.Println(drain(&t))
	t.Report("after drain")
	pop := t.Pop
	t.Push("c")
	defer pop()
	f := (*Stack[string]).Push
	f(&t, "d")
	t.Report("before return")
}
