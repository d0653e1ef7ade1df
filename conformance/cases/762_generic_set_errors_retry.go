// rule: issue9 generics: a generic set with methods returning instances, a generic error type found by errors.As through %w (and not found for another instance), a generic retry with recover into named results, a generic RWMutex-guarded map written from goroutines with deferred unlocks, a ~string constraint with conversions
package main

import (
	"errors"
	"fmt"
	"sort"
	"strings"
	"sync"
)

type Set[T comparable] struct{ m map[T]struct{} }

func NewSet[T comparable](items ...T) *Set[T] {
	s := &Set[T]{m: make(map[T]struct{})}
	for _, it := range items {
		s.Add(it)
	}
	return s
}

func (s *Set[T]) Add(v T)           { s.m[v] = struct{}{} }
func (s *Set[T]) Has(v T) bool      { _, ok := s.m[v]; return ok }
func (s *Set[T]) Len() int          { return len(s.m) }
func (s *Set[T]) Union(o *Set[T]) *Set[T] {
	r := NewSet[T]()
	for k := range s.m {
		r.Add(k)
	}
	for k := range o.m {
		r.Add(k)
	}
	return r
}

func SortedItems[T interface{ ~int | ~string }](s *Set[T]) []T {
	out := make([]T, 0, s.Len())
	for k := range s.m {
		out = append(out, k)
	}
	sort.Slice(out, func(i, j int) bool { return out[i] < out[j] })
	return out
}

type ValidationError[T any] struct {
	Field string
	Value T
}

func (e *ValidationError[T]) Error() string {
	return fmt.Sprintf("invalid %s: %v", e.Field, e.Value)
}

func Validate[T comparable](field string, v, bad T) error {
	if v == bad {
		return fmt.Errorf("validate: %w", &ValidationError[T]{field, v})
	}
	return nil
}

func Retry[T any](attempts int, f func(int) (T, error)) (result T, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("retry panicked: %v", r)
		}
	}()
	for i := 0; i < attempts; i++ {
		result, err = f(i)
		if err == nil {
			return result, nil
		}
	}
	return result, fmt.Errorf("after %d attempts: %w", attempts, err)
}

type SafeMap[K comparable, V any] struct {
	mu sync.RWMutex
	m  map[K]V
}

func (s *SafeMap[K, V]) Store(k K, v V) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.m == nil {
		s.m = map[K]V{}
	}
	s.m[k] = v
}

func (s *SafeMap[K, V]) Load(k K) (V, bool) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	v, ok := s.m[k]
	return v, ok
}

type Stringish interface{ ~string }

func JoinAll[S Stringish](xs []S, sep S) S {
	parts := make([]string, len(xs))
	for i, x := range xs {
		parts[i] = string(x)
	}
	return S(strings.Join(parts, string(sep)))
}

type Color string

func main() {
	a := NewSet(1, 2, 3)
	b := NewSet(3, 4)
	u := a.Union(b)
	fmt.Println(u.Len(), u.Has(4), u.Has(9), SortedItems(u))
	fmt.Println(SortedItems(NewSet("b", "a")))
	err := Validate("age", -1, -1)
	fmt.Println(err)
	var ve *ValidationError[int]
	fmt.Println(errors.As(err, &ve), ve.Field, ve.Value)
	var vs *ValidationError[string]
	fmt.Println(errors.As(err, &vs))
	n, err := Retry(3, func(i int) (int, error) {
		if i < 2 {
			return 0, fmt.Errorf("try %d failed", i)
		}
		return i * 10, nil
	})
	fmt.Println(n, err)
	_, err = Retry(2, func(i int) (string, error) { return "", errors.New("nope") })
	fmt.Println(err)
	_, err = Retry(2, func(i int) ([]int, error) { var m map[string]int; m["x"] = 1; return nil, nil })
	fmt.Println(err)
	var sm SafeMap[string, []int]
	var wg sync.WaitGroup
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sm.Store(fmt.Sprint("k", i), []int{i})
		}()
	}
	wg.Wait()
	v, ok := sm.Load("k2")
	fmt.Println(v, ok, len(sm.m))
	c := JoinAll([]Color{"red", "green"}, "+")
	fmt.Printf("%T %v\n", c, c)
}
