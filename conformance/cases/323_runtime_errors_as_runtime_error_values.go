package main

import (
	"errors"
	"fmt"
	"runtime"
)

func classify(name string, f func()) (err error) {
	defer func() {
		r := recover()
		if r == nil {
			return
		}
		if re, ok := r.(runtime.Error); ok {
			err = fmt.Errorf("%s: runtime: %w", name, re)
			return
		}
		err = fmt.Errorf("%s: other: %v", name, r)
	}()
	f()
	return nil
}

func each(yield func(int) bool) {
	defer fmt.Println("each: done")
	for i := 0; i < 3; i++ {
		if !yield(i) {
			return
		}
	}
}

func main() {
	xs := []int{1, 2, 3}
	var m map[string][]int
	n := -1
	tests := []struct {
		name string
		f    func()
	}{
		{"index", func() { _ = xs[len(xs)] }},
		{"slice", func() { lo := 2; _ = xs[lo:1:2][0] }},
		{"nil map", func() { m["k"] = append(m["k"], 1) }},
		{"makeslice", func() { _ = make([]string, n) }},
		{"string", func() { s := "go"; _ = s[n+3] }},
		{"custom", func() { panic(errors.New("mine")) }},
		{"range func body", func() {
			for i := range each {
				defer fmt.Println("body defer", i)
				_ = xs[i*2]
			}
		}},
	}
	for _, t := range tests {
		err := classify(t.name, t.f)
		var re runtime.Error
		fmt.Println(err)
		fmt.Println("  is runtime.Error:", errors.As(err, &re))
	}
}
