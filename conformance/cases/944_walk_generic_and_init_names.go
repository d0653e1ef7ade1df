package main

// gc's names of generic code in stack walks: the declaration's name with
// every type argument list elided — main.F[...], main.F[...].func1,
// main.Box[...].Get, main.(*Box[...]).Set — whatever the instance; a
// method value's wrapper is not shown. Literals in package-level variable
// initialisers are main.init.func1, main.init.func2, ... numbered in the
// order the variables are initialised (a variable used by an earlier one
// first), not in source order.

import (
	"fmt"
	"runtime"
)

func who() string {
	pc, _, line, _ := runtime.Caller(1)
	return fmt.Sprintf("%s@%d", runtime.FuncForPC(pc).Name(), line)
}

func stack() string {
	pcs := make([]uintptr, 16)
	n := runtime.Callers(2, pcs)
	fs := runtime.CallersFrames(pcs[:n])
	out := ""
	for {
		f, more := fs.Next()
		out += fmt.Sprintf(" %s@%d", f.Function, f.Line)
		if f.Function == "main.main" || !more {
			break
		}
	}
	return out
}

func Map[T, U any](xs []T, f func(T) U) []U {
	fmt.Println("Map:", who())
	var out []U
	for _, x := range xs {
		out = append(out, f(x))
	}
	return out
}

func Twice[T any](x T) (string, string) {
	inner := func() string { return who() }
	return who(), inner()
}

type Box[T any] struct{ v T }

func (b Box[T]) Get() T {
	fmt.Println("Get:", who())
	return b.v
}

func (b *Box[T]) Set(v T) {
	fmt.Println("Set:", stack())
	b.v = v
}

type Pair[K comparable, V any] struct {
	k K
	v V
}

func (p Pair[K, V]) Show() string { return who() }

func fail[T any](v T) {
	panic(v)
}

func walkPanic() {
	defer func() {
		recover()
		fmt.Println("panic:", stack())
	}()
	fail[string]("no")
}

var first = func() string { return who() + " " + second() }()
var second = func() string { return who() }
var third = []func() string{func() string { return who() }}

func main() {
	fmt.Println(Map([]int{1, 2}, func(x int) string { return fmt.Sprint(x * 2) }))
	fmt.Println(Map([]string{"a"}, func(s string) int { return len(s) }))
	fmt.Println(Twice(1))
	fmt.Println(Twice("s"))
	b := Box[int]{3}
	fmt.Println(b.Get())
	get := b.Get
	fmt.Println(get())
	b.Set(4)
	pb := &Box[[]byte]{}
	pb.Set(nil)
	fmt.Println(Pair[string, int]{}.Show())
	walkPanic()
	fmt.Println(first)
	fmt.Println(second(), third[0]())
}
