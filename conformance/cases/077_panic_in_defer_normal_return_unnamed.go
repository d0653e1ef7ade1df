// rule: C5, C4
package main

import "fmt"

func f() int {
	defer func() {
		fmt.Println("recovered:", recover())
	}()
	defer func() {
		panic("cleanup failed")
	}()
	return 42
}

func g() (string, error) {
	defer func() { recover() }()
	defer panic("boom")
	return "value", nil
}

func main() {
	fmt.Println("f() =", f())
	s, err := g()
	fmt.Printf("g() = %q %v\n", s, err)
}
