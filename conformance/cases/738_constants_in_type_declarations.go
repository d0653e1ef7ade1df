// rule: package-level declarations may refer to each other in any order: a
// type's array length may be a constant declared anywhere in the package
// (before or after it), and constants may in turn use the package's types.
// Values of such types behave as any other arrays, also when a deferred call
// reads them after a recovered out-of-range panic.
package main

import "fmt"

type Grid [Rows][Cols]Cell

type Cell byte

const Rows = 2

const (
	Cols  = Width / 2
	Width = 6
)

const Empty Cell = '.'

type Ring struct {
	buf  [Size]int
	next int
}

const Size = Rows + Cols

func (r *Ring) Put(v int) (ok bool) {
	defer func() {
		if recover() != nil {
			r.next = 0
			ok = false
		}
	}()
	r.buf[r.next] = v
	r.next++
	return true
}

func main() {
	var g Grid
	for i := range g {
		for j := range g[i] {
			g[i][j] = Empty
		}
	}
	g[1][2] = '#'
	for _, row := range g {
		fmt.Println(string(row[:]))
	}
	var r Ring
	for i := 0; i < Size+1; i++ {
		fmt.Print(r.Put(i), " ")
	}
	fmt.Println(r.buf, r.next, len(g), len(g[0]))
}
