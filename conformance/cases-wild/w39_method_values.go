// rule: issue9 (wild) method values as callbacks and deferred calls, interface method values, embedding with shadowed methods
package main

import (
	"fmt"
	"strings"
)

type Animal interface {
	Sound() string
	Name() string
}

type Base struct{ name string }

func (b Base) Name() string   { return b.name }
func (b Base) Sound() string  { return "..." }
func (b Base) Describe() string { return b.Name() + " says " + b.Sound() }

type Dog struct {
	Base
	tricks []string
}

func (d Dog) Sound() string { return "woof" }

func (d *Dog) Learn(t string) { d.tricks = append(d.tricks, t) }

type Cat struct{ Base }

func (Cat) Sound() string { return "meow" }

type Recorder struct {
	lines []string
}

func (r *Recorder) Record(s string) { r.lines = append(r.lines, s) }

func apply(items []string, f func(string)) {
	for _, it := range items {
		f(it)
	}
}

func main() {
	d := &Dog{Base: Base{"rex"}}
	c := Cat{Base{"tom"}}
	animals := []Animal{d, c, Base{"thing"}}
	for _, a := range animals {
		fmt.Printf("%-6s %-5s %T\n", a.Name(), a.Sound(), a)
	}
	fmt.Println(d.Describe(), "|", c.Describe())

	rec := &Recorder{}
	apply([]string{"a", "b"}, rec.Record)
	learn := d.Learn
	apply([]string{"sit", "roll"}, learn)
	fmt.Println(rec.lines, d.tricks)

	var a Animal = c
	snd := a.Sound
	a = d
	fmt.Println(snd(), a.Sound())

	defer rec.Record("deferred")
	defer func() { fmt.Println(strings.Join(rec.lines, "+")) }()
	defer rec.Record("deferred-first")

	var nilAnimal Animal
	defer func() {
		fmt.Println("recovered:", recover())
	}()
	f := nilAnimal.Sound
	fmt.Println("not reached", f)
}
