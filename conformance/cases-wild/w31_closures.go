// rule: issue9 (wild) closures: generators, memoisation with a map, a deferred closure counting calls, func-typed fields
package main

import (
	"fmt"
	"strings"
)

func counter() (inc func() int, get func() int) {
	n := 0
	inc = func() int { n++; return n }
	get = func() int { return n }
	return
}

func memo(f func(int) int) (func(int) int, *int) {
	cache := map[int]int{}
	misses := 0
	return func(n int) int {
		if v, ok := cache[n]; ok {
			return v
		}
		misses++
		v := f(n)
		cache[n] = v
		return v
	}, &misses
}

type Op struct {
	Name string
	Fn   func(a, b int) int
}

func fibGen() func() int {
	a, b := 0, 1
	return func() int {
		defer func() { a, b = b, a+b }()
		return a
	}
}

func compose(fs ...func(string) string) func(string) string {
	return func(s string) string {
		for _, f := range fs {
			s = f(s)
		}
		return s
	}
}

func main() {
	inc, get := counter()
	inc()
	inc()
	fmt.Println(inc(), get())

	var fib func(int) int
	var misses *int
	fib, misses = memo(func(n int) int {
		if n < 2 {
			return n
		}
		return fib(n-1) + fib(n-2)
	})
	fmt.Println(fib(50), *misses)
	fmt.Println(fib(30), *misses)

	ops := []Op{
		{"add", func(a, b int) int { return a + b }},
		{"sub", func(a, b int) int { return a - b }},
		{"pow", func(a, b int) int {
			r := 1
			for range b {
				r *= a
			}
			return r
		}},
	}
	for _, op := range ops {
		fmt.Printf("%s(2,10)=%d ", op.Name, op.Fn(2, 10))
	}
	fmt.Println()
	g := fibGen()
	for range 10 {
		fmt.Print(g(), ",")
	}
	fmt.Println()
	shout := compose(strings.TrimSpace, strings.ToUpper, func(s string) string { return s + "!" })
	fmt.Println(shout("  hello there "))
	var nilFn func()
	defer func() { fmt.Println("calling nil func:", recover()) }()
	nilFn()
}
