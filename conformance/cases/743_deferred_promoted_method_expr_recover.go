// A deferred method expression that reaches its method through embedded
// fields (gc's promotion wrapper) recovers: recover sees through wrappers.
package main

import "fmt"

type Inner struct{ n int }

func (in Inner) Catch() { fmt.Println("value recv, recovered:", recover(), in.n) }

func (in *Inner) PCatch() { fmt.Println("ptr recv, recovered:", recover(), in.n) }

type Mid struct{ Inner }

type Outer struct{ Mid }

type ByPtr struct{ *Inner }

type ByPtr2 struct{ *Mid }

func (in Inner) CatchArg(tag string) int {
	r := recover()
	fmt.Println(tag, "recovered:", r)
	return in.n
}

func run(name string, f func()) {
	defer func() {
		if r := recover(); r != nil {
			fmt.Println(name, "escaped:", r)
		}
	}()
	f()
	fmt.Println(name, "returned")
}

func main() {
	run("one level", func() {
		defer Mid.Catch(Mid{Inner{1}})
		panic("p1")
	})
	run("two levels", func() {
		defer Outer.Catch(Outer{Mid{Inner{2}}})
		panic("p2")
	})
	run("ptr method, ptr outer", func() {
		defer (*Outer).PCatch(&Outer{Mid{Inner{3}}})
		panic("p3")
	})
	run("value method, ptr outer", func() {
		defer (*Outer).Catch(&Outer{Mid{Inner{4}}})
		panic("p4")
	})
	run("value method through ptr (no embedding)", func() {
		defer (*Inner).Catch(&Inner{5})
		panic("p5")
	})
	run("embedded pointer", func() {
		defer ByPtr.PCatch(ByPtr{&Inner{6}})
		panic("p6")
	})
	run("embedded pointer two levels", func() {
		defer ByPtr2.Catch(ByPtr2{&Mid{Inner{7}}})
		panic("p7")
	})
	run("with args", func() {
		defer Outer.CatchArg(Outer{Mid{Inner{8}}}, "args")
		panic("p8")
	})
	run("stored in a variable", func() {
		f := Outer.Catch
		defer f(Outer{Mid{Inner{9}}})
		panic("p9")
	})
	run("ptr stored", func() {
		f := (*Outer).PCatch
		defer f(&Outer{Mid{Inner{10}}})
		panic("p10")
	})
	run("no panic", func() {
		defer Outer.Catch(Outer{Mid{Inner{11}}})
	})
	run("nil embedded pointer", func() {
		defer ByPtr.Catch(ByPtr{})
		panic("p12")
	})
}
