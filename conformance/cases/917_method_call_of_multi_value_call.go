package main

// A method call whose whole argument list is a call with several
// results: on a value, through a pointer, on an interface, deferred; the
// results' call runs before the receiver is read, so a nil receiver
// faults after it, as with gc.

import "fmt"

type T struct{ n int }

func (t T) Add(a, b int) int   { return t.n + a + b }
func (t *T) Set(a, b int)      { t.n = a * b; fmt.Println("Set", t.n) }

type Adder interface{ Add(a, b int) int }

func two(tag string) (int, int) { fmt.Println("two", tag); return 2, 3 }

func try(name string, f func()) {
	defer func() { fmt.Println(name, "->", recover()) }()
	f()
}

func main() {
	t := T{1}
	fmt.Println(t.Add(two("a")))
	p := &t
	p.Set(two("b"))
	fmt.Println(p.Add(two("c")))
	var a Adder = T{10}
	fmt.Println(a.Add(two("d")))
	defer p.Set(two("e"))
	defer fmt.Println(a.Add(two("f")))
	var np *T
	var na Adder
	try("nil ptr", func() { np.Add(two("g")) })
	try("nil iface", func() { na.Add(two("h")) })
	try("deferred nil ptr", func() { defer np.Add(two("i")); fmt.Println("no") })
	try("deferred nil iface", func() { defer na.Add(two("j")); fmt.Println("no") })
	try("nil ptr method ok", func() { np.Set(two("k")) })
}
