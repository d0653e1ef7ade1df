package main

// A deferred call's stack walk below a failed type assertion: gc's frames
// depend on the assertion. To a concrete type from an empty interface
// (however it is named): runtime.panicdottypeE; from an interface with
// methods: panicdottypeE above panicdottypeI; to an interface type:
// runtime.getitab above runtime.typeAssert, or runtime.panicnildottype
// when the operand is nil. The failing function is shown at the line of
// the assertion's dot. A comma-ok assertion never fails.

import (
	"fmt"
	"runtime"
)

func frames(tag string) {
	r := recover()
	pcs := make([]uintptr, 16)
	n := runtime.Callers(2, pcs)
	fs := runtime.CallersFrames(pcs[:n])
	fmt.Print(tag, " (", r, "):")
	for {
		f, more := fs.Next()
		fmt.Printf(" %s@%d", f.Function, f.Line)
		if f.Function == "main.main" || !more {
			break
		}
	}
	fmt.Println()
}

type Shape interface{ Area() int }
type Named interface{ Name() string }
type Empty interface{}

type sq struct{ side int }

func (s sq) Area() int { return s.side * s.side }

type circle struct{}

func (circle) Area() int { return 3 }

var (
	anyVal   any   = "text"
	emptyVal Empty = 4
	shape    Shape = sq{2}
	nilShape Shape
	nilAny   any
)

func fromAny() {
	defer frames("any to int")
	_ = anyVal.
	(int)
}

func fromNamedEmpty() {
	defer frames("named empty to string")
	fmt.Println(emptyVal.(string))
}

func fromIface() {
	defer frames("Shape to circle")
	_ = shape.(circle)
}

func fromIfacePtr() {
	defer frames("Shape to *sq")
	_ = shape.(*sq)
}

func toIface() {
	defer frames("Shape to Named")
	_ = shape.(Named)
}

func anyToIface() {
	defer frames("any to Shape")
	_ = anyVal.(Shape)
}

func nilToIface() {
	defer frames("nil to Named")
	_ = nilShape.(Named)
}

func nilToConcrete() {
	defer frames("nil to sq")
	_ = nilShape.(sq)
}

func nilAnyToInt() {
	defer frames("nil any to int")
	_ = nilAny.(int)
}

func commaOk() {
	defer frames("comma-ok")
	v, ok := anyVal.(int)
	fmt.Println("comma-ok:", v, ok)
	panic("after comma-ok")
}

func check(s Shape) int {
	return s.(sq).side
}

func inCallee() {
	defer frames("in callee")
	fmt.Println(check(sq{5}))
	fmt.Println(check(circle{}))
}

func main() {
	fromAny()
	fromNamedEmpty()
	fromIface()
	fromIfacePtr()
	toIface()
	anyToIface()
	nilToIface()
	nilToConcrete()
	nilAnyToInt()
	commaOk()
	inCallee()
}
