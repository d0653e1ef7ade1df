// rule: issue9 generics: generic functions passed uninstantiated take their type arguments from the parameter type (slices.SortFunc(xs, cmp.Compare), a program generic Reverse, Apply(xs, Double), var f func(int) int = Double, slices.MaxFunc and BinarySearchFunc with cmp.Compare)
package main

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
)

func Double[T ~int | ~float64](x T) T { return x * 2 }

func Apply[T any](xs []T, f func(T) T) []T {
	out := make([]T, len(xs))
	for i, x := range xs {
		out[i] = f(x)
	}
	return out
}

func Reverse[T cmp.Ordered](a, b T) int { return cmp.Compare(b, a) }

func main() {
	xs := []int{3, 1, 2}
	slices.SortFunc(xs, cmp.Compare)
	fmt.Println(xs)
	slices.SortFunc(xs, Reverse)
	fmt.Println(xs)
	fmt.Println(Apply([]float64{1.5}, Double), Apply([]int{2}, Double[int]))
	var f func(int) int = Double
	fmt.Println(f(21))
	names := []string{"b", "C", "a"}
	slices.SortFunc(names, strings.Compare)
	fmt.Println(names, slices.MaxFunc(names, cmp.Compare))
	i, ok := slices.BinarySearchFunc([]int{1, 3, 5}, 3, cmp.Compare)
	fmt.Println(i, ok)
}
