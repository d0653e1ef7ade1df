// rule: C4, A5
package main

import "fmt"

func g() {
	defer fmt.Println("g's defer")
	panic("from g")
}

func f() {
	defer fmt.Println("f: earlier defer runs after recovery")
	defer func() {
		r := recover()
		fmt.Println("f recovered:", r)
		fmt.Println("f: code after recover in the same deferred call")
	}()
	defer fmt.Println("f: defer registered after the recovering one runs first")
	g()
	fmt.Println("f: after g (unreachable)")
}

func main() {
	f()
	fmt.Println("main: f returned normally")
}
