// rule: A1, A2, A4; issue9 structs in slices and arrays, arrays in structs: element fields are addressable, copies do not share, deferred calls see what Go's value semantics give
package main

import "fmt"

type Task struct {
	name  string
	done  bool
	tries int
}

func (t *Task) Retry() { t.tries++ }

type Grid struct {
	cells [3]int
	name  string
}

func (g Grid) With(i, v int) Grid {
	g.cells[i] = v
	return g
}

func main() {
	tasks := []Task{{name: "a"}, {name: "b"}}
	defer fmt.Println("deferred tasks:", tasks)
	tasks[0].done = true
	tasks[1].tries += 2
	tasks[1].tries++
	tasks[0].Retry()
	p := &tasks[1]
	p.Retry()
	for i := range tasks {
		defer tasks[i].Retry()
		tasks[i].name += "!"
	}
	c := tasks[0]
	c.name = "copy"
	fmt.Println(tasks, c)

	a := Grid{name: "a"}
	b := a
	b.cells[0] = 9
	g := a.With(1, 7)
	defer fmt.Println("deferred grid:", a)
	a.cells[2] = 5
	a.cells[2]++
	fmt.Println(a, b, g)
	var arr [2]Grid
	arr[0].cells[1] = 4
	d := arr
	d[0].cells[1] = 8
	fmt.Println(arr, d)

	defer func() { fmt.Println("recovered:", recover()) }()
	i := 5
	tasks[i].done = true
}
