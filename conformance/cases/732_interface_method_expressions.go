// rule: a method expression on an interface type, I.M, is a function whose
// first parameter is the interface value: calling it calls the dynamic
// type's method (a nil interface panics with the nil dereference when the
// call runs). Deferred, its arguments — the interface value too — are
// evaluated at the defer statement.
package main

import "fmt"

type Shape interface {
	Area(scale int) int
	Name() string
}

type Rect struct{ w, h int }

func (r Rect) Area(scale int) int { return r.w * r.h * scale }
func (r Rect) Name() string      { return fmt.Sprint("rect ", r.w, "x", r.h) }

type Sq struct{ side int }

func (s *Sq) Area(scale int) int { return s.side * s.side * scale }
func (s *Sq) Name() string      { return "square" }

func report(name string) { fmt.Println("deferred:", name) }

func main() {
	area := Shape.Area
	name := Shape.Name
	shapes := []Shape{Rect{2, 3}, &Sq{4}}
	for _, s := range shapes {
		fmt.Println(name(s), area(s, 10), Shape.Area(s, 1))
	}
	fmt.Printf("%T\n", area)

	var s Shape = Rect{1, 1}
	defer report(Shape.Name(s))
	s = &Sq{9}

	defer func() { fmt.Println("recovered:", recover()) }()
	var none Shape
	defer Shape.Name(none)
	fmt.Println("body done")
}
