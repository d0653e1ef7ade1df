package main

import "fmt"

// A method of T called through a nil *T held in an interface goes through
// gc's wrapper (*T).M, which runs when the call does: `defer i.M()` and
// `f := i.M` do not panic where they are written, the call does, with
// "value method main.T.M called using nil *T pointer". A promoted method's
// wrapper panics with the plain nil dereference. Calling through the nil
// pointer itself (p.M, defer p.M()) dereferences at once.
//
// The interface values here come from a slice: gc turns a call on an
// interface whose concrete type it can see (a local assigned once) into a
// direct call, whose nil dereference has the plain text.

type Shape interface {
	Area() int
	Scale(k int) int
}

type Square struct{ side int }

func (s Square) Area() int        { return s.side * s.side }
func (s Square) Scale(k int) int  { return s.side * k }
func (s *Square) Grow()           { fmt.Println("Grow on nil:", s == nil) }
func (s Square) String() string   { return fmt.Sprint("square ", s.side) }

type Framed struct {
	Square
	border int
}

type Linked struct {
	*Square
}

type Boxed[T any] struct{ v T }

func (b Boxed[T]) Area() int       { return 0 }
func (b Boxed[T]) Scale(k int) int { return k }

var nilSquare *Square
var shapes []Shape

func report(label string) {
	r := recover()
	_, isErr := r.(error)
	fmt.Printf("%s: %v (error: %v)\n", label, r, isErr)
}

func deferredThroughInterface() (n int) {
	defer report("defer shapes[0].Area()")
	fmt.Println("before defer")
	defer shapes[0].Area()
	fmt.Println("after defer")
	n = 7
	return n
}

func deferredThroughPointer() (n int) {
	defer report("defer nilSquare.Area()")
	fmt.Println("before defer")
	defer nilSquare.Area()
	fmt.Println("after defer")
	n = 8
	return n
}

func deferredNilInterface() (n int) {
	defer report("defer on a nil interface")
	var none []Shape = make([]Shape, 1)
	fmt.Println("before defer")
	defer none[0].Area()
	fmt.Println("after defer")
	n = 9
	return n
}

func methodValues() {
	defer report("calling the method value")
	f := shapes[0].Area
	fmt.Println("method value taken")
	f()
}

func methodValueOfPointer() {
	defer report("nilSquare.Area as a value")
	f := nilSquare.Area
	fmt.Println("not reached", f)
}

func methodExpressions() {
	func() {
		defer report("(*Square).Area(nil)")
		(*Square).Area(nilSquare)
	}()
	func() {
		defer report("Shape.Area(shapes[0])")
		Shape.Area(shapes[0])
	}()
	func() {
		defer report("defer (*Square).Scale")
		defer (*Square).Scale(nilSquare, 2)
		fmt.Println("deferred the method expression")
	}()
}

func argumentsFirst() {
	defer report("arguments evaluated first")
	shapes[0].Scale(func() int { fmt.Println("argument evaluated"); return 3 }())
}

func promoted() {
	func() {
		defer report("promoted through *Framed")
		shapes[1].Area()
	}()
	func() {
		defer report("deferred promoted through *Framed")
		defer shapes[1].Scale(2)
		fmt.Println("deferred")
	}()
	func() {
		defer report("promoted through a nil embedded *Square")
		shapes[2].Area()
	}()
	func() {
		defer report("generic")
		shapes[3].Area()
	}()
}

func main() {
	var framed *Framed
	var gen *Boxed[int]
	shapes = []Shape{nilSquare, framed, Linked{}, gen}
	fmt.Println(deferredThroughInterface())
	fmt.Println(deferredThroughPointer())
	fmt.Println(deferredNilInterface())
	methodValues()
	methodValueOfPointer()
	methodExpressions()
	argumentsFirst()
	promoted()
	nilSquare.Grow()
	fmt.Println(nilSquare, shapes[0])
	fmt.Printf("%v %s\n", shapes[0], shapes[0])
}
