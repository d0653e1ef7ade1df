// rule: issue9 generics: generic struct, slice and map types with methods, a recursive generic type, embedding of an instance with promoted methods, instances satisfying interfaces, type switches and map keys over instances, %v %+v %T of instances
package main

import (
	"fmt"
	"sort"
	"strings"
)

type Pair[K comparable, V any] struct {
	Key K
	Val V
}

func (p Pair[K, V]) String() string { return fmt.Sprintf("%v=%v", p.Key, p.Val) }

func (p *Pair[K, V]) Set(v V) { p.Val = v }

type List[T any] struct {
	head *node[T]
	size int
}

type node[T any] struct {
	val  T
	next *node[T]
}

func (l *List[T]) Push(v T) {
	l.head = &node[T]{val: v, next: l.head}
	l.size++
}

func (l *List[T]) Each(f func(T)) {
	for n := l.head; n != nil; n = n.next {
		f(n.val)
	}
}

type Set[T comparable] map[T]struct{}

func (s Set[T]) Add(vs ...T) {
	for _, v := range vs {
		s[v] = struct{}{}
	}
}

func (s Set[T]) Has(v T) bool {
	_, ok := s[v]
	return ok
}

type Vec[T any] []T

func (v Vec[T]) Len() int { return len(v) }

type Named[T any] struct {
	List[T]
	Name string
}

type Sizer interface{ Len() int }

func kind(x any) string {
	switch v := x.(type) {
	case Pair[string, int]:
		return "Pair[string,int] " + v.Key
	case *List[int]:
		return fmt.Sprint("*List[int] of ", v.size)
	case fmt.Stringer:
		return "Stringer " + v.String()
	default:
		return fmt.Sprintf("%T", v)
	}
}

func main() {
	p := Pair[string, int]{"a", 1}
	p.Set(5)
	fmt.Println(p, &p)
	fmt.Printf("%v|%+v|%s|%T\n", p, p, p, p)
	q := Pair[int, []string]{Key: 1, Val: []string{"x", "y"}}
	fmt.Printf("%v %+v %T\n", q, q, q)
	var l List[string]
	for _, s := range []string{"c", "b", "a"} {
		l.Push(s)
	}
	var parts []string
	l.Each(func(s string) { parts = append(parts, s) })
	fmt.Println(strings.Join(parts, ","), l.size)
	s := Set[int]{}
	s.Add(3, 1, 3)
	fmt.Println(len(s), s.Has(1), s.Has(2))
	fmt.Printf("%T %v\n", s, s)
	var sz Sizer = Vec[float64]{1.5, 2}
	fmt.Println(sz.Len(), sz)
	fmt.Printf("%T\n", sz)
	n := Named[int]{Name: "nums"}
	n.Push(7)
	n.Push(8)
	sum := 0
	n.Each(func(i int) { sum += i })
	fmt.Println(n.Name, n.size, sum)
	fmt.Printf("%T %T\n", n, n.List)
	fmt.Println(kind(p), "|", kind(&n.List), "|", kind(Pair[int, int]{1, 2}), "|", kind(Vec[int]{}))
	counts := map[Pair[string, int]]int{}
	counts[Pair[string, int]{"k", 1}]++
	counts[Pair[string, int]{"k", 1}]++
	counts[Pair[string, int]{"k", 2}]++
	keys := make([]string, 0)
	for k, v := range counts {
		keys = append(keys, fmt.Sprint(k, ":", v))
	}
	sort.Strings(keys)
	fmt.Println(keys)
	pairs := []Pair[string, int]{{"b", 2}, {"a", 1}}
	sort.Slice(pairs, func(i, j int) bool { return pairs[i].Key < pairs[j].Key })
	fmt.Println(pairs)
	var e any = Pair[int, string]{1, "x"}
	_, ok := e.(Pair[string, int])
	fmt.Println(ok, e == any(Pair[int, string]{1, "x"}))
}
