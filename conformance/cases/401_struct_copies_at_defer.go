// rule: A1, A2; issue9 structs: a struct argument, a value receiver and a method value are copied at the defer statement
package main

import "fmt"

type Point struct {
	X, Y int
	Tag  string
}

func (p Point) Show(label string) { fmt.Println(label, p.X, p.Y, p.Tag) }

func (p *Point) Move(dx int) { p.X += dx }

type Box struct {
	Min, Max Point
	Name     string
}

func main() {
	p := Point{1, 2, "a"}
	defer fmt.Println("deferred arg:", p)
	defer p.Show("deferred value receiver:")
	show := p.Show
	defer show("deferred method value:")
	defer func() { fmt.Println("closure sees the variable:", p) }()
	p.X = 10
	p.Move(5)
	q := p
	q.Tag = "q"
	fmt.Println("p:", p, "q:", q)
	b := Box{Min: p, Name: "box"}
	c := b
	c.Min.Y = 99
	bp := &b
	bp.Max.X = 7
	defer fmt.Printf("deferred %+v\n", b)
	fmt.Printf("%v %+v\n", c, *bp)
	fmt.Println(b == c, b.Min == p, &b == bp)
}
