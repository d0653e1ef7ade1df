package main

// A deferred call's stack walk below the other run-time errors of the
// runtime's own functions: a negative shift count (runtime.panicshift, at
// the operator's line; also of `x <<= n`, and a division of `x /= n`),
// make with a bad length or capacity (runtime.panicmakeslicelen or
// panicmakeslicecap above runtime.makeslice; runtime.makechan), a send on
// a closed channel (runtime.chansend above runtime.chansend1; in a select
// of that one send the same, at the case, or with a default
// runtime.chansend above runtime.selectnbsend; in any other select
// runtime.selectgo, at the select keyword), close of a nil or closed
// channel (runtime.closechan, at two lines), and a call of a nil func
// (runtime.panicmem and runtime.sigpanic, at the call's parenthesis).

import (
	"fmt"
	"runtime"
)

func frames(tag string) {
	r := recover()
	pcs := make([]uintptr, 16)
	n := runtime.Callers(2, pcs)
	fs := runtime.CallersFrames(pcs[:n])
	fmt.Print(tag, " (", r, "):")
	for {
		f, more := fs.Next()
		fmt.Printf(" %s@%d", f.Function, f.Line)
		if f.Function == "main.main" || !more {
			break
		}
	}
	fmt.Println()
}

var neg = -2

func shift() {
	defer frames("shift")
	x := 1
	fmt.Println(x <<
		neg)
}

func opAssign() {
	defer frames("x /= 0")
	x, zero := 5, 0
	x /=
		zero
}

func shiftAssign() {
	defer frames("x <<= neg")
	x := int8(3)
	x <<= neg
}

func makeLen() {
	defer frames("make len")
	_ = make([]int,
		neg)
}

func makeCap() {
	defer frames("make cap")
	_ = make([]string, 1, neg)
}

func makeChan() {
	defer frames("make chan")
	_ = make(chan int, neg)
}

func send() {
	defer frames("send")
	c := make(chan int, 1)
	close(c)
	c <- 1
}

func selectSends() {
	c := make(chan int, 1)
	close(c)
	func() {
		defer frames("select send, default")
		select {
		case c <- 1:
		default:
		}
	}()
	func() {
		defer frames("select send alone")
		select {
		case c <- 2:
		}
	}()
	func() {
		defer frames("select of two")
		d := make(chan int)
		select {
		case <-d:
		case c <- 3:
		}
	}()
}

func closeNil() {
	defer frames("close nil")
	var c chan bool
	close(
		c)
}

func closeTwice() {
	defer frames("close twice")
	c := make(chan bool)
	close(c)
	close(c)
}

type handler struct{ run func(int) int }

func nilFunc() {
	defer frames("nil func")
	var f func()
	f(
	)
}

func nilField() {
	defer frames("nil field func")
	h := handler{}
	fmt.Println(h.run(3))
}

func main() {
	shift()
	opAssign()
	shiftAssign()
	makeLen()
	makeCap()
	makeChan()
	send()
	selectSends()
	closeNil()
	closeTwice()
	nilFunc()
	nilField()
}
