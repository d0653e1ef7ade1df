// rule: C2, C4, B3; issue9 range-over-func: an iterator that recovers the body's panic and keeps iterating gets Go's run-time error
package main

import "fmt"

func swallow(yield func(int) bool) {
	for i := 0; i < 3; i++ {
		func() {
			defer func() {
				if r := recover(); r != nil {
					fmt.Println("iterator recovered:", r)
				}
			}()
			yield(i)
		}()
	}
	fmt.Println("iterator returns normally")
}

func run() {
	defer func() {
		r := recover()
		fmt.Println("run recovered:", r)
		if e, ok := r.(error); ok {
			fmt.Println("as error:", e.Error())
		}
	}()
	for x := range swallow {
		defer fmt.Println("body defer", x)
		if x == 1 {
			panic("body panic")
		}
	}
	fmt.Println("after loop")
}

func main() {
	run()
	fmt.Println("main done")
}
