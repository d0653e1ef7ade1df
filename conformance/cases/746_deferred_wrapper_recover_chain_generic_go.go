// Method wrappers deferred where the panic is raised by another deferred
// call, deferred in a loop (defer chain), in goroutines, started by `go`,
// with generic types and with a variadic method: the method the wrapper
// forwards to is the deferred call for recover.
package main

import (
	"fmt"
	"sync"
)

type Inner struct{ n int }

func (in Inner) Catch() { fmt.Println("recovered:", recover(), in.n) }

func (in *Inner) Sum(xs ...int) {
	t := 0
	for _, x := range xs {
		t += x
	}
	fmt.Println("sum", t, "recovered:", recover())
}

type Outer struct{ Inner }

type Box[T any] struct{ v T }

func (b Box[T]) Catch() { fmt.Println("generic recovered:", recover(), b.v) }

func (b *Box[T]) PCatch() { fmt.Println("generic ptr recovered:", recover(), b.v) }

type GOuter[T any] struct{ Box[T] }


func (in Inner) Done(wg *sync.WaitGroup) {
	defer wg.Done()
	fmt.Println("go wrapper:", recover(), in.n)
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
	run("panic in a deferred call", func() {
		defer Outer.Catch(Outer{Inner{1}})
		defer func() { panic("from defer") }()
	})
	run("repanic in a deferred call", func() {
		defer Outer.Catch(Outer{Inner{2}})
		defer func() { panic("second") }()
		panic("first")
	})
	run("in a loop", func() {
		for i := 0; i < 3; i++ {
			defer Outer.Catch(Outer{Inner{10 + i}})
		}
		panic("loop")
	})
	run("variadic multi-valued", func() {
		defer (*Outer).Sum(&Outer{}, 1, 2)
		panic("v1")
	})
	run("generic value", func() {
		defer GOuter[string].Catch(GOuter[string]{Box[string]{"s"}})
		panic("g1")
	})
	run("generic pointer", func() {
		defer (*GOuter[int]).PCatch(&GOuter[int]{Box[int]{7}})
		panic("g2")
	})
	run("generic method value", func() {
		g := GOuter[int]{Box[int]{8}}
		f := g.Catch
		defer f()
		panic("g3")
	})
	var wg sync.WaitGroup
	for i := 0; i < 2; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			run(fmt.Sprint("goroutine ", i), func() {
				defer Outer.Catch(Outer{Inner{20 + i}})
				panic(fmt.Sprint("g", i))
			})
		}()
		wg.Wait()
	}
	wg.Add(1)
	go func() {
		defer wg.Done()
		defer Outer.Catch(Outer{Inner{30}})
		panic("go body")
	}()
	wg.Wait()
	wg.Add(1)
	go Outer.Done(Outer{Inner{31}}, &wg)
	wg.Wait()
	fmt.Println("end")
}
