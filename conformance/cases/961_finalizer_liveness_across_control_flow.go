package main

// A local is dead after its last use even in a function whose body has
// switch, select, range loops and labeled loops (which minigo lowers to
// labels and jumps): a collection after that use finalizes its object.

import (
	"fmt"
	"runtime"
)

type Res struct {
	name string
	pad  [4]int64
}

var closed = map[string]bool{}

func open(name string) *Res {
	r := &Res{name: name}
	runtime.SetFinalizer(r, func(r *Res) { closed[r.name] = true })
	return r
}

func report(step, name string) {
	runtime.GC()
	fmt.Printf("%s: %s closed=%v\n", step, name, closed[name])
}

func withSwitch(k int) {
	r := open("switch")
	switch k {
	case 1:
		fmt.Println("one", r.name)
	default:
		fmt.Println("other")
	}
	report("after switch", "switch")
}

func withSelect() {
	r := open("select")
	c := make(chan int, 1)
	c <- len(r.name)
	select {
	case v := <-c:
		fmt.Println("received", v)
	default:
		fmt.Println("nothing")
	}
	report("after select", "select")
}

func withRange() {
	r := open("range")
	n := 0
	for i := range 3 {
		n += i
	}
	for _, b := range r.name {
		n += int(b)
	}
	report("after range", "range")
	fmt.Println(n)
}

func withLabels() {
	r := open("labels")
outer:
	for i := 0; i < 3; i++ {
		for j := 0; j < 3; j++ {
			if i+j == 3 {
				break outer
			}
			if j > i {
				continue outer
			}
		}
	}
	fmt.Println(r.name)
	report("after labeled loops", "labels")
}

func stillUsed() {
	r := open("used")
	for i := 0; i < 2; i++ {
		switch i {
		case 0:
			report("in a loop that uses it later", "used")
		case 1:
			fmt.Println(r.name)
		}
	}
	report("after that loop", "used")
}

func main() {
	withSwitch(1)
	withSelect()
	withRange()
	withLabels()
	stillUsed()
	defer report("deferred", "main")
	m := open("main")
	_ = m
}
