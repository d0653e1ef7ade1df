package main

// An unrecovered panic with a value of a declared complex type, while a
// deferred call re-panics with complex64.

type Z complex128

func main() {
	defer func() {
		recover()
		var w complex64 = 0.1 + 0.7i
		panic(w)
	}()
	panic(Z(-1.5 + 1e-9i))
}
