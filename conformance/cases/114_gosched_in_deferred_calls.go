// rule: A5, B1, C2, C4, D1
// runtime.Gosched in the middle of deferred calls: while a panic runs
// them, inside a deferred call's own deferred call, between loop defers,
// and during Goexit. With one goroutine it lets nothing else run, and the
// defer/panic/recover state is exactly as before the call.
package main

import (
	"fmt"
	"runtime"
)

func deep(n int) (r int) {
	defer func() {
		runtime.Gosched()
		if n == 0 {
			fmt.Println("deep(0)'s defer, recover() =", recover())
			defer func() {
				runtime.Gosched()
				fmt.Println("its own defer, recover() =", recover())
			}()
		}
		r += n * 10
	}()
	if n == 0 {
		panic("bottom")
	}
	return deep(n-1) + n
}

func loop() (s string) {
	for i := 0; i < 3; i++ {
		defer func() {
			runtime.Gosched()
			s += fmt.Sprint(i)
		}()
	}
	return "loop:"
}

func main() {
	defer func() {
		runtime.Gosched()
		fmt.Println("main's defer, recover() =", recover())
	}()
	fmt.Println("deep(3) =", deep(3))
	fmt.Println(loop())
	defer func() {
		runtime.Gosched()
		fmt.Println("recover() during the final panic =", recover())
		runtime.Gosched()
	}()
	func() {
		defer runtime.Gosched()
		defer func() {
			runtime.Gosched()
			panic("final")
		}()
	}()
}
