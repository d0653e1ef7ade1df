// A deferred function with defers of its own (C2, C4, B4): its recover is
// direct, a recover in its own deferred calls is not, and a panic it raises
// and recovers itself leaves the older panic running.
package main

import "fmt"

func protect(name string, f func()) {
	defer func() {
		if p := recover(); p != nil {
			fmt.Println(name, "caught by protect:", p)
		}
	}()
	f()
}

func recoversDirectly() {
	defer fmt.Println("recoversDirectly's own defer")
	fmt.Println("recoversDirectly got:", recover())
}

func loopThenRecover() {
	for i := 0; i < 2; i++ {
		defer fmt.Println("loop defer", i)
	}
	fmt.Println("loopThenRecover got:", recover())
}

func ownDeferRecovers() {
	defer func() { fmt.Println("ownDeferRecovers' defer got:", recover()) }()
	panic("inner")
}

func ownDeferTriesOuter() {
	defer func() { fmt.Println("ownDeferTriesOuter's defer got:", recover()) }()
}

func a() { defer recoversDirectly(); panic("a") }
func b() { defer loopThenRecover(); panic("b") }
func c() { defer ownDeferRecovers(); panic("c") }
func d() { defer ownDeferTriesOuter(); panic("d") }

func main() {
	protect("a", a)
	protect("b", b)
	protect("c", c)
	protect("d", d)
}
