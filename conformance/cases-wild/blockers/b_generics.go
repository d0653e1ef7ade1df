// blocker: generic functions and types (type parameters)
// uses: \bfunc \w+\[|\btype \w+\[
package main

import "fmt"

type Box[T any] struct{ v T }

func Map[T, U any](xs []T, f func(T) U) (out []U) {
	for _, x := range xs {
		out = append(out, f(x))
	}
	return
}

func main() { fmt.Println(Map([]int{1, 2}, func(i int) int { return i * 2 }), Box[string]{"x"}) }
