// Where recover stays ineffective although wrappers are involved: a helper
// of the deferred method, a method called (through its wrapper or not) by
// a deferred closure, a function deferred by the method. And where a
// method reached through a deferred wrapper recovers with its own
// `defer recover()`.
package main

import "fmt"

func helper(tag string) { fmt.Println(tag, "helper recovered:", recover()) }

type Inner struct{ n int }

func (in Inner) Catch(tag string) { fmt.Println(tag, "recovered:", recover()) }

func (in Inner) Indirect(tag string) { helper(tag) }

func (in *Inner) PIndirect(tag string) { helper(tag) }

func (in Inner) DeferHelper(tag string) { defer helper(tag) }

func (in *Inner) DeferRecover(tag string) {
	defer recover()
	fmt.Println(tag, "deferred recover() registered")
}

func (in Inner) DeferClosure(tag string) {
	defer func() { fmt.Println(tag, "closure in method recovered:", recover()) }()
}

type Mid struct{ Inner }

type Outer struct{ *Mid }

type I interface{ Indirect(string) }

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
	o := Outer{&Mid{Inner{1}}}
	run("method expr, helper recovers", func() {
		defer Outer.Indirect(o, "a")
		panic("p1")
	})
	run("ptr method expr, helper recovers", func() {
		defer (*Mid).PIndirect(o.Mid, "b")
		panic("p2")
	})
	run("I.M, helper recovers", func() {
		defer I.Indirect(o, "c")
		panic("p3")
	})
	run("method value, helper recovers", func() {
		f := o.Indirect
		defer f("d")
		panic("p4")
	})
	run("closure calls method expr", func() {
		defer func() { Outer.Catch(o, "e") }()
		panic("p5")
	})
	run("closure calls method", func() {
		defer func() { o.Catch("f") }()
		panic("p6")
	})
	run("closure calls method value", func() {
		f := o.Catch
		defer func() { f("g") }()
		panic("p7")
	})
	run("method defers helper", func() {
		defer Outer.DeferHelper(o, "h")
		panic("p8")
	})
	run("method defers recover()", func() {
		defer Outer.DeferRecover(o, "i")
		panic("p9")
	})
	run("method defers recover(), called by a closure", func() {
		defer func() { Outer.DeferRecover(o, "j") }()
		panic("p10")
	})
	run("method defers a closure that recovers", func() {
		defer Outer.DeferClosure(o, "k")
		panic("p11")
	})
	run("recover() in the panicking function, method expr not deferred", func() {
		Outer.Catch(o, "l")
		panic("p12")
	})
}
