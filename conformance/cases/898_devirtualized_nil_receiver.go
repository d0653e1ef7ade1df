package main

import "fmt"

// gc turns a method call on a local interface variable into a direct call
// when every assignment to the variable converts one concrete type (nil
// assignments aside) and its address is never taken: with a nil *T inside
// and a method of T, that direct call faults with the plain nil
// dereference, not with the wrapper's "value method ... called using nil
// *T pointer". Parameters (of a function gc does not inline), variables
// assigned two concrete types or something else, address-taken ones and
// method values keep the wrapper's text. In a defer statement the call is
// devirtualized inside the wrapper gc makes, and still runs at exit.

type Greeter interface{ Greet() string }

type English struct{ name string }
type French struct{ name string }

func (e English) Greet() string { return "hello " + e.name }
func (f French) Greet() string  { return "bonjour " + f.name }

var nilEnglish *English
var table = map[string]Greeter{"en": nilEnglish}

func show(label string) {
	fmt.Println(label+":", recover())
}

func declaredWithValue() {
	defer show("var g Greeter = nilEnglish")
	var g Greeter = nilEnglish
	g.Greet()
}

func converted() {
	defer show("g := Greeter(nilEnglish)")
	g := Greeter(nilEnglish)
	g.Greet()
}

func nilThenValue() {
	defer show("nil, then the same type twice")
	var g Greeter
	g = nil
	g = &English{"x"}
	fmt.Println(g.Greet())
	g = nilEnglish
	g.Greet()
}

func twoTypes() {
	defer show("two concrete types")
	var g Greeter = &French{"y"}
	fmt.Println(g.Greet())
	g = nilEnglish
	g.Greet()
}

func fromMap() {
	defer show("from a map")
	g := table["en"]
	g.Greet()
}

func addressTaken() {
	defer show("address taken")
	var g Greeter = nilEnglish
	p := &g
	_ = p
	g.Greet()
}

//go:noinline
func parameter(g Greeter) {
	defer show("parameter")
	g.Greet()
}

func methodValue() {
	defer show("method value")
	var g Greeter = nilEnglish
	f := g.Greet
	f()
}

func deferred() (n int) {
	defer show("deferred call on a local")
	var g Greeter = nilEnglish
	defer g.Greet()
	n = 3
	return n
}

func main() {
	declaredWithValue()
	converted()
	nilThenValue()
	twoTypes()
	fromMap()
	addressTaken()
	parameter(nilEnglish)
	methodValue()
	fmt.Println(deferred())
}
