// rule: issue9 issue10 generics: generic producer/consumer over channels of a type parameter, a generic result type carrying recovered panics from goroutines, a generic mutex-guarded cache
package main

import (
	"fmt"
	"sort"
	"sync"
)

type Result[T any] struct {
	Val T
	Err error
}

func (r Result[T]) String() string {
	if r.Err != nil {
		return "err(" + r.Err.Error() + ")"
	}
	return fmt.Sprintf("ok(%v)", r.Val)
}

func Generate[T any](xs ...T) <-chan T {
	ch := make(chan T)
	go func() {
		defer close(ch)
		for _, x := range xs {
			ch <- x
		}
	}()
	return ch
}

func Work[T, U any](in <-chan T, f func(T) U) []Result[U] {
	var (
		mu  sync.Mutex
		wg  sync.WaitGroup
		out []Result[U]
	)
	for v := range in {
		wg.Add(1)
		go func() {
			defer wg.Done()
			r := Result[U]{}
			defer func() {
				if p := recover(); p != nil {
					r.Err = fmt.Errorf("%v: %v", v, p)
				}
				mu.Lock()
				defer mu.Unlock()
				out = append(out, r)
			}()
			r.Val = f(v)
		}()
	}
	wg.Wait()
	return out
}

type Cache[K comparable, V any] struct {
	mu sync.Mutex
	m  map[K]V
}

func (c *Cache[K, V]) GetOr(k K, mk func() V) V {
	c.mu.Lock()
	defer c.mu.Unlock()
	if v, ok := c.m[k]; ok {
		return v
	}
	if c.m == nil {
		c.m = map[K]V{}
	}
	v := mk()
	c.m[k] = v
	return v
}

func main() {
	res := Work(Generate(4, 2, 0, 1), func(n int) int { return 12 / n })
	var lines []string
	for _, r := range res {
		lines = append(lines, r.String())
	}
	sort.Strings(lines)
	fmt.Println(lines)
	var c Cache[string, []int]
	calls := 0
	for _, k := range []string{"a", "b", "a"} {
		v := c.GetOr(k, func() []int { calls++; return []int{calls} })
		fmt.Printf("%s %v %T\n", k, v, v)
	}
	fmt.Println(calls, len(c.m))
	fmt.Printf("%T\n", &c)
}
