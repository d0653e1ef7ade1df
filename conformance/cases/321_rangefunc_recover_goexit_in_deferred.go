package main

import (
	"fmt"
	"runtime"
)

func nums(yield func(int) bool) {
	defer fmt.Println("nums exits")
	for i := 0; i < 3; i++ {
		if !yield(i) {
			return
		}
	}
}


func recoverInBody() (r string) {
	defer func() { fmt.Println("outer sees", r) }()
	for x := range nums {
		defer func() {
			if v := recover(); v != nil {
				r = fmt.Sprint("recovered ", v, " by body defer ", x)
			}
		}()
		if x == 1 {
			panic("boom")
		}
	}
	return "normal"
}

func inDeferred() {
	defer func() {
		fmt.Println("deferred while panicking:", recover())
		for x := range nums {
			defer fmt.Println("defer in range in deferred", x)
			if x == 1 {
				break
			}
		}
		fmt.Println("after loop in deferred")
	}()
	panic("p")
}

func withGoexit() {
	defer fmt.Println("withGoexit defer")
	for x := range nums {
		defer fmt.Println("goexit body defer", x)
		if x == 1 {
			runtime.Goexit()
		}
	}
}

func main() {
	fmt.Println(recoverInBody())
	inDeferred()
	defer fmt.Println("main deferred before goexit")
	withGoexit()
}
