// Deferred method wrappers in nested panics and with Goexit: a wrapper
// deferred inside a deferred function recovers the panic raised there and
// not the outer one; a method reached through a wrapper that recovers and
// panics again; recover through a wrapper during Goexit returns nil.
package main

import (
	"fmt"
	"runtime"
	"sync"
)

type Inner struct{ tag string }

func (in Inner) Catch() { fmt.Println(in.tag, "recovered:", recover()) }

func (in *Inner) Repanic() {
	r := recover()
	fmt.Println(in.tag, "recovered", r, "and panics again")
	panic(fmt.Sprint("again: ", r))
}

func (in Inner) Result() (n int, err error) {
	if r := recover(); r != nil {
		err = fmt.Errorf("recovered %v", r)
		fmt.Println(in.tag, err)
	}
	return 1, err
}

type Mid struct{ *Inner }

type Outer struct{ Mid }

func mk(tag string) Outer { return Outer{Mid{&Inner{tag}}} }

func main() {
	func() {
		defer Outer.Catch(mk("outer"))
		defer func() {
			defer Outer.Catch(mk("inner"))
			panic("inner panic")
		}()
		panic("outer panic")
	}()
	func() {
		defer Outer.Catch(mk("last"))
		defer (*Outer).Repanic(&Outer{Mid{&Inner{"middle"}}})
		panic("first")
	}()
	func() {
		defer Outer.Result(mk("results"))
		panic("with results")
	}()
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		defer Outer.Catch(mk("goexit"))
		runtime.Goexit()
	}()
	wg.Wait()
	defer fmt.Println("main done")
	defer Outer.Catch(mk("main"))
	var o *Outer
	defer (*Outer).Catch(o)
	panic("end")
}
