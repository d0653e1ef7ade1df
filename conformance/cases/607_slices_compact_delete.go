// issue 9: slices.Compact and slices.Delete (the tail they drop is
// zeroed in the shared backing array), on a named slice type too; a
// deferred call whose slices.Compact argument is evaluated at the defer
// statement; Delete's bounds panic recovered as a runtime.Error
package main

import (
	"fmt"
	"runtime"
	"slices"
)

type Names []string

func main() {
	xs := []int{1, 1, 2, 3, 3, 3, 4, 1}
	ys := slices.Compact(xs)
	fmt.Println(ys, len(ys), cap(ys), xs)
	n := Names{"a", "a", "b"}
	m := slices.Compact(n)
	fmt.Printf("%v %T\n", m, m)
	fmt.Println(slices.Compact([]string{}), slices.Compact([]int(nil)) == nil)
	zs := []int{0, 1, 2, 3, 4, 5}
	ws := slices.Delete(zs, 1, 3)
	fmt.Println(ws, zs)
	fmt.Println(slices.Delete([]int{1, 2}, 1, 1))
	defer fmt.Println("deferred:", slices.Compact([]int{7, 7, 8}))
	defer func() {
		r := recover()
		_, ok := r.(runtime.Error)
		fmt.Println("recovered:", r, ok)
	}()
	fmt.Println(slices.Delete([]int{1, 2, 3}, 2, 5))
}
