package main

import (
	"fmt"
	"iter"
)

func seq(name string, n int) iter.Seq[int] {
	return func(yield func(int) bool) {
		defer fmt.Println(name, "iterator exits")
		for i := 0; i < n; i++ {
			if !yield(i) {
				fmt.Println(name, "told to stop at", i)
				return
			}
		}
	}
}

func kv(yield func(string, int) bool) {
	for i, s := range []string{"x", "y", "z"} {
		if !yield(s, i) {
			return
		}
	}
}

func body() (r int) {
	defer func() { fmt.Println("first defer, sees r =", r) }()
	for v := range seq("A", 3) {
		defer func() {
			r += v
			fmt.Println("body defer", v, "r =", r)
		}()
	}
	fmt.Println("between loops")
	for a := range seq("B", 2) {
		for b := range seq("C", 2) {
			defer fmt.Println("nested body defer", a, b)
		}
	}
	return 100
}

func early() string {
	for k, v := range kv {
		defer fmt.Println("kv defer", k, v)
		if v == 1 {
			return "returned from inside " + k
		}
	}
	return "not reached"
}

func labeled() {
outer:
	for i := range seq("L", 3) {
		for j := range seq("M", 3) {
			if j == 1 {
				continue outer
			}
			if i == 2 {
				break outer
			}
			fmt.Println("pair", i, j)
		}
	}
	fmt.Println("labeled done")
}

func main() {
	fmt.Println("body returned", body())
	fmt.Println(early())
	labeled()
	var ks []string
	for k := range kv {
		ks = append(ks, k)
	}
	fmt.Println(ks)
	for range seq("D", 2) {
		fmt.Println("bare range over func")
	}
}
