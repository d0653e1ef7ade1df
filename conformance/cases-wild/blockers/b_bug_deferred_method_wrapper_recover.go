// blocker: BUG a deferred method expression or method value that reaches its method through an embedded field (gc's wrapper, which recover sees through) does not recover: minigo's wrapper is a frame of its own between the deferred call and the method
// uses: defer \w+\.\w+\(\w+\{
package main

import "fmt"

type Inner struct{}

func (Inner) Catch() { fmt.Println("recovered:", recover()) }

type Outer struct{ Inner }

func main() {
	defer fmt.Println("end")
	func() {
		defer Outer.Catch(Outer{})
		panic("boom")
	}()
	func() {
		f := Outer.Catch
		defer f(Outer{})
		panic("boom2")
	}()
}
