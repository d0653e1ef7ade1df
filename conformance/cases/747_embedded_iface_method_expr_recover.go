// Method expressions of methods of an interface embedded in a struct
// (directly, through a pointer, through two levels): deferred, the
// dynamic method recovers; with a nil embedded pointer the wrapper itself
// faults while the panic runs it, and both panics are reported.
package main

import "fmt"

type C interface{ Catch() }
type B struct{}

func (B) Catch() { fmt.Println("r:", recover()) }

type H struct{ C }
type H2 struct{ *H }

func main() {
	defer fmt.Println("end")
	func() {
		defer (*H).Catch(&H{B{}})
		panic(1)
	}()
	func() {
		defer H2.Catch(H2{&H{B{}}})
		panic(2)
	}()
	func() {
		defer (*H2).Catch(&H2{&H{B{}}})
		panic(3)
	}()
	f := H2.Catch
	defer f(H2{})
	panic(4)
}
