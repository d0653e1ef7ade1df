package main

// fmt recovers a panic inside an operand's String/Error method (Go's
// catchPanic): a nil pointer receiver prints "<nil>", any other panic
// "%!verb(PANIC=String method: ...)"; %T and %d do not call the method.

import "fmt"

type P struct{ n int }

func (p *P) String() string { return fmt.Sprint("P", p.n) }

type Bad struct{}

func (Bad) String() string { panic("boom") }

type E struct{}

func (E) Error() string { panic(fmt.Sprintf("bad %d", 7)) }

type Loud struct{}

func (Loud) String() string { fmt.Println("called"); return "loud" }

func show() (out string) {
	defer func() {
		r := recover()
		out = fmt.Sprintf("recovered %v", r)
	}()
	panic(Bad{})
}

func main() {
	var np *P
	fmt.Println(np, &P{1}, Bad{})
	fmt.Printf("%s|%d\n", Bad{}, np)
	fmt.Printf("%v|%s|%q|%x|%+v|%8v|%d|\n", np, np, np, np, np, np, np)
	fmt.Printf("%v|%s|%q|%8v|%T\n", Bad{}, Bad{}, Bad{}, Bad{}, Bad{})
	fmt.Println([]fmt.Stringer{Bad{}, np})
	var e error = E{}
	fmt.Printf("%v|%T\n", e, e)
	fmt.Println(fmt.Sprint(e), "after", fmt.Errorf("wrapped: %w", e))
	fmt.Printf("%T %v\n", Loud{}, Loud{})
	fmt.Printf("%*d|%s\n", 4, 7, Loud{})
	fmt.Println(show())
	defer func() {
		r := recover()
		fmt.Printf("recovered %v\n", r)
	}()
	defer fmt.Println("deferred", Bad{}, np)
	panic("outer")
}
