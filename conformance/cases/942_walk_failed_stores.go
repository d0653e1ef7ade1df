package main

// A deferred call's stack walk below a store that failed, and below a
// method call whose receiver is reached through a nil pointer. A store
// into a nil map fails in the runtime's mapassign that gc picks by the
// map's type: mapassign_fast32 for a 4-byte plain key, mapassign_fast64
// for an 8-byte one, mapassign_fast64ptr for a pointer key,
// mapassign_faststr for a string key, mapassign for any other key or for
// an element over 128 bytes. A store shows its function at the line of its
// target (the '[' of m[k], the '*' of *p, the '.' of p.f); a receiver
// reached through a nil pointer, at the selector's dot; a range over a nil
// array pointer's values, at the `range` keyword.

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

type key32 struct{ a, b int16 }
type padded struct {
	a int8
	b int32
}
type point struct{ x, y int }
type big [20]int

func nilMaps() {
	func() {
		defer frames("int32 key")
		var m map[int32]string
		m[1] = "a"
	}()
	func() {
		defer frames("struct of two int16")
		var m map[key32]bool
		m[key32{}] = true
	}()
	func() {
		defer frames("int key")
		var m map[int]int
		m[
		1] = 2
	}()
	func() {
		defer frames("uint64 key, op-assign")
		var m map[uint64]int
		m[3] += 4
	}()
	func() {
		defer frames("[2]int32 key")
		var m map[[2]int32]int
		m[[2]int32{}] = 1
	}()
	func() {
		defer frames("pointer key")
		var m map[*point]int
		m[nil] = 1
	}()
	func() {
		defer frames("channel key")
		var m map[chan int]int
		m[nil] = 1
	}()
	func() {
		defer frames("string key, increment")
		var m map[string]int
		m["k"]++
	}()
	func() {
		defer frames("bool key")
		var m map[bool]int
		m[true] = 1
	}()
	func() {
		defer frames("float key")
		var m map[float64]int
		m[1.5] = 1
	}()
	func() {
		defer frames("padded struct key")
		var m map[padded]int
		m[padded{}] = 1
	}()
	func() {
		defer frames("16-byte struct key")
		var m map[point]int
		m[point{}] = 1
	}()
	func() {
		defer frames("interface key")
		var m map[any]int
		m[1] = 1
	}()
	func() {
		defer frames("large element")
		var m map[int]big
		m[1] = big{}
	}()
	func() {
		defer frames("two targets")
		var m map[string]int
		x := 0
		x, m["b"] = 1, 2
		fmt.Println(x)
	}()
}

type Inner struct{ n int }

func (i *Inner) Ptr() int { return 1 }
func (i Inner) Val() int  { return i.n }

type Outer struct {
	Inner
}

func stores() {
	func() {
		defer frames("*p =")
		var p *int
		q := p
		*q =
			5
	}()
	func() {
		defer frames("p.f =")
		var o *Outer
		o.
			n = 1
	}()
	func() {
		defer frames("promoted pointer method")
		var o *Outer
		fmt.Println(o.
			Ptr())
	}()
	func() {
		defer frames("value method of a nil pointer")
		var in *Inner
		fmt.Println(in.Val(
		))
	}()
	func() {
		defer frames("method value")
		var in *Inner
		f := in.
			Val
		fmt.Println(f())
	}()
	func() {
		defer frames("range over a nil array pointer")
		var p *[3]int
		for _, v :=
		range p {
			fmt.Println(v)
		}
	}()
	func() {
		defer frames("array through pointer")
		var p *[4]int
		p[
		2] = 1
	}()
}

func main() {
	nilMaps()
	stores()
}
