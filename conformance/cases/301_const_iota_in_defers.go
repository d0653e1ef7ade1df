package main

import "fmt"

const (
	first = iota * 10
	second
	third
	_
	fifth
)

const greeting string = "hello"

const a, b = iota + 1, "b" + greeting

func show(tag string, n int) {
	fmt.Println(tag, n)
}

func run() (r int) {
	const local = third + 1
	defer func() {
		r += local
		fmt.Println("deferred sees", r, local)
	}()
	for i := 0; i < 2; i++ {
		const step = second
		defer show("loop", i*step)
	}
	defer show("fifth", fifth)
	return first + second
}

func main() {
	defer fmt.Println(greeting, a, b)
	fmt.Println(first, second, third, fifth)
	fmt.Println(run())
	const shadow = "outer"
	{
		const shadow = 7
		defer show("inner shadow", shadow)
	}
	defer fmt.Println("outer shadow", shadow)
	defer func() {
		r := recover()
		fmt.Println("recovered", r, r == third)
	}()
	panic(third)
}
