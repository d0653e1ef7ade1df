package main

import "fmt"

func each(yield func(int) bool) {
	defer fmt.Println("each: deferred")
	defer func() {
		// The iterator sees the body's panic go by, and may not stop it
		// from reaching the loop's function... but recover works here.
		fmt.Println("each: not recovering")
	}()
	for i := 0; i < 3; i++ {
		if !yield(i) {
			return
		}
	}
}

func bodyPanics() {
	defer func() { fmt.Println("bodyPanics recovered:", recover()) }()
	for i := range each {
		defer fmt.Println("body defer", i)
		if i == 1 {
			panic("boom in body")
		}
	}
	fmt.Println("not reached")
}

func broken(yield func(int) bool) {
	yield(1)
	panic("iterator panics")
}

func iteratorPanics() {
	defer func() { fmt.Println("iteratorPanics recovered:", recover()) }()
	for x := range broken {
		defer fmt.Println("body defer of", x)
	}
}

func swallow(yield func(int) bool) {
	defer func() { fmt.Println("swallow recovered:", recover()) }()
	yield(7)
	fmt.Println("swallow: after yield")
}

func iteratorRecovers() {
	defer fmt.Println("iteratorRecovers: own defer")
	for x := range swallow {
		defer fmt.Println("body defer", x)
		panic(fmt.Sprint("body panic ", x))
	}
	fmt.Println("iteratorRecovers: after the loop")
}

func main() {
	bodyPanics()
	iteratorPanics()
	func() {
		defer func() { fmt.Println("main recovered:", recover()) }()
		iteratorRecovers()
	}()
	fmt.Println("end")
}
